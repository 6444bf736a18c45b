package org.nqs4j.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.nqs4j.ansatz.Rbm;
import org.nqs4j.optimizers.Schedule;
import org.nqs4j.optimizers.Sgd;
import org.nqs4j.optimizers.sr.DiagonalShift;
import org.nqs4j.optimizers.sr.SrSolvers;
import org.nqs4j.optimizers.sr.StochasticReconfiguration;
import org.nqs4j.samplers.ChainPool;
import org.nqs4j.samplers.MetropolisSampler;
import org.nqs4j.vmc.cli.Command;
import org.nqs4j.vmc.cli.UsageException;
import org.nqs4j.vmc.driver.IterationResult;
import org.nqs4j.vmc.driver.VmcDriver;
import org.nqs4j.vmc.plot.LinePlot;
import org.nqs4j.vmc.plot.Series;

/**
 * {@code nqs bench}: the peers' problems ({@link BenchProblem}) with the peers' settings: 1,000
 * samples per SR iteration (20 chains × 50; the small-step TFIM problem 16 × 63 = 1,008), 10 % discarded (5 sweeps per chain), SR with an
 * absolute diagonal shift 0.01 and the automatic solver, plain SGD step 0.01. Reports per problem
 * the time per iteration, kept samples per second (and per thread), the process's peak RSS (before
 * the kernel timings), the energy against wall time, and the time and GFLOP/s of the minSR kernels (structured RBM Gram,
 * Hermitian Cholesky) at the problem's shape ({@link KernelRates}) against the FMA peak of the threads used; once per run the
 * measured FMA peak of one core.
 */
public final class BenchCommand implements Command {
    private static final int DISCARD_SWEEPS = 5;
    private static final long SEED = 20170210L;
    /** FMAs per chain of each {@link FmaPeak#scalingCeiling} probe: about 5 ms at this VM's clock. */
    private static final long CEILING_FMAS = 1_500_000L;
    /**
     * A pair counts as quiet when the FMA loop scaled to at least this fraction of the thread count
     * on both sides of it. In the other phases the host runs the two vCPUs as if on one core: each
     * alone at full speed, both together at half (seen with FMA loops pinned to cpu0 and cpu1).
     */
    private static final double QUIET = 0.9;

    @Override
    public String name() {
        return "bench";
    }

    @Override
    public String usage() {
        return "bench [--json] [--out DIR] [--threads N] [--problems a,b,...] [--quick] [--iterations K]"
                + " [--scaling] [--compare FILE]\n"
                + "      time the reference problems (samples/s, s/iteration, peak RSS, FMA peak); --out DIR also\n"
                + "      writes bench.json, bench.md and the energy against wall time (energy-vs-wall.png/.svg);\n"
                + "      --scaling steps each problem on 1 and on N threads (default: all cores) in turn, iteration by\n"
                + "      iteration, and reports the speed-up of the median s/iteration next to the FMA ceiling (a pure\n"
                + "      FMA loop on N threads against 1, timed between iterations) (bench-scaling.json/.md);\n"
                + "      --compare FILE (an earlier `nqs bench --json > FILE`) reruns its problems on its thread count\n"
                + "      (unless --problems/--threads say otherwise) and prints today's figures next to the stored ones,\n"
                + "      with the ratio per problem";
    }

    @Override
    public int run(List<String> args) throws IOException {
        boolean json = false;
        boolean quick = false;
        Path out = null;
        int threads = 1;
        boolean threadsGiven = false;
        boolean scaling = false;
        int iterations = 10;
        List<String> names = null;
        Path compareFile = null;
        for (int k = 0; k < args.size(); k++) {
            switch (args.get(k)) {
                case "--json" -> json = true;
                case "--quick" -> quick = true;
                case "--out" -> out = Path.of(value(args, ++k, "--out"));
                case "--threads" -> {
                    threads = positive(value(args, ++k, "--threads"), "--threads");
                    threadsGiven = true;
                }
                case "--scaling" -> scaling = true;
                case "--iterations" -> iterations = positive(value(args, ++k, "--iterations"), "--iterations");
                case "--problems" -> names = List.of(value(args, ++k, "--problems").split(","));
                case "--compare" -> compareFile = Path.of(value(args, ++k, "--compare"));
                default -> throw new UsageException("unknown argument '" + args.get(k) + "'");
            }
        }
        BenchComparison compare = null;
        if (compareFile != null) {
            if (json || scaling) {
                throw new UsageException("--compare prints a table; it cannot be combined with --json or --scaling");
            }
            compare = BenchComparison.read(compareFile);
            names = names == null ? compare.problems() : names;
            threads = threadsGiven || compare.threads() < 1 ? threads : compare.threads();
        }
        Map<String, BenchProblem> all = BenchProblem.standard();
        if (names == null) {
            names = quick ? BenchProblem.quick() : new ArrayList<>(all.keySet());
        }
        for (String n : names) {
            if (!all.containsKey(n)) {
                throw new UsageException("unknown problem '" + n + "'; known: " + String.join(", ", all.keySet()));
            }
        }
        int measured = quick ? Math.min(iterations, 3) : iterations;
        int warmup = quick ? 1 : 3;
        double warmupSeconds = quick ? 0 : 4;
        // a shorter measurement in --quick runs read below the true peak before C2 had compiled it
        double peak = FmaPeak.gflops(100_000_000L, 3);
        if (scaling) {
            int many = threadsGiven ? threads : Runtime.getRuntime().availableProcessors();
            if (many < 2) {
                throw new UsageException("--scaling compares 1 thread with N > 1; this machine has "
                        + Runtime.getRuntime().availableProcessors() + " processor(s), so give --threads N >= 2");
            }
            List<Scaling> rows = new ArrayList<>();
            for (String n : names) {
                rows.add(scaling(all.get(n), many, warmup, warmupSeconds, measured));
            }
            report(rows, peak, json, out);
            return 0;
        }
        List<Result> results = new ArrayList<>();
        List<String> table = new ArrayList<>();
        table.add(String.format(Locale.ROOT, "FMA peak of one core (Vector API, %d lanes): %.1f GFLOP/s; %d thread(s)",
                jdk.incubator.vector.DoubleVector.SPECIES_PREFERRED.length(), peak, threads));
        table.add(String.format(Locale.ROOT, "%-28s %7s %8s %8s %8s %12s %12s %10s %10s %9s %11s %24s %24s",
                "problem", "params", "s/iter", "median", "steps/s", "sampling s", "update s", "samples/s", "per core",
                "RSS MB", "E/N",
                "Gram ms GF/s (%pk)", "Chol ms GF/s (%pk)"));
        if (!json) {
            table.forEach(System.out::println);
        }
        for (String n : names) {
            Result r = measure(all.get(n), threads, warmup, warmupSeconds, measured);
            results.add(r);
            double threadPeak = peak * threads;
            String line = String.format(Locale.ROOT,
                    "%-28s %7d %8.4f %8.4f %8.1f %12.4f %12.4f %10.0f %10.0f %9.0f %11.5f"
                            + " %7.1f %7.1f (%3.0f%%) %7.1f %7.1f (%3.0f%%)",
                    r.name, r.parameters, r.secondsPerIteration, r.medianSecondsPerIteration,
                    1 / r.medianSecondsPerIteration, r.samplingSeconds,
                    r.updateSeconds, r.samplesPerSecond, r.samplesPerSecond / threads, r.peakRssMb, r.energyPerSite,
                    1e3 * r.kernels.gramSeconds(), r.kernels.gramGflops(), 100 * r.kernels.gramGflops() / threadPeak,
                    1e3 * r.kernels.choleskySeconds(), r.kernels.choleskyGflops(),
                    100 * r.kernels.choleskyGflops() / threadPeak);
            table.add(line);
            if (!json) {
                System.out.println(line);
            }
        }
        if (json) {
            System.out.println(toJson(results, peak, threads));
        }
        if (compare != null) {
            List<Map<String, Object>> today = new ArrayList<>();
            for (Result r : results) {
                today.add(Map.of("name", r.name, "median_seconds_per_iteration", r.medianSecondsPerIteration,
                        "sampling_seconds_per_iteration", r.samplingSeconds,
                        "update_seconds_per_iteration", r.updateSeconds, "samples_per_second", r.samplesPerSecond,
                        "peak_rss_mb", r.peakRssMb));
            }
            System.out.println();
            compare.table(today, threads).forEach(System.out::println);
        }
        if (out != null) {
            writeOutputs(out, results, peak, threads, table);
            if (!json) {
                System.out.println("wrote " + out.resolve("bench.json") + ", bench.md, energy-vs-wall.png/.svg");
            }
        }
        return 0;
    }

    /**
     * bench.json, bench.md (the table) and the relative energy error |E/N − E₀/N| / |E₀/N| of every
     * problem with a known E₀ against wall time, log scale (energy-vs-wall.png and .svg).
     */
    private static void writeOutputs(Path dir, List<Result> results, double peak, int threads, List<String> table)
            throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("bench.json"), toJson(results, peak, threads) + "\n");
        Files.writeString(dir.resolve("bench.md"), "```\n" + String.join("\n", table) + "\n```\n");
        LinePlot plot = new LinePlot("Energy against wall time (" + threads + " thread(s))", "wall time (s)",
                "|E/N − E0/N| / |E0/N|").logY();
        for (Result r : results) {
            if (!Double.isFinite(r.exactEnergyPerSite)) {
                continue;
            }
            double[] x = new double[r.trace.size()];
            double[] y = new double[r.trace.size()];
            for (int t = 0; t < x.length; t++) {
                x[t] = r.trace.get(t)[0];
                y[t] = Math.abs(r.trace.get(t)[1] - r.exactEnergyPerSite) / Math.abs(r.exactEnergyPerSite);
            }
            plot.add(new Series(r.name, x, y, null));
        }
        plot.write(dir, "energy-vs-wall");
    }

    private record Result(String name, int parameters, int threads, double secondsPerIteration,
                          double medianSecondsPerIteration, double samplingSeconds, double updateSeconds,
                          double samplesPerSecond, double peakRssMb,
                          double energyPerSite, double exactEnergyPerSite, List<double[]> trace,
                          KernelRates kernels) {
    }

    /**
     * One problem timed on 1 and on {@code threads} threads, iteration by iteration alternated: the
     * per-iteration times of each thread count, the mean sampling and update time, and the FMA
     * ceiling probed before the first pair and after every pair ({@code measured + 1} values).
     */
    private record Scaling(String name, int parameters, int threads, double[] single, double[] multi,
                           double samplingSingle, double samplingMulti, double updateSingle, double updateMulti,
                           double[] ceiling) {
        double speedup() {
            return median(single) / median(multi);
        }

        /** The speed-up as a fraction of what a pure FMA loop on the same threads got meanwhile. */
        double efficiency() {
            return speedup() / median(ceiling);
        }

        /** Pair i is quiet when the probes on both sides of it reached {@code QUIET} of the thread count. */
        boolean[] quiet() {
            boolean[] q = new boolean[single.length];
            for (int i = 0; i < q.length; i++) {
                q[i] = Math.min(ceiling[i], ceiling[i + 1]) >= QUIET * threads;
            }
            return q;
        }

        int quietPairs() {
            int n = 0;
            for (boolean b : quiet()) {
                n += b ? 1 : 0;
            }
            return n;
        }

        /** The speed-up over the quiet pairs alone (NaN when there is none). */
        double quietSpeedup() {
            boolean[] q = quiet();
            double[] a = new double[quietPairs()];
            double[] b = new double[a.length];
            for (int i = 0, j = 0; i < q.length; i++) {
                if (q[i]) {
                    a[j] = single[i];
                    b[j++] = multi[i];
                }
            }
            return a.length == 0 ? Double.NaN : median(a) / median(b);
        }
    }

    /**
     * Two drivers of the same problem, one on a single thread and one on {@code threads}, stepped
     * in turn: this VM's host load drifts by ±15 % over tens of seconds, and alternating single
     * iterations puts the drift into both columns alike (whole runs one after the other measured
     * 1.2× to 2.1× for the same code). Same seed and thread-count-independent results: both drivers
     * do the same work in every iteration. Before the first pair and after each one,
     * {@link FmaPeak#scalingCeiling} times a pure FMA loop on 1 and on all threads (about 5 ms
     * each): what the host allowed at that moment.
     */
    private static Scaling scaling(BenchProblem problem, int threads, int warmup, double warmupSeconds, int measured) {
        Rbm one = problem.ansatz(SEED);
        Rbm many = problem.ansatz(SEED);
        try (ChainPool single = new ChainPool(1); ChainPool pool = new ChainPool(threads)) {
            VmcDriver first = driver(problem, one, single);
            VmcDriver second = driver(problem, many, pool);
            warmUp(problem, pool, warmupSeconds);
            for (int k = 0; k < 20; k++) { // until C2 has compiled the probe's loop, not only its OSR entry
                FmaPeak.scalingCeiling(pool, CEILING_FMAS);
            }
            double[][] seconds = new double[2][measured];
            double[] ceiling = new double[measured + 1];
            double[] sums = new double[4];
            for (int it = 0; it < warmup + measured; it++) {
                if (it == warmup) {
                    ceiling[0] = FmaPeak.scalingCeiling(pool, CEILING_FMAS);
                }
                for (int side = 0; side < 2; side++) {
                    long t0 = System.nanoTime();
                    IterationResult r = (side == 0 ? first : second).step(it);
                    if (it >= warmup) {
                        seconds[side][it - warmup] = (System.nanoTime() - t0) * 1e-9;
                        sums[side] += r.samplingSeconds() / measured;
                        sums[2 + side] += r.updateSeconds() / measured;
                    }
                }
                if (it >= warmup) {
                    ceiling[it - warmup + 1] = FmaPeak.scalingCeiling(pool, CEILING_FMAS);
                }
            }
            return new Scaling(problem.name(), one.nParameters(), threads, seconds[0], seconds[1], sums[0], sums[1],
                    sums[2], sums[3], ceiling);
        }
    }

    private static void report(List<Scaling> rows, double peak, boolean json, Path out) throws IOException {
        List<String> table = new ArrayList<>();
        table.add(String.format(Locale.ROOT, "FMA peak of one core: %.1f GFLOP/s; 1 thread against %d, iterations"
                + " alternated; medians of %d iterations each", peak, rows.get(0).threads, rows.get(0).single.length));
        table.add("FMA ceiling: a loop of FMAs alone on N threads against 1, timed between the pairs of iterations"
                + " (the host's limit); efficiency = speed-up / ceiling; quiet: the pairs with the ceiling >= "
                + QUIET + " N on both sides, and their speed-up");
        table.add(String.format(Locale.ROOT, "%-28s %7s %12s %12s %9s %10s %10s %12s %11s %7s %9s", "problem",
                "params", "1 thr s/it", rows.get(0).threads + " thr s/it", "speed-up", "sampling", "update",
                "FMA ceiling", "efficiency", "quiet", "speed-up"));
        StringBuilder js = new StringBuilder(String.format(Locale.ROOT,
                "{\"fma_peak_gflops_one_core\": %.2f, \"quiet_fraction_of_threads\": %.2f, \"scaling\": [",
                peak, QUIET));
        for (int k = 0; k < rows.size(); k++) {
            Scaling r = rows.get(k);
            double quiet = r.quietSpeedup();
            table.add(String.format(Locale.ROOT,
                    "%-28s %7d %12.4f %12.4f %8.2fx %9.2fx %9.2fx %11.2fx %10.0f%% %7s %9s",
                    r.name, r.parameters, median(r.single), median(r.multi), r.speedup(),
                    r.samplingSingle / r.samplingMulti, r.updateSingle / r.updateMulti, median(r.ceiling),
                    100 * r.efficiency(), r.quietPairs() + "/" + r.single.length,
                    Double.isNaN(quiet) ? "-" : String.format(Locale.ROOT, "%.2fx", quiet)));
            js.append(k == 0 ? "\n  " : ",\n  ").append(String.format(Locale.ROOT, "{\"name\": \"%s\", "
                            + "\"parameters\": %d, \"threads\": %d, \"iterations\": %d, "
                            + "\"median_seconds_per_iteration_1_thread\": %.6f, "
                            + "\"median_seconds_per_iteration\": %.6f, \"speedup\": %.4f, "
                            + "\"sampling_speedup\": %.4f, \"update_speedup\": %.4f, "
                            + "\"fma_ceiling\": %.4f, \"efficiency\": %.4f, \"quiet_pairs\": %d, "
                            + "\"quiet_speedup\": %s}",
                    r.name, r.parameters, r.threads, r.single.length, median(r.single), median(r.multi), r.speedup(),
                    r.samplingSingle / r.samplingMulti, r.updateSingle / r.updateMulti, median(r.ceiling),
                    r.efficiency(), r.quietPairs(),
                    Double.isNaN(quiet) ? "null" : String.format(Locale.ROOT, "%.4f", quiet)));
        }
        js.append("\n]}");
        if (json) {
            System.out.println(js);
        } else {
            table.forEach(System.out::println);
        }
        if (out != null) {
            Files.createDirectories(out);
            Files.writeString(out.resolve("bench-scaling.json"), js + "\n");
            Files.writeString(out.resolve("bench-scaling.md"), "```\n" + String.join("\n", table) + "\n```\n");
        }
    }

    /** The median of {@code values} (a sorted copy; the input is left as it is). */
    static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
    }

    /** {@code warmup} iterations, then {@code measured} timed ones, after a JIT warm-up of {@code warmupSeconds}. */
    private static Result measure(BenchProblem problem, int threads, int warmup, double warmupSeconds, int measured)
            throws IOException {
        Rbm rbm = problem.ansatz(SEED);
        try (ChainPool pool = new ChainPool(threads)) {
            VmcDriver driver = driver(problem, rbm, pool);
            List<double[]> trace = new ArrayList<>();
            double wall = 0;
            double sampling = 0;
            double update = 0;
            double total = 0;
            double energy = Double.NaN;
            double[] times = new double[measured];
            warmUp(problem, pool, warmupSeconds);
            for (int it = 0; it < warmup + measured; it++) {
                long t0 = System.nanoTime();
                IterationResult r = driver.step(it);
                double seconds = (System.nanoTime() - t0) * 1e-9;
                wall += seconds;
                energy = r.energy().mean() / problem.nSites();
                trace.add(new double[] {wall, energy});
                if (it >= warmup) {
                    times[it - warmup] = seconds;
                    total += seconds;
                    sampling += r.samplingSeconds();
                    update += r.updateSeconds();
                }
            }
            double rss = peakRssMb();
            KernelRates kernels = KernelRates.measure(driver.nSamples(), rbm.outerProductJacobian().orElseThrow(),
                    pool::forEach);
            return new Result(problem.name(), rbm.nParameters(), threads, total / measured, median(times),
                    sampling / measured,
                    update / measured, driver.nSamples() * measured / sampling, rss, energy,
                    problem.exactEnergyPerSite(), trace, kernels);
        }
    }

    private static VmcDriver driver(BenchProblem problem, Rbm rbm, ChainPool pool) {
        return new VmcDriver(rbm, org.nqs4j.vmc.driver.SampledOperator.of(problem.hamiltonian()), problem.sampler(rbm, problem.chains(), SEED + 1),
                new StochasticReconfiguration(SrSolvers.auto(), DiagonalShift.absolute(Schedule.constant(0.01))),
                new Sgd(0.01), pool, problem.samplesPerChain(), DISCARD_SWEEPS);
    }

    /**
     * Steps a throwaway copy of the problem for {@code seconds} on one thread, then (with more
     * threads) for half as long again on the measured pool: C2 needs a few seconds to compile the
     * kernels, and with every core busy its compiler threads starve, so a warm-up on all threads
     * left partly compiled code in the two-thread figures of the first problem of a run (1.2×
     * against 1.6× for the same problem second). A copy keeps the measured run's energies
     * independent of how fast the machine is.
     */
    private static void warmUp(BenchProblem problem, ChainPool pool, double seconds) {
        try (ChainPool single = new ChainPool(1)) {
            step(problem, single, seconds);
        }
        if (pool.threads() > 1) {
            step(problem, pool, seconds / 2);
        }
    }

    private static void step(BenchProblem problem, ChainPool pool, double seconds) {
        VmcDriver driver = driver(problem, problem.ansatz(SEED), pool);
        long end = System.nanoTime() + (long) (seconds * 1e9);
        for (int it = 0; System.nanoTime() < end; it++) {
            driver.step(it);
        }
    }

    /** The process's peak resident set (VmHWM of /proc/self/status), MB; NaN off Linux. */
    static double peakRssMb() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return Double.NaN;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("VmHWM:")) {
                return Double.parseDouble(line.replaceAll("[^0-9]", "")) / 1024.0;
            }
        }
        return Double.NaN;
    }

    private static String toJson(List<Result> results, double peak, int threads) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "{\"fma_peak_gflops_one_core\": %.2f, \"threads\": %d, "
                + "\"available_processors\": %d, \"problems\": [", peak, threads,
                Runtime.getRuntime().availableProcessors()));
        for (int k = 0; k < results.size(); k++) {
            Result r = results.get(k);
            sb.append(k == 0 ? "\n  " : ",\n  ");
            sb.append(String.format(Locale.ROOT, "{\"name\": \"%s\", \"parameters\": %d, \"threads\": %d, "
                            + "\"seconds_per_iteration\": %.6f, \"median_seconds_per_iteration\": %.6f, "
                            + "\"steps_per_second\": %.2f, "
                            + "\"sampling_seconds_per_iteration\": %.6f, "
                            + "\"update_seconds_per_iteration\": %.6f, \"samples_per_second\": %.1f, "
                            + "\"samples_per_second_per_thread\": %.1f, \"peak_rss_mb\": %.1f, "
                            + "\"energy_per_site\": %s, \"exact_energy_per_site\": %s, "
                            + "\"gram_seconds\": %.6f, \"gram_gflops\": %.2f, \"cholesky_seconds\": %.6f, "
                            + "\"cholesky_gflops\": %.2f, \"energy_vs_wall_seconds\": [",
                    r.name, r.parameters, r.threads, r.secondsPerIteration, r.medianSecondsPerIteration,
                    1 / r.medianSecondsPerIteration, r.samplingSeconds, r.updateSeconds,
                    r.samplesPerSecond, r.samplesPerSecond / r.threads, r.peakRssMb, number(r.energyPerSite),
                    number(r.exactEnergyPerSite), r.kernels.gramSeconds(), r.kernels.gramGflops(),
                    r.kernels.choleskySeconds(), r.kernels.choleskyGflops()));
            for (int t = 0; t < r.trace.size(); t++) {
                double[] p = r.trace.get(t);
                sb.append(t == 0 ? "" : ", ").append(String.format(Locale.ROOT, "[%.4f, %s]", p[0], number(p[1])));
            }
            sb.append("]}");
        }
        return sb.append("\n]}").toString();
    }

    private static String number(double x) {
        return Double.isFinite(x) ? String.format(Locale.ROOT, "%.8f", x) : "null";
    }

    private static String value(List<String> args, int k, String option) {
        if (k >= args.size()) {
            throw new UsageException(option + " needs a value");
        }
        return args.get(k);
    }

    private static int positive(String text, String option) {
        try {
            int v = Integer.parseInt(text);
            if (v >= 1) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(option + " must be a positive integer, got '" + text + "'");
    }
}
