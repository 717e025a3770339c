package dev.crashwatch.watchdog.view;

import dev.crashwatch.watchdog.store.Mode;
import dev.crashwatch.watchdog.store.ModeSetting;
import dev.crashwatch.watchdog.store.Store;
import dev.crashwatch.watchdog.store.counters.CounterFile;
import dev.crashwatch.watchdog.triage.CounterFilter;
import dev.crashwatch.watchdog.triage.Triage;
import dev.crashwatch.watchdog.triage.WeekTotal;
import dev.crashwatch.watchdog.uploads.UploadStatus;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Renders the whole page from the store as it is now: a header with the mode and a summary of the store, the
 * weekly chart, the top crashes and the version comparison. All text goes through {@link Html#escape}.
 */
public final class ViewPage implements ViewSource {
    private final Store store;

    public ViewPage(Store store) {
        this.store = store;
    }

    /** The page for one request; {@code params} may pick the versions to compare. */
    @Override
    public String render(QueryParams params) throws IOException {
        List<CounterFile> files = store.counterFiles();
        Triage triage = Triage.of(files);
        List<WeekTotal> totals = triage.weeklyTotals(CounterFilter.ALL);
        List<String> versions = triage.versions(Optional.empty());
        StringBuilder html = new StringBuilder(16_384);
        head(html, "crashwatch view");
        html.append("<header>\n<h1>crashwatch</h1>\n");
        mode(html, store.modeSetting());
        if (store.mode() == Mode.ON) {
            upload(html, UploadStatus.of(store, System::getenv, UploadStatus.today(System::getenv)));
        }
        html.append("<p class=\"store\">Store <code>").append(Html.escape(store.dir().toString())).append("</code></p>\n")
            .append(StoreSummary.render(files, totals, triage.programs().size(), versions.size(),
                store.malformedFiles().size(), store.unreadableFiles().size()))
            .append("</header>\n<main>\n<section id=\"weekly\">\n<h2>Crashes per week</h2>\n")
            .append(SvgChart.render(WeeklyCounts.of(totals, versions))).append("</section>\n")
            .append(TopSection.render(triage.top(CounterFilter.ALL)))
            .append(CompareSection.render(triage, params));
        return html.append("</main>\n</body>\n</html>\n").toString();
    }

    /** A page that says the store could not be read. */
    @Override
    public String error(Exception e) {
        StringBuilder html = new StringBuilder();
        head(html, "crashwatch view");
        return html.append("<header><h1>crashwatch</h1></header>\n<main><p class=\"error\">Could not read the store: ")
            .append(Html.escape(String.valueOf(e.getMessage()))).append("</p></main>\n</body>\n</html>\n").toString();
    }

    /** Where reports go and when the next upload is due, as {@code crashwatch status} says it. */
    private static void upload(StringBuilder html, UploadStatus u) {
        html.append("<p id=\"upload\">Uploads ").append(Html.escape(u.collector()
                .map(c -> "to " + c + " (" + u.collectorSource() + ")")
                .orElse("none: no collector set (crashwatch mode on --collector URL)")))
            .append("; next upload: ")
            .append(Html.escape(u.next().day().map(d -> d + ", ").orElse("") + u.next().why())).append("</p>\n");
    }

    private static void mode(StringBuilder html, ModeSetting setting) {
        html.append("<p id=\"mode\">Mode <strong class=\"mode mode-").append(setting.mode().word()).append("\">")
            .append(setting.mode().word()).append("</strong> ")
            .append("<span class=\"note\">(").append(Html.escape(setting.source())).append(")</span> — ")
            .append(Html.escape(ModeText.meaning(setting.mode())));
        setting.problem().ifPresent(p -> html.append(" <span class=\"error\">").append(Html.escape(p)).append("</span>"));
        html.append("</p>\n");
    }

    /** The page's start, up to and including {@code <body>}: the title (escaped) and the views' one style sheet. */
    public static void head(StringBuilder html, String title) {
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .append("<title>").append(Html.escape(title)).append("</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
    }

    private static final String STYLE = """
        body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1d232a;
               margin: 0 auto; max-width: 1120px; padding: 16px 24px 48px; background: #fff; }
        h1 { font-size: 26px; margin: 8px 0 4px; }
        h2 { font-size: 19px; margin: 28px 0 8px; border-bottom: 1px solid #d8dee4; padding-bottom: 4px; }
        h3 { font-size: 16px; margin: 18px 0 6px; }
        header p { margin: 4px 0; }
        code, pre { font: 13px/1.4 ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; }
        .note { color: #57606a; font-weight: normal; }
        .error { color: #b42318; }
        .empty { color: #57606a; font-style: italic; }
        .mode { padding: 1px 8px; border-radius: 10px; color: #fff; background: #1f6feb; }
        .mode-off { background: #6e7781; } .mode-on { background: #1a7f37; }
        figure.chart { margin: 0; }
        svg { width: 100%; height: auto; font-size: 11px; }
        svg .grid { stroke: #e6e9ed; } svg .axis { stroke: #8c959f; }
        svg text { fill: #424a53; } svg .count { font-size: 10px; } svg .axis-title { fill: #57606a; }
        .legend { list-style: none; padding: 0; margin: 6px 0 0 52px; display: flex; flex-wrap: wrap; gap: 4px 18px; }
        .swatch { display: inline-block; width: 11px; height: 11px; margin-right: 6px; border-radius: 2px; }
        table { border-collapse: collapse; width: 100%; }
        th, td { text-align: left; vertical-align: top; padding: 5px 8px; border-bottom: 1px solid #e6e9ed; }
        th { font-size: 13px; color: #57606a; font-weight: 600; white-space: nowrap; }
        .num { text-align: right; white-space: nowrap; }
        td.weeks, td.kind, td.stack-id { white-space: nowrap; }
        .counter { font: 12px ui-monospace, "DejaVu Sans Mono", monospace; color: #57606a; }
        pre.frames { margin: 2px 0 0; white-space: pre-wrap; }
        .version { white-space: nowrap; }
        form { display: flex; gap: 14px; align-items: center; flex-wrap: wrap; margin: 8px 0; }
        select, button { font: inherit; padding: 2px 6px; }
        .rate { color: #57606a; font-size: 12px; }
        table.changes { table-layout: fixed; }
        table.changes th:nth-child(-n+2) { width: 84px; } table.changes th:nth-child(n+3):nth-child(-n+4) { width: 130px; }
        """;
}
