/**
 * Reads method line ranges from compiled classes (the LineNumberTable of each method, with a small hand-written
 * class-file reader) on an application's class path, so that frame lines can be written relative to their method.
 * Used by {@code dev.crashwatch.watchdog.signature} while it names a crash.
 */
package dev.crashwatch.watchdog.signature.classfile;
