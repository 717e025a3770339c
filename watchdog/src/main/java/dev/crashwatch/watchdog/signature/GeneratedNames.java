package dev.crashwatch.watchdog.signature;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Rewrites class names that a runtime generates with a per-run or per-build number or hash: lambda and hidden-class
 * suffixes, dynamic proxies, reflection accessors, CGLIB, ByteBuddy, Mockito, Hibernate and Javassist subclasses. The
 * number changes with class-loading order, so keeping it would split one crash into many counters.
 */
final class GeneratedNames {
    private record Rule(Pattern pattern, String replacement) {
    }

    private static final List<Rule> RULES = List.of(
            new Rule(Pattern.compile("/(?:0x)?\\p{XDigit}+$"), ""),
            new Rule(Pattern.compile("\\$\\$Lambda\\$\\d+$"), "\\$\\$Lambda"),
            new Rule(Pattern.compile("\\$\\$Lambda(?:\\$|/)?[\\w]*$"), "\\$\\$Lambda"),
            new Rule(Pattern.compile("^(?:.*\\.)?\\$Proxy\\d+$"), "\\$Proxy"),
            new Rule(Pattern.compile("(Generated(?:Serialization)?(?:Method|Constructor)Accessor)\\d+$"), "$1"),
            new Rule(Pattern.compile("\\$\\$(EnhancerBy|FastClassBy)(\\w*?)CGLIB\\$\\$\\p{XDigit}+(?:_\\d+)?"), "\\$\\$$1$2CGLIB"),
            new Rule(Pattern.compile("\\$\\$(EnhancerBy|FastClassBy)Guice\\$\\$\\p{XDigit}+"), "\\$\\$$1Guice"),
            new Rule(Pattern.compile("\\$\\$SpringCGLIB\\$\\$\\d+"), "\\$\\$SpringCGLIB"),
            new Rule(Pattern.compile("\\$(ByteBuddy|MockitoMock|HibernateProxy|HibernateInstantiator|HibernateAccessOptimizer)\\$[\\w$]+$"), "\\$$1"),
            new Rule(Pattern.compile("_\\$\\$_(javassist|jvst)\\w*"), "_\\$\\$_$1"),
            new Rule(Pattern.compile("\\$fn__\\d+"), "\\$fn"));

    private GeneratedNames() {
    }

    /** The class name with generated numbers and hashes removed. */
    static String stableClassName(String className) {
        if (className.indexOf('$') < 0 && className.indexOf('/') < 0 && !className.contains("Generated")) {
            return className;
        }
        String s = className;
        for (Rule rule : RULES) {
            s = rule.pattern().matcher(s).replaceAll(rule.replacement());
        }
        return s;
    }

    /** Applies {@link #stableClassName} and notes any rewrite. */
    static NamedFrame rewrite(NamedFrame frame, Explanation explain) {
        String stable = stableClassName(frame.className());
        if (stable.equals(frame.className())) {
            return frame;
        }
        if (explain.recording()) {
            explain.note(frame.source(), "class rewritten " + frame.className() + " -> " + stable + " (generated name)");
        }
        return frame.withClassName(stable);
    }
}
