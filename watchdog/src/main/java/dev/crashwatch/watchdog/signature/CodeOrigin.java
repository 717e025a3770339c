package dev.crashwatch.watchdog.signature;

import java.util.List;

/** Tells the JDK's and well-known libraries' frames from the application's own. */
final class CodeOrigin {
    private static final List<String> JDK = List.of("java.", "javax.", "jdk.", "sun.", "com.sun.", "org.w3c.", "org.xml.");
    private static final List<String> LIBRARIES = List.of(
            "kotlin.", "kotlinx.", "scala.", "groovy.", "org.codehaus.groovy.", "clojure.", "akka.",
            "org.springframework.", "org.hibernate.", "org.apache.", "io.netty.", "com.fasterxml.", "reactor.",
            "io.micronaut.", "io.quarkus.", "io.vertx.", "org.eclipse.", "org.glassfish.", "org.jboss.", "com.google.",
            "com.zaxxer.", "org.postgresql.", "com.mysql.", "org.mariadb.", "org.junit.", "junit.", "ch.qos.logback.",
            "org.slf4j.", "okhttp3.", "okio.", "retrofit2.", "feign.", "io.grpc.", "org.aspectj.", "net.bytebuddy.",
            "org.mockito.", "io.micrometer.", "io.opentelemetry.", "com.codahale.", "org.jooq.", "org.mybatis.",
            "android.", "androidx.", "dalvik.", "com.android.", "org.gradle.", "org.testng.", "$Proxy");

    private CodeOrigin() {
    }

    /** True for the JDK's own classes (their line numbers change with every JDK update). */
    static boolean isJdk(String className) {
        return startsWithAny(className, JDK);
    }

    /** True for the application's own code: neither the JDK nor a well-known library. */
    static boolean isApplication(String className) {
        return !isJdk(className) && !startsWithAny(className, LIBRARIES);
    }

    private static boolean startsWithAny(String s, List<String> prefixes) {
        for (String p : prefixes) {
            if (s.startsWith(p)) {
                return true;
            }
        }
        return false;
    }
}
