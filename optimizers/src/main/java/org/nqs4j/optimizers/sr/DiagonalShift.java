package org.nqs4j.optimizers.sr;

import java.util.Arrays;

import org.nqs4j.optimizers.LogDerivativeSamples;
import org.nqs4j.optimizers.Schedule;
import org.nqs4j.optimizers.linalg.SampleMatrixOps;

/**
 * The regulariser d added to the diagonal of the quantum geometric tensor, S → S + diag(d), with
 * ε_p from a {@link Schedule}:
 * <ul>
 * <li>absolute: d_k = ε (Sorella 1998; the usual choice with minSR),</li>
 * <li>relative: d_k = ε max(S_kk, τ max_l S_ll), i.e. S_kk → S_kk(1 + ε) (Carleo &amp; Troyer 2017,
 * supplement), scale-invariant per parameter. The floor τ (by default {@value #RELATIVE_FLOOR}) keeps S + D
 * definite when a parameter has (numerically) zero variance over the samples: its O_k is constant,
 * e.g. the visible bias of a symmetric RBM, O_a = 2S_z, in a fixed-S_z sector. Such a parameter
 * changes ψ only by a constant factor on the sampled configurations, its force is zero, and the
 * floor gives it a zero step instead of a singular S.</li>
 * <li>absolute plus relative: d_k = ε_p + λ S_kk (NetKet's {@code diag_shift} and {@code diag_scale}),
 * on every parameter or on a range of them: the absolute part regularises the parameters of small
 * variance, the relative part those whose S_kk has grown by orders of magnitude (e.g. the pair
 * matrix F of a pair product near a low-rank F, where O_F = A⁻¹ scales like 1/σ_min(F)), for which
 * an absolute ε alone is no regulariser at all.</li>
 * </ul>
 */
public final class DiagonalShift {
    /** τ: the relative shift of a parameter is at least ε τ max_l S_ll. */
    static final double RELATIVE_FLOOR = 1e-10;

    private final Schedule epsilon;
    private final boolean relative;
    private final double floor;
    /** λ of the mixed form (absolute shift only); 0 otherwise. */
    private final double scale;
    /** The parameters k of the mixed form's relative part, scaledFrom ≤ k &lt; scaledTo. */
    private final int scaledFrom;
    private final int scaledTo;

    private DiagonalShift(Schedule epsilon, boolean relative, double floor, double scale, int scaledFrom,
                          int scaledTo) {
        if (epsilon == null) {
            throw new IllegalArgumentException("diagonal shift needs a schedule for epsilon");
        }
        if (!(floor > 0 && floor <= 1)) {
            throw new IllegalArgumentException("relative floor tau must be in (0, 1], got " + floor);
        }
        if (!(scale >= 0) || !Double.isFinite(scale)) {
            throw new IllegalArgumentException("the relative part lambda of the shift must be finite and >= 0, got "
                    + scale);
        }
        if (scaledFrom < 0 || scaledTo < scaledFrom) {
            throw new IllegalArgumentException("the relatively shifted parameters must be a range from <= to, got ["
                    + scaledFrom + ", " + scaledTo + ")");
        }
        this.epsilon = epsilon;
        this.relative = relative;
        this.floor = floor;
        this.scale = scale;
        this.scaledFrom = scaledFrom;
        this.scaledTo = scaledTo;
    }

    /** S + ε_p I. */
    public static DiagonalShift absolute(Schedule epsilon) {
        return new DiagonalShift(epsilon, false, RELATIVE_FLOOR, 0, 0, 0);
    }

    /** S + ε_p I + λ diag(S): d_k = ε_p + λ S_kk for every k ({@link #absolute} when λ = 0). */
    public static DiagonalShift absolutePlusRelative(Schedule epsilon, double scale) {
        return absolutePlusRelative(epsilon, scale, 0, Integer.MAX_VALUE);
    }

    /**
     * d_k = ε_p + λ S_kk for the parameters from ≤ k &lt; to (e.g. the pair matrix F of a pair product,
     * whose S_kk grows like 1/σ_min(F)²), d_k = ε_p for the others (e.g. the Jastrow's, where a
     * relative part slows the optimisation down: measured on the 20-site Hubbard ring).
     */
    public static DiagonalShift absolutePlusRelative(Schedule epsilon, double scale, int from, int to) {
        return new DiagonalShift(epsilon, false, RELATIVE_FLOOR, scale, from, to);
    }

    /** S_kk (1 + ε_p). */
    public static DiagonalShift relative(Schedule epsilon) {
        return relative(epsilon, RELATIVE_FLOOR);
    }

    /**
     * d_k = ε_p max(S_kk, τ max_l S_ll) with a chosen floor τ: a parameter whose log-derivative
     * barely varies (S_kk ≪ max S_ll, and its force as small) gets a step bounded by F_k/(ε_p τ max S_ll)
     * instead of the ratio of two vanishing numbers.
     */
    public static DiagonalShift relative(Schedule epsilon, double floor) {
        return new DiagonalShift(epsilon, true, floor, 0, 0, 0);
    }

    /** Writes d_k, k &lt; P, for step {@code iteration} into {@code d}. */
    public void fill(LogDerivativeSamples centeredO, int iteration, double[] d) {
        double eps = epsilon.valueAt(iteration);
        if (relative) {
            int p = centeredO.nParameters();
            SampleMatrixOps.columnSquaredNorms(centeredO, eps / centeredO.nSamples(), d);
            double largest = 0.0;
            for (int k = 0; k < p; k++) {
                largest = Math.max(largest, d[k]);
            }
            double least = floor * largest;
            for (int k = 0; k < p; k++) {
                d[k] = Math.max(d[k], least);
            }
        } else if (scale > 0) {
            int p = centeredO.nParameters();
            SampleMatrixOps.columnSquaredNorms(centeredO, scale / centeredO.nSamples(), d);
            for (int k = 0; k < p; k++) {
                d[k] = (k >= scaledFrom && k < scaledTo ? d[k] : 0) + eps;
            }
        } else {
            Arrays.fill(d, 0, centeredO.nParameters(), eps);
        }
    }

    public String description() {
        if (relative) {
            return "relative S_kk(1+eps), eps = " + epsilon.description();
        }
        String part = scale == 0 ? "" : " + " + scale + " diag(S)" + (scaledFrom == 0 && scaledTo == Integer.MAX_VALUE ? ""
                : " on parameters " + scaledFrom + ".." + (scaledTo - 1));
        return "absolute S + eps I" + part + ", eps = " + epsilon.description();
    }
}
