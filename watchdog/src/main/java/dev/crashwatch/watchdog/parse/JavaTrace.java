package dev.crashwatch.watchdog.parse;

import java.util.ArrayList;
import java.util.List;

/** A parsed Java stack trace: the outermost exception, with its causes and suppressed exceptions inside. */
public record JavaTrace(ThrownException outermost) {
    /** The cause chain, outermost first, root cause last. */
    public List<ThrownException> causeChain() {
        List<ThrownException> chain = new ArrayList<>();
        for (ThrownException e = outermost; e != null && chain.size() < 1000; e = e.cause()) {
            chain.add(e);
        }
        return chain;
    }
}
