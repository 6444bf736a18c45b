package org.nqs4j.validation.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.nqs4j.validation.check.Criterion;
import org.nqs4j.validation.check.ValidationReport;
import org.nqs4j.validation.check.ValidationRun;
import org.nqs4j.validation.check.ValidationSuite;
import org.nqs4j.vmc.cli.Arguments;
import org.nqs4j.vmc.cli.Command;
import org.nqs4j.vmc.cli.ProgressPrinter;
import org.nqs4j.vmc.cli.UsageException;
import org.nqs4j.vmc.config.RunConfig;
import org.nqs4j.vmc.config.RunConfigReader;
import org.nqs4j.vmc.run.RunFolder;

/**
 * {@code nqs validate CONFIG}: run the VMC job of a config, compare it with the exact reference
 * and say pass or fail; {@code nqs validate --suite DIR}: the same for every case of a suite
 * folder, with a summary table. Exit code 1 when a case fails.
 */
public final class ValidateCommand implements Command {
    @Override
    public String name() {
        return "validate";
    }

    @Override
    public String usage() {
        return "validate CONFIG | --suite DIR  [--out DIR] [--force] [--quiet] [--tolerance REL] [--set key=value ...]\n"
                + "      run VMC and compare with the exact ground state; validation.json in the run folder;"
                + " exit 1 on failure";
    }

    @Override
    public int run(List<String> args) throws IOException {
        Arguments a = Arguments.parse("validate", args, Set.of("--force", "--quiet"),
                Set.of("--out", "--set", "--tolerance", "--suite"));
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
            return suite(Path.of(a.option("--suite")), a, quiet, force);
        }
        Path file = a.configFile(" (or --suite DIR)");
        Criterion criterion = new Criterion(tolerance(a.option("--tolerance")));
        RunConfig config = RunConfigReader.read(file, a.all("--set"));
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

    private static double tolerance(String text) {
        if (text == null) {
            return Criterion.DEFAULT_TOLERANCE;
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
