package dev.crashwatch.fleet.cli;

import dev.crashwatch.fleet.query.FleetLayout;
import dev.crashwatch.fleet.view.FleetPage;
import dev.crashwatch.watchdog.cli.CommandArgs;
import dev.crashwatch.watchdog.cli.ViewCommand;
import dev.crashwatch.watchdog.view.BrowserOpener;
import dev.crashwatch.watchdog.view.ViewServer;
import java.io.PrintStream;
import java.net.BindException;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/** {@code crashwatch fleet view}: the fleet's web page on 127.0.0.1, served by the local view's server. */
final class FleetViewCommand extends FleetSubcommand {
    @Override
    public String name() {
        return "view";
    }

    @Override
    public String summary() {
        return "Serve a page on localhost: weekly trend chart, new in a version, top, regressions, compare";
    }

    @Override
    String synopsis() {
        return "crashwatch fleet view --reports DIR [--port N] [--open]\n"
            + "    port 4040 or the next free one (as crashwatch view); --port 0 takes any free port";
    }

    @Override
    Set<String> flags() {
        return Set.of("--open");
    }

    @Override
    Set<String> options() {
        return Set.of("--port");
    }

    @Override
    int run(FleetLayout layout, CommandArgs a, PrintStream out, PrintStream err) throws Exception {
        a.noPositional();
        layout.days(); // a wrong --reports fails here, not on every page request
        FleetPage page = new FleetPage(layout);
        ViewServer server;
        try {
            server = a.option("--port").isPresent() ? ViewServer.start(page, ViewCommand.port(a.option("--port").get()))
                : ViewServer.startOnDefaultPort(page);
        } catch (BindException e) {
            err.println("crashwatch fleet view: cannot listen: " + e.getMessage());
            return 1;
        }
        out.println("crashwatch fleet view: serving " + server.uri() + " (reports " + layout.root() + "); Ctrl-C stops it");
        out.flush();
        if (a.flag("--open")) {
            BrowserOpener.open(server.uri(), err);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "crashwatch-fleet-view-stop"));
        new CountDownLatch(1).await();
        return 0;
    }
}
