package dev.crashwatch.watchdog.watch;

import dev.crashwatch.agent.wire.Wire;
import dev.crashwatch.watchdog.pipe.Bye;
import dev.crashwatch.watchdog.pipe.Hello;
import dev.crashwatch.watchdog.pipe.PipeListener;
import dev.crashwatch.watchdog.pipe.PipeRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Everything heard on one crash pipe, one {@link Session} per JVM, and what it counts ({@code docs/counting.md}):
 * each crash record when it arrives; unreadable input as malformed; a bye that says the application replaced the
 * crash hook ({@link Bye}); and, once a JVM is gone, its fatal error log or, failing that, what its death counts as
 * by the {@link DeathRules}.
 */
public final class Watch implements PipeListener {
    private final Map<Long, Session> sessions = new LinkedHashMap<>();
    private final Recorder recorder;

    public Watch(Recorder recorder) {
        this.recorder = recorder;
    }

    @Override
    public void onRecord(PipeRecord r) {
        Session s = session(r.pid());
        switch (r.kind()) {
            case Wire.HELLO -> {
                s.hello(Hello.parse(r.payload()));
                if (!r.complete()) {
                    recorder.malformed(s, r.payload());
                }
            }
            case Wire.CRASH -> {
                s.crashRecord();
                if (r.complete()) {
                    recorder.crash(s, r.payload());
                } else {
                    recorder.malformed(s, r.payload());
                }
            }
            case Wire.BYE -> {
                s.bye(r.complete() && Bye.parse(r.payload()).handlerReplaced());
            }
            default -> {
                // END from another writer, or a kind from a newer agent: nothing to count.
            }
        }
    }

    @Override
    public void onGarbage(byte[] bytes) {
        recorder.malformed(firstSession(), bytes);
    }

    /** The JVMs heard from, in the order they first wrote. */
    public synchronized List<Session> sessions() {
        return new ArrayList<>(sessions.values());
    }

    /**
     * Concludes a JVM that is gone: counts its fatal error log if it left one, else what its death counts as.
     * {@code exitStatus} is empty when it cannot be known (the JVM was not our child).
     */
    public void conclude(Session s, OptionalInt exitStatus) {
        if (s.hello().isKnown()) {
            recorder.ran(s);
        }
        if (s.handlerReplaced() && s.hello().isKnown()) {
            // Counted here, not when the bye arrives: a JVM that exits at once may say bye before its hello is out.
            recorder.plain(s, Bye.HANDLER_REPLACED_COUNTER);
        }
        if (!s.byeSeen()) {
            Optional<Path> log = FatalErrorLogs.find(s.pid(), s.hello());
            if (log.isPresent()) {
                recorder.fatalLog(s, log.get());
                return;
            }
        }
        Optional<String> plain = DeathRules.plainCounter(s, exitStatus);
        if (plain.isPresent()) {
            recorder.plain(s, plain.get());
        }
    }

    /**
     * Concludes the launcher's own child (or the sidecar's JVM), which is gone, when it never said hello: if it left a
     * fatal error log where HotSpot puts it for that JVM — at its {@code -XX:ErrorFile} ({@code %p} unexpanded), else
     * where HotSpot's defaults put it — that log is counted, its counter file named from the log's header. Returns
     * false (and counts nothing) when the child did say hello — conclude it as any other JVM then — or when there is
     * nothing to count.
     */
    public boolean concludeUnheard(KnownJvm jvm) {
        long pid = jvm.pid();
        Session s = session(pid);
        if (s.hello().isKnown() || s.byeSeen()) {
            return false;
        }
        Hello whereToLook = UnheardJvm.whereToLook(jvm);
        Optional<Path> log = FatalErrorLogs.find(pid, whereToLook);
        if (log.isEmpty()) {
            return false;
        }
        try {
            s.hello(UnheardJvm.fromLog(whereToLook, log.get()));
        } catch (IOException e) {
            return false; // unreadable now: it stays on disk where HotSpot wrote it; nothing can name its file
        }
        recorder.fatalLog(s, log.get());
        return true;
    }

    private synchronized Session session(long pid) {
        Session s = sessions.get(pid);
        if (s == null) {
            s = new Session(pid);
            sessions.put(pid, s);
        }
        return s;
    }

    private synchronized Session firstSession() {
        return sessions.isEmpty() ? null : sessions.values().iterator().next();
    }
}
