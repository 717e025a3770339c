/**
 * How the store writes safely against concurrent writers and kill -9, cheaply in a cold JVM: atomic whole-file
 * replacement ({@code AtomicFiles}), files and directories private to the user ({@code PrivateFiles}), the
 * writers' directory lock ({@code DirectoryLock}), and listing files or setting an unreadable one aside ({@code
 * RegularFiles}). Used by {@code dev.crashwatch.watchdog.store} and its counter files; knows nothing of crashes.
 */
package dev.crashwatch.watchdog.store.files;
