package org.nqs4j.vmc.plot;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
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
}
