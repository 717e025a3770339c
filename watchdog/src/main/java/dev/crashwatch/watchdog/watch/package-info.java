/**
 * Watching JVMs through the crash pipe: one session per JVM fed by {@code dev.crashwatch.watchdog.pipe}, the
 * fatal-error-log locator, the rules that decide what a JVM's death counts as, and the recorder ({@link
 * dev.crashwatch.watchdog.watch.StoreRecorder}, on its {@link dev.crashwatch.watchdog.watch.RecordingThread}) that
 * names each crash with {@code dev.crashwatch.watchdog.signature} and counts it in {@code
 * dev.crashwatch.watchdog.store}; in mode {@code on} it then starts {@code crashwatch upload}, detached, at most once a
 * day ({@link dev.crashwatch.watchdog.watch.UploadStarter}). A finished run that more than one watchdog may record (the
 * native launcher's pending run) is counted once through a {@link dev.crashwatch.watchdog.watch.RunBatch}. Shared by launcher mode ({@code dev.crashwatch.watchdog.launch}) and the sidecar
 * ({@code dev.crashwatch.watchdog.sidecar}).
 */
package dev.crashwatch.watchdog.watch;
