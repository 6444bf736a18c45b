package org.nqs4j.validation.check;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

import org.nqs4j.validation.AnsatzSector;
import org.nqs4j.vmc.cli.Format;
import org.nqs4j.vmc.config.RunConfig;
import org.nqs4j.vmc.config.RunConfigReader;
import org.nqs4j.vmc.io.AtomicFiles;
import org.nqs4j.vmc.io.Json;
import org.nqs4j.vmc.run.RunListener;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * A folder of validation cases: every {@code *.yaml} config in it (sorted by file name) except
 * {@value #TOLERANCES}, which maps config file names to their relative tolerance, e.g.
 * <pre>
 *   heisenberg-chain-10.yaml: 2.0e-3
 * </pre>
 * (cases it does not name use {@link Criterion#DEFAULT_TOLERANCE}). Each case runs into
 * {@code OUT/<file stem>}; {@code suite.json} in OUT lists every outcome.
 */
public final class ValidationSuite {
    public static final String TOLERANCES = "tolerances.yaml";
    public static final String SUMMARY = "suite.json";

    /** A config file and the criterion it is judged by. */
    public record Case(Path config, Criterion criterion) {
        public String stem() {
            return config.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        }
    }

    /** The outcome of a case: its report, or why the run could not finish. */
    public record Outcome(Case testCase, Optional<ValidationReport> report, String error) {
        public boolean passed() {
            return report.map(ValidationReport::passed).orElse(false);
        }
    }

    private ValidationSuite() {
    }

    /** The cases of {@code dir} with their tolerances. */
    public static List<Case> cases(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("the suite folder " + dir + " does not exist");
        }
        List<Path> configs;
        try (Stream<Path> s = Files.list(dir)) {
            configs = s.filter(p -> p.getFileName().toString().matches(".*\\.ya?ml$"))
                    .filter(p -> !p.getFileName().toString().equals(TOLERANCES)).sorted().toList();
        }
        if (configs.isEmpty()) {
            throw new IllegalArgumentException("the suite folder " + dir + " holds no *.yaml configs");
        }
        Map<String, Double> tolerances = tolerances(dir.resolve(TOLERANCES));
        for (String name : tolerances.keySet()) {
            if (configs.stream().noneMatch(p -> p.getFileName().toString().equals(name))) {
                throw new IllegalArgumentException(dir.resolve(TOLERANCES) + " names " + name
                        + ", which is not a config in " + dir);
            }
        }
        List<Case> cases = new ArrayList<>();
        for (Path p : configs) {
            double tol = tolerances.getOrDefault(p.getFileName().toString(), Criterion.DEFAULT_TOLERANCE);
            cases.add(new Case(p, new Criterion(tol)));
        }
        return cases;
    }

    /**
     * The tolerance {@code tolerances.yaml} beside {@code config} gives it, if any: a config of a suite
     * validated alone is judged as in its suite.
     */
    public static Optional<Double> toleranceOf(Path config) throws IOException {
        Path folder = config.toAbsolutePath().getParent();
        return Optional.ofNullable(tolerances(folder.resolve(TOLERANCES)).get(config.getFileName().toString()));
    }

    private static Map<String, Double> tolerances(Path file) throws IOException {
        Map<String, Double> m = new LinkedHashMap<>();
        if (!Files.exists(file)) {
            return m;
        }
        Object root = new Load(LoadSettings.builder().build()).loadFromString(Files.readString(file));
        if (root == null) {
            return m;
        }
        if (!(root instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException(file + " must map config file names to relative tolerances");
        }
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (!(e.getValue() instanceof Number n) || !(n.doubleValue() > 0)) {
                throw new IllegalArgumentException(file + ": the tolerance of " + e.getKey()
                        + " must be a positive number, got " + e.getValue());
            }
            m.put(String.valueOf(e.getKey()), n.doubleValue());
        }
        return m;
    }

    /**
     * Runs every case in turn into {@code out}; a case whose run stops (e.g. non-finite
     * parameters) is recorded as failed and the suite goes on. {@code listeners} gives the
     * progress listener of each case.
     */
    public static List<Outcome> run(List<Case> cases, Path out, boolean force, List<String> overrides,
                                    Function<Case, RunListener> listeners) throws IOException {
        List<Outcome> outcomes = new ArrayList<>();
        for (Case c : cases) {
            RunConfig config = RunConfigReader.read(c.config(), overrides);
            RunListener listener = listeners.apply(c);
            try {
                ValidationReport r = ValidationRun.execute(config, out.resolve(c.stem()), force, c.criterion(), listener);
                outcomes.add(new Outcome(c, Optional.of(r), ""));
            } catch (IOException | RuntimeException e) {
                outcomes.add(new Outcome(c, Optional.empty(), e.getClass().getSimpleName() + ": " + e.getMessage()));
            }
        }
        List<Object> json = new ArrayList<>();
        for (Outcome o : outcomes) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("case", o.testCase().config().toString());
            m.put("passed", o.passed());
            o.report().ifPresentOrElse(r -> m.put("report", r.toJson()), () -> m.put("error", o.error()));
            json.add(m);
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("passed", outcomes.stream().filter(Outcome::passed).count());
        summary.put("failed", outcomes.stream().filter(o -> !o.passed()).count());
        summary.put("cases", json);
        AtomicFiles.write(out.resolve(SUMMARY), Json.write(summary) + "\n");
        return outcomes;
    }

    /** One line per case, then the count of failures. */
    public static void printSummary(PrintStream out, List<Outcome> outcomes) {
        String row = "%-28s %-13s %24s %18s %9s %8s %9s %6s %7s %7s  %s%n";
        out.printf(Locale.ROOT, row, "case", "method", "VMC energy", "exact", "rel.err", "tol", "V-score", "tau",
                "R-hat", "time", "result");
        for (Outcome o : outcomes) {
            String stem = o.testCase().stem();
            if (o.report().isEmpty()) {
                out.printf(Locale.ROOT, row, stem, "-", "-", "-", "-", String.format(Locale.ROOT, "%.0e",
                        o.testCase().criterion().tolerance()), "-", "-", "-", "-", "FAIL: " + o.error());
                continue;
            }
            ValidationReport r = o.report().get();
            out.printf(Locale.ROOT, row, stem, r.exact().map(x -> x.method()).orElse("none"),
                    Format.pm(r.judgedEnergy(), r.judgedError()),
                    r.exact().map(x -> String.format(Locale.ROOT, "%.10f", x.energy())).orElse("-"),
                    String.format(Locale.ROOT, "%.2e", r.relativeError()),
                    String.format(Locale.ROOT, "%.0e", r.criterion().tolerance()),
                    String.format(Locale.ROOT, "%.2e", r.vScore()), String.format(Locale.ROOT, "%.2f", r.vmc().tauCorr()),
                    String.format(Locale.ROOT, "%.3f", r.vmc().rHat()), String.format(Locale.ROOT, "%.1fs", r.wallSeconds()),
                    (r.passed() ? "PASS" : "FAIL: " + r.failure().get())
                            + (r.convergence().stalled() ? " (WARNING: stalled)" : "")
                            + (r.ansatzSector().flatMap(AnsatzSector::warning).isPresent()
                                    ? " (WARNING: the ansatz is not in the ground state's sector)" : ""));
        }
        long failed = outcomes.stream().filter(o -> !o.passed()).count();
        out.printf("%d case(s), %d passed, %d failed%n", outcomes.size(), outcomes.size() - failed, failed);
    }
}
