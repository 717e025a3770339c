import java.util.List;

/**
 * Hello world with one lambda: the baseline for an application that has bootstrapped java.lang.invoke itself, as most
 * do (docs/benchmarks.md, "The first lambda of the JVM").
 */
public class HelloLambda {
    public static void main(String[] args) {
        List.of("hello", "world").forEach(s -> System.out.print(s + " "));
        System.out.println();
    }
}
