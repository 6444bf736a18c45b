package org.nqs4j.vmc.driver;

import org.nqs4j.ansatz.WalkerCache;

/**
 * O_loc at the configurations x' connected to a walker's x, for the second local value
 * (Ô²ψ)(x)/ψ(x) = Σ_x' ⟨x|Ô|x'⟩ ψ(x')/ψ(x) O_loc(x') ({@link SampledOperator.LocalValue#evaluateSecond}).
 *
 * <p>Two ways to the same number. {@link #at}: a probe cache of the same ansatz, set to x once per
 * walker configuration, is moved to x' and back, so that x' costs two incremental moves and one local
 * value; the walker's own cache is never moved (its chain goes on bit for bit as without this). But a
 * node, ψ(x') = 0 (an ansatz projected on a sector of non-trivial characters has them), has no local
 * value: there the term is ⟨x|Ô|x'⟩ (Ôψ)(x')/ψ(x) = ⟨x|Ô|x'⟩ Σ_x'' ⟨x'|Ô|x''⟩ ψ(x'')/ψ(x), each x'' reached
 * from x by one combined move whose ratio the walker's cache gives ({@link #ratioFromX}). The evaluators take
 * that way where the ratio ψ(x')/ψ(x) is zero or the term is not finite.
 */
public final class NeighbourValue {
    private final WalkerCache probe;
    private final SampledOperator.LocalValue inner;
    private final double[] value = new double[2];
    private int[] undoSites = new int[4];
    private int[] undoValues = new int[4];
    /** x' of {@link #moveTo}, and the sites where it differs from x. */
    private int[] neighbour = new int[0];
    private int[] changed = new int[4];
    private int changedCount;
    /** The combined move x → x'' of {@link #combine}. */
    private int[] combinedSites = new int[8];
    private int[] combinedValues = new int[8];
    private int combinedCount;

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

    /** x' = x after the move (sites, values): a copy owned by this object, for listing its connections. */
    int[] moveTo(int[] x, int[] sites, int[] values, int offset, int count) {
        if (neighbour.length != x.length) {
            neighbour = new int[x.length];
        }
        System.arraycopy(x, 0, neighbour, 0, x.length);
        if (changed.length < count) {
            changed = new int[count];
        }
        changedCount = 0;
        for (int f = offset; f < offset + count; f++) {
            neighbour[sites[f]] = values[f];
            if (values[f] != x[sites[f]]) {
                changed[changedCount++] = sites[f];
            }
        }
        return neighbour;
    }

    /**
     * ψ(x'')/ψ(x) as (re, im) in {@code out}, from the walker's cache at x, for x'' = x' of {@link #moveTo}
     * after the move (sites, values) from x': the cache's ratio for the combined move from x (1 when x'' = x).
     */
    void ratioFromX(WalkerCache cache, int[] sites, int[] values, int offset, int count, double[] out) {
        combine(cache.configuration(), sites, values, offset, count);
        if (combinedCount == 0) {
            out[0] = 1;
            out[1] = 0;
        } else {
            cache.ratio(combinedSites, combinedValues, 0, combinedCount, out);
        }
    }

    /**
     * The move from x to x'': the sites where x'' differs from x with their values in x'', into
     * {@code combinedSites}, {@code combinedValues} ({@code combinedCount} of them; none when x'' = x).
     */
    private void combine(int[] x, int[] sites, int[] values, int offset, int count) {
        if (combinedSites.length < changedCount + count) {
            combinedSites = new int[changedCount + count];
            combinedValues = new int[changedCount + count];
        }
        combinedCount = 0;
        for (int c = 0; c < changedCount; c++) { // changed by the first move and not touched by the second
            int site = changed[c];
            boolean touched = false;
            for (int f = offset; f < offset + count && !touched; f++) {
                touched = sites[f] == site;
            }
            if (!touched) {
                combinedSites[combinedCount] = site;
                combinedValues[combinedCount++] = neighbour[site];
            }
        }
        for (int f = offset; f < offset + count; f++) { // set by the second move
            if (values[f] != x[sites[f]]) {
                combinedSites[combinedCount] = sites[f];
                combinedValues[combinedCount++] = values[f];
            }
        }
    }
}
