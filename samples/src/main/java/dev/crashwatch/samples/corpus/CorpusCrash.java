package dev.crashwatch.samples.corpus;

import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * {@code java dev.crashwatch.samples.corpus.CorpusCrash <shape> [arg]}: dies of an uncaught exception of the named shape.
 * Messages and thread names carry marker strings ({@code secret-...}) that must never reach a counter name.
 */
public final class CorpusCrash {
    /** Each shape takes one optional argument (default "a"), so two runs differ only where the argument says. */
    private static final Map<String, Consumer<String>> SHAPES = Map.ofEntries(
            Map.entry("npe", arg -> Sites.npe()),
            Map.entry("site", Sites::site),
            Map.entry("type", Sites::oneSite),
            Map.entry("two-sites-one-method", Sites::twoSitesOneMethod),
            Map.entry("caller", Sites::caller),
            Map.entry("worker", arg -> Messages.workerThread()),
            Map.entry("message-injection", arg -> Messages.injection()),
            Map.entry("message-injection-cause", arg -> Messages.injectionInCause()),
            Map.entry("multiline-message", arg -> Messages.multiline()),
            Map.entry("nested", arg -> Chains.nested()),
            Map.entry("deep-chain", arg -> Chains.deepChain()),
            Map.entry("suppressed-deep", arg -> Chains.suppressedDeep()),
            Map.entry("stackless-cause", arg -> Chains.stacklessCause()),
            Map.entry("reflection", arg -> Wrappers.reflection()),
            Map.entry("executor", arg -> Wrappers.executor()),
            Map.entry("completable", arg -> Wrappers.completable()),
            Map.entry("static-init", arg -> Wrappers.staticInit()),
            Map.entry("proxy", arg -> Wrappers.proxy()),
            Map.entry("lambda", arg -> Wrappers.lambda()),
            Map.entry("recursion-from", Recursions::from),
            Map.entry("mutual-recursion", arg -> Recursions.mutual()),
            Map.entry("other-recursion", arg -> Recursions.other()),
            Map.entry("deep-throw", arg -> Recursions.throwAtDepth(Integer.parseInt(arg))),
            Map.entry("multiline-cause", arg -> Chains.multilineCause()));

    private CorpusCrash() {
    }

    public static void main(String[] args) {
        Consumer<String> shape = args.length >= 1 ? SHAPES.get(args[0]) : null;
        if (shape == null) {
            System.err.println("usage: CorpusCrash <shape> [arg]; shapes: " + new TreeSet<>(SHAPES.keySet()));
            System.exit(2);
        }
        shape.accept(args.length > 1 ? args[1] : "a");
    }
}
