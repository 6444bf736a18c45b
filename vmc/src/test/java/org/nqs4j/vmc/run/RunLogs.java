package org.nqs4j.vmc.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Compares run folders the way the README promises: log lines and summary equal except for the
 * timing fields ({@code time_s}, {@code wall_time_s}), which measure the machine, not the run.
 */
final class RunLogs {
    private RunLogs() {
    }

    /** A JSON line with its timing fields removed (they are always the last two fields of a log line). */
    static String withoutTimings(String json) {
        return json.replaceAll(",\"time_s\":\\{[^}]*\\}", "").replaceAll(",\"wall_time_s\":[^,}]*", "");
    }

    static List<String> log(Path run) throws IOException {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(run.resolve(RunFolder.LOG))) {
            out.add(withoutTimings(line));
        }
        return out;
    }

    /** Same number of lines, each equal without timings; names the first line that differs. */
    static void assertSameLog(Path expected, Path actual, String context) throws IOException {
        List<String> a = log(expected);
        List<String> b = log(actual);
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            org.junit.jupiter.api.Assertions.assertEquals(a.get(i), b.get(i), context + ", log line " + (i + 1));
        }
        org.junit.jupiter.api.Assertions.assertEquals(a.size(), b.size(), context + ": number of log lines");
    }

    static String summary(Path run) throws IOException {
        return withoutTimings(Files.readString(run.resolve(RunFolder.SUMMARY)));
    }
}
