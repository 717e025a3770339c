package dev.crashwatch.samples.corpus;

/** Throw sites that must name differently (or, for one site, the same) crashes. */
final class Sites {
    private Sites() {
    }

    static void npe() {
        String missing = System.getProperty("corpus.never.set");
        System.out.println(missing.length());
    }

    /** Site "a" or "b"; any other argument throws at site "a" with that argument in the message. */
    static void site(String which) {
        if (which.equals("b")) {
            siteB();
        }
        siteA(which);
    }

    private static void siteA(String detail) {
        throw new IllegalStateException("secret-site-a failed: " + detail);
    }

    private static void siteB() {
        throw new IllegalStateException("secret-site-b failed");
    }

    /** One site, two exception types. */
    static void oneSite(String which) {
        throw which.equals("b") ? new IllegalArgumentException("secret-type") : new IllegalStateException("secret-type");
    }

    /** Two throw sites in one method. */
    static void twoSitesOneMethod(String which) {
        if (which.equals("a")) {
            throw new UnsupportedOperationException("first");
        }
        throw new UnsupportedOperationException("second");
    }

    static void caller(String which) {
        if (which.equals("b")) {
            callerB();
        } else {
            callerA();
        }
    }

    private static void callerA() {
        shared();
    }

    private static void callerB() {
        shared();
    }

    private static void shared() {
        throw new IllegalStateException("shared");
    }
}
