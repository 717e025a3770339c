package dev.crashwatch.samples.corpus;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Failures that the JDK wraps: reflection, executors, futures, static initialisers, proxies, lambdas. */
final class Wrappers {
    private Wrappers() {
    }

    /** Method.invoke wraps in InvocationTargetException; main rethrows it wrapped in a RuntimeException. */
    static void reflection() {
        try {
            Wrappers.class.getDeclaredMethod("target").invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new RuntimeException(e);
        }
    }

    static void target() {
        throw new IllegalStateException("secret-reflective");
    }

    static void executor() {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            pool.submit(Wrappers::task).get();
        } catch (InterruptedException | ExecutionException e) {
            throw new RuntimeException(e);
        } finally {
            pool.shutdown();
        }
    }

    private static Object task() {
        throw new IllegalStateException("secret-task");
    }

    static void completable() {
        CompletableFuture.supplyAsync(Wrappers::task).join();
    }

    static void staticInit() {
        System.out.println(Config.VALUE);
    }

    private static final class Config {
        static final int VALUE = load();

        private static int load() {
            throw new IllegalStateException("secret-config");
        }
    }

    /** A checked exception through a dynamic proxy: UndeclaredThrowableException. */
    static void proxy() {
        InvocationHandler handler = (p, m, a) -> {
            throw new java.io.IOException("secret-proxy");
        };
        Runnable r = (Runnable) Proxy.newProxyInstance(Wrappers.class.getClassLoader(), new Class<?>[] {Runnable.class}, handler);
        r.run();
    }

    static void lambda() {
        List.of("a", "b").forEach(s -> {
            throw new IllegalStateException("secret-lambda " + s);
        });
    }
}
