package org.nqs4j.vmc.plot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The standard plots of one or more runs: energy against iteration with its error band and the
 * exact line(s), and below it, when an exact energy is known, the relative error on a log scale
 * (convergence is seen there, not on the linear scale); the energy variance (log scale); and the
 * Metropolis acceptance.
 */
public final class RunPlots {
    static final String ITERATION = "iteration (optimisation step)";

    private RunPlots() {
    }

    /** Writes energy, variance and acceptance plots (PNG and SVG) into {@code dir}. */
    public static void write(List<RunLog> runs, String title, Path dir) throws IOException {
        LinePlot variance = new LinePlot(title + ": energy variance", ITERATION,
                label("Var E_loc", runs, ", squared")).logY();
        LinePlot acceptance = new LinePlot(title + ": Metropolis acceptance", ITERATION, "acceptance rate");
        for (RunLog r : runs) {
            variance.add(new Series(r.label(), r.iteration(), r.variance(), null));
            acceptance.add(new Series(r.label(), r.iteration(), r.acceptance(), null));
        }
        writeSideBySide(dir, List.of(Map.entry("energy", energy(runs, title)), Map.entry("variance", variance),
                Map.entry("acceptance", acceptance)));
    }

    /**
     * Writes each plot as NAME.png and NAME.svg, the plots side by side on the common pool: drawing
     * one is serial work (rasterising, PNG compression) that the end of a run waits for.
     */
    static void writeSideBySide(Path dir, List<Map.Entry<String, LinePlot>> plots) throws IOException {
        try {
            plots.parallelStream().forEach(p -> {
                try {
                    p.getValue().write(dir, p.getKey());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * E ± σ per iteration for each run with its exact line: one black line when all runs share the
     * exact energy, else each run's own in its colour (the runs are of different systems); runs
     * without an exact energy are named in a note. Below, when any exact energy is known, the
     * relative error |Ē − E_exact| / |E_exact| per run on a log scale, Ē the mean over blocks of
     * consecutive iterations (one iteration's noise would hide the trend), with the statistical
     * floor σ_Ē / |E_exact| dotted: where the two meet, the error is sampling noise, not bias.
     */
    static LinePlot energy(List<RunLog> runs, String title) {
        LinePlot energy = new LinePlot(title + ": energy", ITERATION, label("energy E", runs, ""));
        int block = Math.max(1, runs.stream().mapToInt(RunLog::size).max().orElse(0) / 100);
        LinePlot error = new LinePlot("", ITERATION, "|Ē − E_exact| / |E_exact|").logY();
        Set<Double> exacts = new TreeSet<>();
        List<String> without = new ArrayList<>();
        for (int k = 0; k < runs.size(); k++) {
            RunLog r = runs.get(k);
            energy.add(new Series(r.label(), r.iteration(), r.energy(), r.error()));
            double e0 = r.exact().orElse(Double.NaN);
            int n = r.size() / block;
            double[] x = new double[n];
            double[] rel = new double[n];
            double[] floor = new double[n];
            for (int b = 0; b < n; b++) {
                double sum = 0;
                double var = 0;
                for (int i = b * block; i < (b + 1) * block; i++) {
                    sum += r.energy()[i];
                    var += r.error()[i] * r.error()[i];
                }
                x[b] = 0.5 * (r.iteration()[b * block] + r.iteration()[(b + 1) * block - 1]);
                rel[b] = Math.abs(sum / block - e0) / Math.abs(e0);
                floor[b] = Math.sqrt(var) / block / Math.abs(e0);
            }
            error.add(new Series(r.label(), x, rel, null));
            error.addDottedCurve(new Series(r.label() + ": σ / |E_exact|", x, floor, null), k);
            if (r.exact().isPresent()) {
                exacts.add(e0);
            } else {
                without.add(r.label());
            }
        }
        if (exacts.size() == 1) {
            double e0 = exacts.iterator().next();
            energy.referenceLine(String.format(Locale.ROOT, "exact %.10g", e0), e0);
        } else if (exacts.size() > 1) {
            for (int k = 0; k < runs.size(); k++) {
                int colour = k;
                RunLog r = runs.get(k);
                r.exact().ifPresent(e0 -> energy.referenceLine(
                        String.format(Locale.ROOT, "exact %s: %.10g", r.label(), e0), e0, colour));
            }
            energy.note("different exact energies (different systems): each run's exact line is drawn in its colour");
        }
        if (runs.stream().map(RunLog::energyUnit).distinct().count() > 1) {
            energy.note("energy units differ: " + String.join("; ", runs.stream()
                    .map(r -> r.label() + " in " + (r.energyUnit().isEmpty() ? "unknown units" : r.energyUnit()))
                    .toList()));
        }
        if (!without.isEmpty()) {
            energy.note("no exact energy known for " + String.join(", ", without)
                    + " (none in its summary.json)");
        }
        if (exacts.isEmpty()) {
            return energy;
        }
        energy.note("below: relative error of " + (block == 1 ? "E per iteration" : "Ē, the mean of " + block
                + " iterations") + "; dotted: its statistical error");
        return energy.withPanelBelow(error);
    }

    /** An axis label with the runs' energy unit, e.g. "energy E (units of J)", when they share one. */
    private static String label(String quantity, List<RunLog> runs, String suffix) {
        Set<String> units = new TreeSet<>();
        runs.forEach(r -> units.add(r.energyUnit()));
        if (units.size() != 1 || units.contains("")) {
            return quantity;
        }
        return quantity + " (" + units.iterator().next() + suffix + ")";
    }

    /**
     * One plot per observable family of a summary (C(r) as {@code correlations.png/svg}, S(q) as
     * {@code structure_factor.png/svg}): value ± error against the member index (r or the momentum
     * index n of q = 2πn/L on a chain; the row-major index of (x, y) in two dimensions), with the
     * exact values as a second curve when known.
     */
    public static void writeFamilies(Map<String, Object> summary, String title, Path dir) throws IOException {
        if (!(summary.get("observables") instanceof Map<?, ?> observables)) {
            return;
        }
        for (Map.Entry<?, ?> e : observables.entrySet()) {
            if (!(e.getValue() instanceof Map<?, ?> f) || !(f.get("mean") instanceof List<?> mean)) {
                continue;
            }
            int n = mean.size();
            double[] x = new double[n];
            double[] y = new double[n];
            double[] err = new double[n];
            List<?> error = (List<?>) f.get("error");
            for (int k = 0; k < n; k++) {
                x[k] = k;
                y[k] = ((Number) mean.get(k)).doubleValue();
                err[k] = ((Number) error.get(k)).doubleValue();
            }
            String name = e.getKey().toString();
            boolean correlations = name.equals("correlations");
            LinePlot plot = new LinePlot(title + ": " + (correlations ? "C(r)" : "S(q)"),
                    correlations ? "displacement index r" : "momentum index n, q = 2πn/L",
                    correlations ? "C(r)" : "S(q)");
            plot.addPoints(new Series("VMC", x, y, err));
            if (f.get("exact") instanceof List<?> exact && exact.size() == n) {
                double[] ex = new double[n];
                for (int k = 0; k < n; k++) {
                    ex[k] = ((Number) exact.get(k)).doubleValue();
                }
                plot.addCurve(new Series("exact", x, ex, null), LinePlot.BLACK);
            }
            plot.write(dir, name);
        }
    }
}
