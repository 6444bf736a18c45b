package org.nqs4j.vmc.plot;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The standard plots of one or more runs: energy vs iteration with error bands and the exact
 * line when known, energy variance (log scale), and acceptance.
 */
public final class RunPlots {
    private RunPlots() {
    }

    /** Writes energy, variance and acceptance plots (PNG and SVG) into {@code dir}. */
    public static void write(List<RunLog> runs, OptionalDouble exact, String title, Path dir) throws IOException {
        LinePlot energy = new LinePlot(title + ": energy", "iteration", "energy");
        LinePlot variance = new LinePlot(title + ": energy variance", "iteration", "Var(E_loc)").logY();
        LinePlot acceptance = new LinePlot(title + ": Metropolis acceptance", "iteration", "acceptance");
        for (RunLog r : runs) {
            energy.add(new Series(r.label(), r.iteration(), r.energy(), r.error()));
            variance.add(new Series(r.label(), r.iteration(), r.variance(), null));
            acceptance.add(new Series(r.label(), r.iteration(), r.acceptance(), null));
        }
        exact.ifPresent(e -> energy.referenceLine("exact " + String.format("%.8g", e), e));
        energy.write(dir, "energy");
        variance.write(dir, "variance");
        acceptance.write(dir, "acceptance");
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
            plot.add(new Series("VMC", x, y, err));
            if (f.get("exact") instanceof List<?> exact && exact.size() == n) {
                double[] ex = new double[n];
                for (int k = 0; k < n; k++) {
                    ex[k] = ((Number) exact.get(k)).doubleValue();
                }
                plot.add(new Series("exact", x, ex, null));
            }
            plot.write(dir, name);
        }
    }
}
