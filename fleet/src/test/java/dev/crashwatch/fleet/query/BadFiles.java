package dev.crashwatch.fleet.query;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Files among the reports that must be skipped, each for its own reason (one with a line break in its name), and
 * one hidden file that is not looked at.
 */
public final class BadFiles {
    static final String D1 = "received=" + TestFleet.W1.plusDays(7);
    static final String D2 = "received=" + TestFleet.W2.plusDays(7);
    static final String D3 = "received=" + TestFleet.W3.plusDays(7);
    static final String FOREIGN_ID = String.format("%032x", 99);
    static final String MISNAMED_ID = String.format("%032x", 98);

    public static final List<String> EXPECTED = List.of(
        D1 + "/foreign.json: not a crashwatch report (no \"format\": \"crashwatch-report/v1\")",
        D1 + "/not-json.json: not JSON (Unexpected character ('{' (code 123)): was expecting double-...)",
        D2 + "/" + TestFleet.Planted.id(1) + ".json: a second copy of a report counted on an earlier day",
        D2 + "/" + MISNAMED_ID + ".json: named " + MISNAMED_ID + ".json but holds report " + String.format("%032x", 97),
        D2 + "/" + FOREIGN_ID + ".json: unknown report field 'host'",
        D3 + "/evil\nname.json: not JSON (Unrecognized token 'nope': was expecting (JSON String, Numbe...)",
        D3 + "/notes.txt: not JSON (Unrecognized token 'hello': was expecting (JSON String, Numb...)");

    private BadFiles() {
    }

    public static void plant(Path root) throws Exception {
        Files.writeString(root.resolve(D1).resolve("not-json.json"), "{{{");
        Files.writeString(root.resolve(D1).resolve("foreign.json"), "{\"hello\": \"world\"}");
        Files.writeString(root.resolve(D2).resolve(FOREIGN_ID + ".json"), "{\"format\":\"crashwatch-report/v1\",\"id\":\""
            + FOREIGN_ID + "\",\"week\":\"" + TestFleet.W2 + "\",\"entries\":[],\"host\":\"alice-laptop\"}");
        Files.writeString(root.resolve(D2).resolve(MISNAMED_ID + ".json"), "{\"format\":\"crashwatch-report/v1\",\"id\":\""
            + String.format("%032x", 97) + "\",\"week\":\"" + TestFleet.W2 + "\",\"entries\":[]}");
        Files.copy(root.resolve(D1).resolve(TestFleet.Planted.id(1) + ".json"),
            root.resolve(D2).resolve(TestFleet.Planted.id(1) + ".json"));
        Files.writeString(root.resolve(D3).resolve("notes.txt"), "hello");
        Files.writeString(root.resolve(D3).resolve("evil\nname.json"), "nope");
        Files.writeString(root.resolve(D3).resolve(".upload-in-progress.json.tmp"), "{\"format\":");
    }
}
