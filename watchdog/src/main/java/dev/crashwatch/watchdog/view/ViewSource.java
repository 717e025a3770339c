package dev.crashwatch.watchdog.view;

import java.io.IOException;

/**
 * What a {@link ViewServer} serves at {@code /}: the whole page, made afresh for each request. The local view's
 * is {@link ViewPage}; the fleet's view serves its own through the same server.
 */
public interface ViewSource {
    /** The page for one request; {@code params} are the query's (a form's choices). */
    String render(QueryParams params) throws IOException;

    /** The page shown when {@link #render} fails. */
    String error(Exception e);
}
