package dev.crashwatch.watchdog.signature;

/**
 * A frame on its way into a name: where it came from (the parsed frame, for explanations), the code it names and,
 * once rendered, its line in the counter name.
 *
 * @param source     the parsed input frame
 * @param className  class name (Java) or library name (native), after rewriting
 * @param methodName method or symbol name, after rewriting
 * @param line       absolute source line, -1 when unknown
 * @param rendered   the frame's line in the name, null until rendered
 */
record NamedFrame(Object source, String className, String methodName, int line, String rendered) {
    NamedFrame withClassName(String c) {
        return new NamedFrame(source, c, methodName, line, rendered);
    }

    NamedFrame withMethodName(String m) {
        return new NamedFrame(source, className, m, line, rendered);
    }

    NamedFrame withRendered(String r) {
        return new NamedFrame(source, className, methodName, line, r);
    }

    String qualifiedMethod() {
        return className + "." + methodName;
    }
}
