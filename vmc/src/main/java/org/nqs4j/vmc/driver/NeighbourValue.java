package org.nqs4j.vmc.driver;

import org.nqs4j.ansatz.WalkerCache;

/**
 * O_loc at the configurations x' connected to a walker's x, for the second local value
 * (Ô²ψ)(x)/ψ(x) = Σ_x' ⟨x|Ô|x'⟩ ψ(x')/ψ(x) O_loc(x') ({@link SampledOperator.LocalValue#evaluateSecond}):
 * a probe cache of the same ansatz is set to x once per walker configuration, moved to each x' and back,
 * so that x' costs two incremental moves and one local value instead of a rebuilt cache. The walker's own
 * cache is never moved (its chain goes on bit for bit as without this).
 */
public final class NeighbourValue {
    private final WalkerCache probe;
    private final SampledOperator.LocalValue inner;
    private final double[] value = new double[2];
    private int[] undoSites = new int[4];
    private int[] undoValues = new int[4];

    NeighbourValue(WalkerCache probe, SampledOperator.LocalValue inner) {
        this.probe = probe;
        this.inner = inner;
    }

    /** Sets the probe to the walker's configuration x (rebuilt, so no rounding carries over from x to x). */
    void startAt(int[] x) {
        probe.reset(x);
    }

    /**
     * O_loc(x') for the move (sites, values) from x, as (re, im) in the returned array (overwritten by
     * the next call); the probe is back at x afterwards.
     */
    double[] at(int[] sites, int[] values, int offset, int count) {
        if (undoSites.length < count) {
            undoSites = new int[count];
            undoValues = new int[count];
        }
        int[] x = probe.configuration();
        for (int f = 0; f < count; f++) {
            undoSites[f] = sites[offset + f];
            undoValues[f] = x[sites[offset + f]];
        }
        probe.applyMove(sites, values, offset, count);
        inner.evaluate(probe, value);
        probe.applyMove(undoSites, undoValues, 0, count);
        return value;
    }
}
