package dev.crashwatch.watchdog.store;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The effective mode and where it came from, for {@code crashwatch mode} and {@code status}.
 *
 * @param source  {@code CRASHWATCH_MODE}, {@code mode file} or {@code default}
 * @param asOf      the day the mode file was written, when known
 * @param collector the URL the mode file names for uploads in mode {@code on}, as written (checked where it is used,
 *                  {@link CollectorUrl})
 * @param problem   set when a value could not be read: the mode then falls back to {@code local}
 */
public record ModeSetting(Mode mode, String source, Optional<LocalDate> asOf, Optional<String> collector,
                          Optional<String> problem) {
    static final String FROM_ENV = "CRASHWATCH_MODE";
    static final String FROM_FILE = "mode file";
    static final String DEFAULT = "default";
}
