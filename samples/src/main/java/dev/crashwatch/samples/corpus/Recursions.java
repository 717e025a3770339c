package dev.crashwatch.samples.corpus;

/** Stack overflows (the same recursion entered from two places; a two-method cycle) and a deep recursive throw. */
final class Recursions {
    private Recursions() {
    }

    /** Enters the same recursion from "a" or from "b". */
    static void from(String where) {
        if (where.equals("b")) {
            System.out.println(depthViaB());
        } else {
            recurse(0);
        }
    }

    private static int depthViaB() {
        return recurse(1);
    }

    private static int recurse(int depth) {
        return recurse(depth + 1) + 1;
    }

    static void mutual() {
        ping(0);
    }

    private static int ping(int n) {
        return pong(n + 1) + 1;
    }

    private static int pong(int n) {
        return ping(n + 1) + 1;
    }

    static void other() {
        System.out.println(otherRecursion("x"));
    }

    private static int otherRecursion(String s) {
        return otherRecursion(s) + s.length();
    }

    /** A recursive descent that fails at a depth that depends on the input. */
    static void throwAtDepth(int depth) {
        descend(depth);
    }

    private static int descend(int depth) {
        if (depth == 0) {
            throw new IllegalArgumentException("secret-parse-error at depth");
        }
        return descend(depth - 1) + 1;
    }
}
