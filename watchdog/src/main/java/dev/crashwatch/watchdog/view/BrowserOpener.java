package dev.crashwatch.watchdog.view;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.util.List;
import java.util.Locale;

/** Asks the desktop to open a URL in a browser ({@code xdg-open}, {@code open}); failing is only a message. */
public final class BrowserOpener {
    private BrowserOpener() {
    }

    /** Starts the platform's opener for {@code uri}; says on {@code err} when it cannot, and never throws. */
    public static void open(URI uri, PrintStream err) {
        List<String> command = command(uri.toString());
        try {
            Process p = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            p.onExit().thenAccept(done -> {
                if (done.exitValue() != 0) {
                    err.println("crashwatch view: " + command.get(0) + " failed (exit " + done.exitValue()
                        + "); open " + uri + " yourself");
                }
            });
        } catch (IOException e) {
            err.println("crashwatch view: could not start " + command.get(0) + "; open " + uri + " yourself");
        }
    }

    private static List<String> command(String url) {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("mac")) {
            return List.of("open", url);
        }
        if (os.contains("win")) {
            return List.of("rundll32", "url.dll,FileProtocolHandler", url);
        }
        return List.of("xdg-open", url);
    }
}
