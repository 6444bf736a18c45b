package org.nqs4j.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.nqs4j.vmc.cli.SummaryReport;
import org.nqs4j.vmc.cli.UsageException;

/**
 * {@code nqs bench --compare FILE}: today's figures next to those of an earlier
 * {@code nqs bench --json > FILE}, problem by problem, with the speed ratio (stored median seconds
 * per iteration over today's: above 1 is faster today). Timings on a shared host drift, so a
 * ratio means something only when both runs saw the same load; the stored file's thread count is
 * printed next to today's.
 */
final class BenchComparison {
    /** A ratio below this is marked as a regression. */
    static final double SLOWER = 0.95;

    private final Path file;
    private final int storedThreads;
    private final Map<String, Map<?, ?>> stored;

    private BenchComparison(Path file, int storedThreads, Map<String, Map<?, ?>> stored) {
        this.file = file;
        this.storedThreads = storedThreads;
        this.stored = stored;
    }

    /** Reads FILE (the output of {@code nqs bench --json}); a usage error (exit 2) when it is not one. */
    static BenchComparison read(Path file) {
        if (!Files.isReadable(file)) {
            throw new UsageException("--compare: cannot read '" + file + "' (give the output of `nqs bench --json`)");
        }
        Map<String, Object> root;
        try {
            root = SummaryReport.read(file);
        } catch (IOException e) {
            throw new UsageException("--compare: " + e.getMessage());
        }
        if (!(root.get("problems") instanceof List<?> problems) || problems.isEmpty()) {
            throw new UsageException("--compare: '" + file + "' has no \"problems\" list; it must be the output of"
                    + " `nqs bench --json` (not of --scaling)");
        }
        Map<String, Map<?, ?>> byName = new LinkedHashMap<>();
        for (Object p : problems) {
            if (!(p instanceof Map<?, ?> m) || !(m.get("name") instanceof String name)
                    || !(m.get("median_seconds_per_iteration") instanceof Number)) {
                throw new UsageException("--compare: '" + file + "': every problem needs \"name\" and"
                        + " \"median_seconds_per_iteration\"");
            }
            byName.put(name, m);
        }
        int threads = root.get("threads") instanceof Number n ? n.intValue() : 0;
        return new BenchComparison(file, threads, byName);
    }

    /** The problems of the stored run, in its order. */
    List<String> problems() {
        return new ArrayList<>(stored.keySet());
    }

    /** The stored run's thread count, or 0 if it does not say. */
    int threads() {
        return storedThreads;
    }

    /**
     * The table: per problem, median s/iteration and steps/s stored → today and their ratio, the
     * sampling and update seconds, samples/s and peak RSS, stored → today.
     *
     * @param today one map per problem as in the JSON of {@code nqs bench --json}
     */
    List<String> table(List<Map<String, Object>> today, int threads) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "compared with %s (%s thread(s) then, %d now); ratio = stored"
                + " median s/iter / today's (> 1: faster today; < %.2f marked SLOWER)", file,
                storedThreads > 0 ? Integer.toString(storedThreads) : "?", threads, SLOWER));
        lines.add(String.format(Locale.ROOT, "%-28s %19s %17s %7s %21s %21s %19s %15s", "problem",
                "median s/iter", "steps/s", "ratio", "sampling s", "update s", "samples/s", "RSS MB"));
        for (Map<String, Object> now : today) {
            String name = (String) now.get("name");
            Map<?, ?> then = stored.get(name);
            if (then == null) {
                lines.add(String.format(Locale.ROOT, "%-28s (not in %s)", name, file.getFileName()));
                continue;
            }
            double before = number(then, "median_seconds_per_iteration");
            double after = number(now, "median_seconds_per_iteration");
            double ratio = before / after;
            lines.add(String.format(Locale.ROOT, "%-28s %8.4f → %8.4f %7.1f → %7.1f %6.2fx%s %9.4f → %9.4f"
                            + " %9.4f → %9.4f %8.0f → %8.0f %6.0f → %6.0f",
                    name, before, after, 1 / before, 1 / after, ratio, ratio < SLOWER ? " SLOWER" : "",
                    number(then, "sampling_seconds_per_iteration"), number(now, "sampling_seconds_per_iteration"),
                    number(then, "update_seconds_per_iteration"), number(now, "update_seconds_per_iteration"),
                    number(then, "samples_per_second"), number(now, "samples_per_second"),
                    number(then, "peak_rss_mb"), number(now, "peak_rss_mb")));
        }
        return lines;
    }

    private static double number(Map<?, ?> m, String key) {
        return m.get(key) instanceof Number n ? n.doubleValue() : Double.NaN;
    }
}
