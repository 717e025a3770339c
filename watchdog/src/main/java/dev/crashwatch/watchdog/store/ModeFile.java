package dev.crashwatch.watchdog.store;

import dev.crashwatch.agent.StoreDir;
import dev.crashwatch.watchdog.store.counters.IsoText;
import dev.crashwatch.watchdog.store.files.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Function;

/**
 * The store's {@code mode} file, {@code <word> <YYYY-MM-DD> [<collector URL>]} (the UTC day it was set, as Go's;
 * the collector that mode {@code on} uploads to, {@code docs/upload.md}), and the {@code CRASHWATCH_MODE} override.
 * A value that is not a mode counts as {@code local} and is reported as a problem, never silently: {@code local}
 * records but never sends, the safe middle.
 */
final class ModeFile {
    static final String ENV = StoreDir.MODE_ENV;
    private final Path file;

    ModeFile(Path file) {
        this.file = file;
    }

    ModeSetting read(Function<String, String> env) {
        String fromEnv = env.apply(ENV);
        // No lambdas here: the watchdog reads the mode on a crash's way to its counter.
        if (fromEnv != null && !fromEnv.isBlank()) {
            Optional<Mode> mode = Mode.parse(fromEnv);
            return mode.isPresent()
                    ? new ModeSetting(mode.get(), ModeSetting.FROM_ENV, Optional.empty(), Optional.empty(), Optional.empty())
                    : invalid(ModeSetting.FROM_ENV, Optional.empty(), Optional.empty(), fromEnv);
        }
        return readFile();
    }

    /** The file alone, whatever the environment says. */
    ModeSetting readFile() {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8).trim();
        } catch (NoSuchFileException e) {
            return new ModeSetting(Mode.LOCAL, ModeSetting.DEFAULT, Optional.empty(), Optional.empty(), Optional.empty());
        } catch (IOException | RuntimeException e) {
            return invalid(ModeSetting.FROM_FILE, Optional.empty(), Optional.empty(), "unreadable (" + e.getMessage() + ")");
        }
        String[] parts = text.split("\\s+");
        Optional<LocalDate> asOf = parts.length > 1 ? day(parts[1]) : Optional.empty();
        Optional<String> collector = parts.length > 2 ? Optional.of(parts[2]) : Optional.empty();
        Optional<Mode> mode = Mode.parse(parts[0]);
        return mode.isPresent() ? new ModeSetting(mode.get(), ModeSetting.FROM_FILE, asOf, collector, Optional.empty())
                : invalid(ModeSetting.FROM_FILE, asOf, collector, text);
    }

    /**
     * Writes {@code mode}, today's date and the collector ({@code collector}, else the one the file holds). Setting
     * {@code on} when the file already says {@code on} keeps its day: the upload's grace period does not start again.
     */
    void write(Mode mode, Optional<String> collector) throws IOException {
        ModeSetting now = readFile();
        boolean stillOn = mode == Mode.ON && now.mode() == Mode.ON && now.problem().isEmpty() && now.asOf().isPresent();
        LocalDate day = stillOn ? now.asOf().get() : LocalDate.now(ZoneOffset.UTC);
        Optional<String> url = collector.isPresent() ? collector : now.collector();
        String line = mode.word() + " " + day + (url.isPresent() ? " " + url.get() : "") + "\n";
        AtomicFiles.replace(file, line.getBytes(StandardCharsets.UTF_8));
    }

    private static ModeSetting invalid(String source, Optional<LocalDate> asOf, Optional<String> collector,
                                       String value) {
        String shown = value.length() > 40 ? value.substring(0, 40) + "..." : value;
        return new ModeSetting(Mode.LOCAL, source, asOf, collector,
                Optional.of(source + " holds '" + shown + "', not off, local or on: using local"));
    }

    private static Optional<LocalDate> day(String text) {
        try {
            return Optional.of(IsoText.day(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
