package org.nqs4j.vmc.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.nqs4j.vmc.stats.ConvergenceDiagnostics;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The human-readable report of a run, from its summary (as written to summary.json, or read back
 * from it: JSON null stands for NaN).
 */
public final class SummaryReport {
    private SummaryReport() {
    }

    /** Reads a summary.json. */
    public static Map<String, Object> read(Path file) throws IOException {
        try {
            return parse(Files.readString(file));
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    /** Parses one JSON object (JSON is YAML 1.2, so snakeyaml reads it). */
    static Map<String, Object> parse(String json) {
        Object o;
        try {
            o = new Load(LoadSettings.builder().build()).loadFromString(json);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getMessage(), e);
        }
        if (!(o instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException("not a JSON object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) m;
        return map;
    }

    public static void print(PrintStream out, Map<String, Object> s, Path folder) {
        print(out, s, folder, 1);
    }

    /**
     * The report of a run made by {@code ranks} MPI processes (the summary keeps only the threads per process: it
     * is the same for any rank count).
     */
    public static void print(PrintStream out, Map<String, Object> s, Path folder, int ranks) {
        int n = (int) num(s.get("n_sites"));
        Map<?, ?> e = map(s.get("energy"));
        double mean = num(e.get("mean"));
        double error = num(e.get("error"));
        double variance = num(e.get("variance"));
        out.printf("%s: %s%n", s.get("name"), s.get("hamiltonian"));
        out.printf("  ansatz       %s, %d parameters%n", s.get("ansatz"), (long) num(s.get("n_parameters")));
        boolean hartree = "hartree".equals(s.get("units"));
        if (hartree) { // a molecule: not extensive in its orbitals, no per-site energy
            out.printf("  energy       %s Ha   (E_HF %.10g%s)%n", Format.pm(mean, error), num(s.get("e_hf")),
                    s.get("e_mp2") instanceof Number mp2 ? String.format(Locale.ROOT, ", E_MP2 %.10g", mp2.doubleValue()) : "");
        } else {
            out.printf("  energy       %s   (per site %s)%n", Format.pm(mean, error), Format.pm(mean / n, error / n));
        }
        out.printf("  variance     %.6g   (V-score N·Var/E² = %.3g)%n", variance, num(s.get("v_score")));
        out.printf("  V-score      %s%n", vScoreReading(num(s.get("v_score")), n));
        boolean fullSum = "full_sum".equals(s.get("sampler"));
        if (fullSum) { // expectation values summed over the sector: no acceptance, τ or R-hat to report
            out.printf("  sampling     none: exact sums over the %d states of the sector where psi != 0%n",
                    (long) num(s.get("n_samples")));
        } else {
            out.printf("  acceptance   %.3f%n", num(s.get("acceptance")));
            out.printf("  tau_corr     %.2f sweeps   split R-hat %.4f   (%d samples)%n", num(e.get("tau_corr")),
                    num(e.get("r_hat")), (long) num(s.get("n_samples")));
        }
        if (s.get("exact") instanceof Map<?, ?> x) {
            out.printf("  exact        %.10g (%s)   relative error %.2e%s%n", num(x.get("energy")), x.get("method"),
                    num(x.get("relative_error")), fullSum ? ""
                            : String.format(Locale.ROOT, ", deviation %.1f sigma", num(x.get("deviation_sigma"))));
            if (hartree) {
                double distance = mean - num(x.get("energy"));
                out.printf("  to FCI       %s mHa   (%s)%n", fullSum ? String.format(Locale.ROOT, "%.4f", 1e3 * distance)
                        : Format.pm(1e3 * distance, 1e3 * error), chemicalAccuracy(distance, error));
            }
            if (x.get("trial_state_energy") instanceof Number t && !fullSum) { // a full sum is the trial state's energy
                out.printf("  trial state  %.10g (summed over the Hilbert space)   VMC - trial = %.1f sigma (sampling),"
                        + " trial - exact = %.3g (variational)%n", t.doubleValue(), num(x.get("sampling_deviation_sigma")),
                        num(x.get("variational_error")));
            }
        }
        if (s.get("fresh_chains") instanceof Map<?, ?> f) {
            out.printf("  fresh chains %s   (%s samples from random starts, %s moves; %.1f sigma from the estimate)%n",
                    Format.pm(num(f.get("mean")), num(f.get("error"))), f.get("samples"), f.get("move"),
                    num(f.get("deviation_sigma")));
        }
        if (s.get("lanczos_step") instanceof Map<?, ?> l) {
            double e1 = num(l.get("energy"));
            double s1 = num(l.get("error"));
            out.printf("  Lanczos step %s   (%s, alpha %.4g%s)%s%n", fullSum ? String.format(Locale.ROOT, "%.10g", e1)
                            : Format.pm(e1, s1), hartree ? "Ha" : "per site " + Format.pm(e1 / n, s1 / n),
                    num(l.get("alpha")), l.get("moments") instanceof Map<?, ?> m
                            ? ", sampled from |psi1|^2; from the moments " + Format.pm(num(m.get("energy")), num(m.get("error")))
                            : "", l.get("relative_error") instanceof Number r
                            ? String.format(Locale.ROOT, "   relative error %.2e", r.doubleValue()) : "");
            if (l.get("sampled") instanceof Map<?, ?> sampled && sampled.get("steps") instanceof List<?> steps) {
                List<String> each = steps.stream().map(k -> (Map<?, ?>) k).map(k -> Format.pm(num(k.get("energy")),
                        num(k.get("error"))) + String.format(Locale.ROOT, " (alpha %.4g)", num(k.get("alpha")))).toList();
                out.printf("               %d sampled steps: %s%n", steps.size(), String.join(" -> ", each));
            }
        }
        map(s.get("observables")).forEach((k, v) -> {
            Map<?, ?> o = map(v);
            if (o.get("mean") instanceof List<?> means) {
                out.printf("  %-12s %d values, in summary.json and %s.png%n", k, means.size(), k);
            } else {
                out.printf("  %-12s %s%s%n", k, Format.pm(num(o.get("mean")), num(o.get("error"))),
                        o.get("exact") instanceof Number x ? String.format("   (exact %.8g)", x.doubleValue()) : "");
            }
        });
        printChecks(out, s);
        if (s.get("convergence") instanceof Map<?, ?> c) {
            out.printf("  %-12s %s%n", Boolean.TRUE.equals(c.get("stalled")) ? "WARNING" : "convergence", c.get("verdict"));
        }
        if (s.get("rejected_steps") instanceof Map<?, ?> r) {
            out.printf("  %-12s %s of %s steps rejected (%s of them undoing the step before; see event in log.jsonl)%n",
                    "steps", r.get("count"), r.get("of"), r.get("undone"));
        }
        if (s.get("split_steps") instanceof Map<?, ?> split && split.get("note") instanceof String note) {
            out.printf("  %-12s %s%n", "note", note);
        }
        long threads = (long) num(s.get("threads"));
        out.printf("  wall time    %.1f s on %s%n", num(s.get("wall_time_s")), ranks > 1
                ? ranks + " MPI ranks x " + threads + " thread(s) each" : threads + " thread(s)");
        out.printf("  output       %s%n", folder);
    }

    /** The run's checks of its estimate: one line when all passed, else a line per failed check. */
    static void printChecks(PrintStream out, Map<String, Object> s) {
        if (!(s.get("checks") instanceof java.util.List<?> checks)) {
            return;
        }
        java.util.List<Map<?, ?>> failed = checks.stream().map(SummaryReport::map)
                .filter(c -> !Boolean.TRUE.equals(c.get("passed"))).collect(java.util.stream.Collectors.toList());
        if (failed.isEmpty()) {
            out.printf("  checks       all %d passed (%s)%n", checks.size(), checks.stream()
                    .map(c -> String.valueOf(map(c).get("name"))).collect(java.util.stream.Collectors.joining(", ")));
            return;
        }
        out.printf("  SUSPECT      %d of %d checks of this result failed; do not use it as it is (exit code 4):%n",
                failed.size(), checks.size());
        for (Map<?, ?> c : failed) {
            out.printf("    %-18s %s%n", c.get("name"), c.get("message"));
        }
    }

    /** Chemical accuracy, 1 kcal/mol in Hartree. */
    static final double CHEMICAL_ACCURACY = 1.6e-3;

    /** Whether E − E_FCI = {@code distance} ± {@code error} is within chemical accuracy, 1.6 mHa (1 kcal/mol). */
    static String chemicalAccuracy(double distance, double error) {
        return Math.abs(distance) + error <= CHEMICAL_ACCURACY ? "within chemical accuracy, 1.6 mHa"
                : Math.abs(distance) - error > CHEMICAL_ACCURACY ? "NOT within chemical accuracy, 1.6 mHa"
                : "at the edge of chemical accuracy, 1.6 mHa, within the error bar";
    }

    /** Largest V-score of the converged runs in validation/README.md, "Accuracy" (relative errors 4e-5 to 3e-4). */
    static final double V_SCORE_CONVERGED = 2e-3;

    /**
     * What a V-score V = N·Var/E² says (Wu et al., Science 386, 296 (2024)): 0 only for an
     * eigenstate; √(V/N) is the energy spread relative to |E|. It is read against the runs this
     * engine measured (validation/README.md, "Accuracy"): converged ones at V ≤
     * {@value #V_SCORE_CONVERGED}, stalled ones above {@link ConvergenceDiagnostics#V_SCORE_STALLED}.
     */
    static String vScoreReading(double v, int nSites) {
        if (!(v >= 0)) {
            return "not available";
        }
        String spread = String.format(Locale.ROOT, "%.3g: energy spread sqrt(V/N) = %.2g of |E|", v, Math.sqrt(v / nSites));
        if (v <= V_SCORE_CONVERGED) {
            return spread + "; close to an eigenstate (converged runs measured here: V <= 2e-3)";
        }
        if (v <= ConvergenceDiagnostics.V_SCORE_STALLED) {
            return spread + "; above the converged runs measured here (V <= 2e-3), below the stall threshold 1e-2";
        }
        return spread + "; far from an eigenstate (above the stall threshold 1e-2)";
    }

    static Map<?, ?> map(Object o) {
        return o instanceof Map<?, ?> m ? m : Map.of();
    }

    /** A number of the summary; null (JSON's stand-in for NaN) and absent values are NaN. */
    static double num(Object o) {
        return o instanceof Number x ? x.doubleValue() : Double.NaN;
    }
}
