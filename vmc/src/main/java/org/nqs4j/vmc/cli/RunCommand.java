package org.nqs4j.vmc.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.nqs4j.vmc.config.RunConfig;
import org.nqs4j.vmc.config.RunConfigReader;
import org.nqs4j.vmc.run.RunFolder;
import org.nqs4j.vmc.run.RunResult;
import org.nqs4j.vmc.run.VmcRun;
import org.nqs4j.vmc.stats.Estimate;

/** {@code nqs run CONFIG}: optimise the ansatz of a config and report the energy with its error. */
public final class RunCommand implements Command {
    @Override
    public String name() {
        return "run";
    }

    @Override
    public String usage() {
        return "run CONFIG [--out DIR] [--force] [--quiet] [--set key=value ...]\n"
                + "      optimise and estimate; results in runs/NAME (or DIR): log.jsonl, summary.json, parameters.npy";
    }

    @Override
    public int run(List<String> args) throws IOException {
        Arguments a = Arguments.parse("run", args, Set.of("--quiet", "--force"), Set.of("--out", "--set"));
        if (a.positionals().size() != 1) {
            throw new UsageException("expected exactly one CONFIG file, got " + a.positionals().size() + ".");
        }
        Path file = Path.of(a.positionals().get(0));
        if (!Files.isRegularFile(file)) {
            throw new UsageException("the config file " + file + " does not exist.");
        }
        RunConfig config = RunConfigReader.read(file, a.all("--set"));
        Path dir = resolveFolder(config, a.option("--out"), a.flag("--force"));
        boolean quiet = a.flag("--quiet");
        try (RunFolder folder = RunFolder.create(dir, a.flag("--force"))) {
            ProgressPrinter progress = new ProgressPrinter(System.err, quiet);
            if (!quiet) {
                System.err.println("nqs run " + config.name() + " -> " + folder.path());
            }
            RunResult result = VmcRun.execute(config, folder, progress);
            progress.finish();
            report(System.out, config, result, folder.path());
        }
        return 0;
    }

    /** --out DIR is used as given; the default runs/NAME never overwrites: it moves on to NAME-2, … */
    static Path resolveFolder(RunConfig config, String out, boolean force) {
        if (out != null) {
            return Path.of(out);
        }
        Path base = config.outputRoot().resolve(config.name());
        return force ? base : RunFolder.firstFree(base);
    }

    static void report(PrintStream out, RunConfig config, RunResult r, Path folder) {
        Estimate e = r.evaluation().energy();
        int n = config.lattice().nSites();
        out.printf("%s: %s%n", config.name(), config.hamiltonian().operator().description());
        out.printf("  ansatz       %s, %d parameters%n", r.summary().get("ansatz"), r.nParameters());
        out.printf("  energy       %s   (per site %s)%n", Format.pm(e.mean(), e.error()),
                Format.pm(e.mean() / n, e.error() / n));
        out.printf("  variance     %.6g   (V-score N·Var/E² = %.3g)%n", e.variance(),
                n * e.variance() / (e.mean() * e.mean()));
        out.printf("  acceptance   %.3f%n", r.evaluation().acceptance());
        out.printf("  tau_corr     %.2f sweeps   split R-hat %.4f   (%d samples)%n", e.tauCorr(), e.rHat(), e.nSamples());
        r.exact().ifPresent(x -> out.printf("  exact        %.10g (%s)   relative error %.2e, deviation %.1f sigma%n",
                x.energy(), x.method(), Math.abs((e.mean() - x.energy()) / x.energy()),
                e.error() > 0 ? (e.mean() - x.energy()) / e.error() : Double.NaN));
        r.evaluation().observables().forEach((k, v) -> out.printf("  %-12s %s%n", k, Format.pm(v.mean(), v.error())));
        out.printf("  wall time    %.1f s on %d thread(s)%n", r.wallSeconds(), config.threads());
        out.printf("  output       %s%n", folder);
    }
}
