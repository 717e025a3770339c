package dev.crashwatch.watchdog.cli;

import dev.crashwatch.watchdog.store.Store;
import dev.crashwatch.watchdog.view.BrowserOpener;
import dev.crashwatch.watchdog.view.QueryParams;
import dev.crashwatch.watchdog.view.ViewPage;
import dev.crashwatch.watchdog.view.ViewSource;
import dev.crashwatch.watchdog.view.ViewServer;
import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * {@code crashwatch view [--port N] [--open]}: serves the local web view of the store on 127.0.0.1 (port 4040 or
 * the next free one, or exactly N) until interrupted.
 */
public final class ViewCommand implements Command {
    @Override
    public String name() {
        return "view";
    }

    @Override
    public String summary() {
        return "Serve a local web view of the store on localhost";
    }

    @Override
    public String usage() {
        return """
            usage: crashwatch view [--port N] [--open]
              Serves a page on localhost only (127.0.0.1): crashes per week per program and version, the top
              crashes with their stack IDs and frames, and a comparison of two versions. Runs until interrupted.
              --port N  serve on port N (0: any free port); default 4040, or the next free port after it
              --open    also open the page in a browser (xdg-open / open)""";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        Integer port = null;
        boolean open = false;
        for (int i = 0; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--open" -> open = true;
                case "--port" -> port = port(i + 1 < args.size() ? args.get(++i) : null);
                default -> throw new UsageException((args.get(i).startsWith("-") ? "unknown option '"
                        : "unexpected argument '") + args.get(i) + "'");
            }
        }
        Store store = Store.openDefault();
        ViewServer server;
        try {
            ViewSource page = page(store, err);
            server = port == null ? ViewServer.startOnDefaultPort(page) : ViewServer.start(page, port);
        } catch (BindException e) {
            err.println("crashwatch view: cannot listen on " + (port == null ? "localhost" : "port " + port) + ": "
                + e.getMessage());
            return 1;
        }
        out.println("crashwatch view: serving " + server.uri() + " (store " + store.dir() + "); Ctrl-C stops it");
        out.flush();
        if (open) {
            BrowserOpener.open(server.uri(), err);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "crashwatch-view-stop"));
        new CountDownLatch(1).await();
        return 0;
    }

    /**
     * The page the view serves: the store's, each request counting first what watchdogs recorded meanwhile and did
     * not count themselves (runs ended, spooled crashes), as every command that shows counts does once.
     */
    static ViewSource page(Store store, PrintStream err) {
        ViewPage page = new ViewPage(store);
        return new ViewSource() {
            @Override
            public String render(QueryParams params) throws IOException {
                StoreReaders.countPending(store, message -> err.println("crashwatch view: " + message));
                return page.render(params);
            }

            @Override
            public String error(Exception e) {
                return page.error(e);
            }
        };
    }

    /** The port number (0 to 65535) that {@code --port} gave; the fleet's view takes it the same way. */
    public static int port(String text) throws UsageException {
        try {
            int port = Integer.parseInt(text == null ? "" : text);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("--port needs a port number from 0 to 65535"
            + (text == null ? "" : ", got '" + text + "'"));
    }
}
