package org.nqs4j.validation.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.nqs4j.validation.ExactGroundState;
import org.nqs4j.validation.check.Criterion;
import org.nqs4j.validation.check.ErrorBarCalibration;
import org.nqs4j.validation.check.SeedConsistency;
import org.nqs4j.validation.check.ValidationReport;
import org.nqs4j.validation.check.ValidationRun;
import org.nqs4j.validation.check.ValidationSuite;
import org.nqs4j.vmc.cli.Arguments;
import org.nqs4j.vmc.cli.Command;
import org.nqs4j.vmc.cli.Format;
import org.nqs4j.vmc.cli.ProgressPrinter;
import org.nqs4j.vmc.cli.RankScratch;
import org.nqs4j.vmc.cli.UsageException;
import org.nqs4j.vmc.config.RunConfig;
import org.nqs4j.vmc.config.RunConfigReader;
import org.nqs4j.vmc.config.SamplerSpec;
import org.nqs4j.vmc.io.AtomicFiles;
import org.nqs4j.vmc.io.Json;
import org.nqs4j.vmc.run.RunFolder;

/**
 * {@code nqs validate CONFIG}: run the VMC job of a config, compare it with the exact reference
 * and say pass or fail; {@code nqs validate --suite DIR}: the same for every case of a suite
 * folder, with a summary table. Exit code 1 when a case fails.
 */
public final class ValidateCommand implements Command {
    /** The error-bar check of {@code --seeds}, in the output folder. */
    public static final String CALIBRATION = "calibration.json";

    @Override
    public String name() {
        return "validate";
    }

    @Override
    public String usage() {
        return "validate CONFIG | --suite DIR  [--out DIR] [--force] [--quiet] [--tolerance REL] [--seeds K]"
                + " [--set key=value ...]\n"
                + "      run VMC and compare with the exact ground state; validation.json in the run folder;"
                + " exit 1 on failure;\n"
                + "      the tolerance is --tolerance, else CONFIG's entry in the tolerances.yaml beside it, else"
                + " 1e-3;\n"
                + "      --seeds K runs CONFIG with K seeds (seed, seed+1, ...) into DIR/seed-S and checks the error"
                + " bars\n"
                + "      against the exact trial-state energies, or beyond the trial-state sum compares the seeds'"
                + " energies\n      with each other (chi-square tests; calibration.json)";
    }

    /**
     * One CONFIG is validated by the ranks of an MPI launch together (rank 0 writes and judges); a suite or
     * seeds run as one process. Arguments that do not parse are left to {@link #run}, which says why.
     */
    @Override
    public boolean distributed(List<String> args) {
        try {
            Arguments a = arguments(args);
            return a.option("--suite") == null && a.option("--seeds") == null;
        } catch (UsageException e) {
            return true;
        }
    }

    private static Arguments arguments(List<String> args) {
        return Arguments.parse(args, Set.of("--force", "--quiet"),
                Set.of("--out", "--set", "--tolerance", "--suite", "--seeds"));
    }

    @Override
    public int run(List<String> args) throws IOException {
        Arguments a = arguments(args);
        boolean quiet = a.flag("--quiet");
        boolean force = a.flag("--force");
        if (a.option("--suite") != null) {
            if (!a.positionals().isEmpty()) {
                throw new UsageException("give either CONFIG or --suite DIR, not both.");
            }
            if (a.option("--tolerance") != null) {
                throw new UsageException("--tolerance applies to one CONFIG; a suite takes its tolerances from "
                        + ValidationSuite.TOLERANCES + " in its folder.");
            }
            if (a.option("--seeds") != null) {
                throw new UsageException("--seeds applies to one CONFIG, not to a suite.");
            }
            return suite(Path.of(a.option("--suite")), a, quiet, force);
        }
        if (a.option("--seeds") != null) {
            return seeds(a, seedCount(a.option("--seeds")), quiet, force);
        }
        Path file = a.configFile(" (or --suite DIR)");
        Criterion criterion = new Criterion(tolerance(a.option("--tolerance"), file));
        RunConfig config = RunConfigReader.read(file, a.all("--set"));
        if (!RankScratch.writesRunFolder()) { // an MPI rank other than 0: the run's steps; rank 0 judges
            return RankScratch.runInScratch(config);
        }
        Path dir = RunFolder.choose(a.option("--out"), config.outputRoot().resolve(config.name()), force);
        ProgressPrinter progress = new ProgressPrinter(System.err, quiet);
        if (!quiet) {
            System.err.println("nqs validate " + config.name() + " -> " + dir);
        }
        ValidationReport report = ValidationRun.execute(config, dir, force, criterion, progress);
        progress.finish();
        report.print(System.out);
        return report.passed() ? 0 : 1;
    }

    /**
     * The config run with K seeds, each into DIR/seed-S: a summary line per run, then the
     * {@link ErrorBarCalibration} of their VMC − trial deviations (calibration.json in DIR).
     */
    private static int seeds(Arguments a, int count, boolean quiet, boolean force) throws IOException {
        Path file = a.configFile(" (or --suite DIR)");
        Criterion criterion = new Criterion(tolerance(a.option("--tolerance"), file));
        RunConfig base = RunConfigReader.read(file, a.all("--set"));
        if (base.sampler().method() == SamplerSpec.Method.FULL_SUM) {
            throw new UsageException("--seeds checks the error bars of sampled runs, and sampler.type full_sum has none"
                    + " (its energy is the exact sum over the sector); validate the config without --seeds, or set"
                    + " sampler.type: exact to sample it.");
        }
        Optional<String> noTrial = ExactGroundState.trialStateUnavailable(base);
        Path out = RunFolder.choose(a.option("--out"), base.outputRoot().resolve(base.name() + "-seeds"), force);
        Files.createDirectories(out);
        if (!quiet) {
            System.err.println("nqs validate " + base.name() + " with " + count + " seeds -> " + out);
            noTrial.ifPresent(why -> System.err.println("no exact trial-state energies (" + why
                    + "): the seeds are compared with each other"));
        }
        List<ValidationReport> reports = new ArrayList<>();
        List<Long> completed = new ArrayList<>();
        int failed = 0;
        String row = "%-12s %24s %18s %10s %9s  %s%n";
        System.out.printf(Locale.ROOT, row, "seed", "VMC energy", "trial state", "VMC-trial", "rel.err", "result");
        for (int k = 0; k < count; k++) {
            long seed = base.seed() + k;
            List<String> sets = new ArrayList<>(a.all("--set"));
            sets.add("seed=" + seed);
            RunConfig config = RunConfigReader.read(file, sets);
            ProgressPrinter progress = new ProgressPrinter(System.err, true);
            ValidationReport r;
            try {
                r = ValidationRun.execute(config, out.resolve("seed-" + seed), force, criterion, progress);
            } catch (RuntimeException e) { // a run that stopped (e.g. on non-finite steps) fails its seed only
                progress.finish();
                failed++;
                System.out.printf(Locale.ROOT, row, seed, "-", "-", "-", "-", "FAIL: " + e.getMessage());
                continue;
            }
            progress.finish();
            reports.add(r);
            completed.add(seed);
            System.out.printf(Locale.ROOT, row, seed, Format.pm(r.judgedEnergy(), r.judgedError()),
                    r.trial().map(t -> String.format(Locale.ROOT, "%.10f", t.energy())).orElse("-"),
                    String.format(Locale.ROOT, "%+.2f", r.trialDeviationSigma()),
                    String.format(Locale.ROOT, "%.2e", r.relativeError()), r.passed() ? "PASS" : "FAIL: "
                            + r.failure().get());
        }
        if (reports.size() < 2) {
            System.out.println("only " + reports.size() + " of " + count + " runs completed: too few to check the error"
                    + " bars");
            return 1;
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("config", file.toString());
        json.put("seeds", completed);
        json.put("failed_runs", failed);
        boolean consistent;
        if (noTrial.isPresent()) {
            SeedConsistency comparison = SeedConsistency.of(reports);
            comparison.print(System.out);
            json.put("seed_consistency", comparison.toJson());
            consistent = comparison.consistent();
        } else {
            ErrorBarCalibration calibration = ErrorBarCalibration.of(reports);
            calibration.print(System.out);
            json.putAll(calibration.toJson());
            consistent = calibration.consistent();
        }
        AtomicFiles.write(out.resolve(CALIBRATION), Json.write(json) + "\n");
        System.out.println("output: " + out + " (" + CALIBRATION + ", one run folder per seed)");
        // without an exact reference a run has nothing to pass: the seeds' agreement decides
        boolean accurate = reports.stream().allMatch(r -> r.passed() || r.exact().isEmpty());
        return failed == 0 && consistent && accurate ? 0 : 1;
    }

    private static int seedCount(String text) {
        try {
            int k = Integer.parseInt(text.trim());
            if (k >= 2 && k <= 1000) {
                return k;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("--seeds must be a number of runs from 2 to 1000, got '" + text + "'.");
    }

    private static int suite(Path dir, Arguments a, boolean quiet, boolean force) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new UsageException("the suite folder " + dir + " does not exist.");
        }
        List<ValidationSuite.Case> cases;
        try {
            cases = ValidationSuite.cases(dir);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage() + ".");
        }
        Path out = RunFolder.choose(a.option("--out"), Path.of("runs", "validation-suite"), false);
        if (!quiet) {
            System.err.println("nqs validate --suite " + dir + ": " + cases.size() + " case(s) -> " + out);
        }
        List<ValidationSuite.Outcome> outcomes = ValidationSuite.run(cases, out, force, a.all("--set"), c -> {
            if (!quiet) {
                System.err.println("case " + c.stem());
            }
            return new ProgressPrinter(System.err, true);
        });
        ValidationSuite.printSummary(System.out, outcomes);
        System.out.println("output: " + out + " (" + ValidationSuite.SUMMARY + ", one run folder per case)");
        return outcomes.stream().allMatch(ValidationSuite.Outcome::passed) ? 0 : 1;
    }

    /** --tolerance, else the config's entry in the tolerances.yaml of its folder, else the default. */
    private static double tolerance(String text, Path config) throws IOException {
        if (text == null) {
            try {
                return ValidationSuite.toleranceOf(config).orElse(Criterion.DEFAULT_TOLERANCE);
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage() + ".");
            }
        }
        try {
            double t = Double.parseDouble(text);
            if (t > 0 && Double.isFinite(t)) {
                return t;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("--tolerance must be a positive relative tolerance such as 1e-3, got '" + text + "'.");
    }
}
