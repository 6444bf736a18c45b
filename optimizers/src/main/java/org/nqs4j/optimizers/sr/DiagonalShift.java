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
 * <li>relative: d_k = ε S_kk, i.e. S_kk → S_kk(1 + ε) (Carleo &amp; Troyer 2017, supplement), which
 * is scale-invariant per parameter but leaves a parameter with zero variance (S_kk = 0)
 * unregularised.</li>
 * </ul>
 */
public final class DiagonalShift {
    private final Schedule epsilon;
    private final boolean relative;

    private DiagonalShift(Schedule epsilon, boolean relative) {
        if (epsilon == null) {
            throw new IllegalArgumentException("diagonal shift needs a schedule for epsilon");
        }
        this.epsilon = epsilon;
        this.relative = relative;
    }

    /** S + ε_p I. */
    public static DiagonalShift absolute(Schedule epsilon) {
        return new DiagonalShift(epsilon, false);
    }

    /** S_kk (1 + ε_p). */
    public static DiagonalShift relative(Schedule epsilon) {
        return new DiagonalShift(epsilon, true);
    }

    /** Writes d_k, k &lt; P, for step {@code iteration} into {@code d}. */
    public void fill(LogDerivativeSamples centeredO, int iteration, double[] d) {
        double eps = epsilon.valueAt(iteration);
        if (relative) {
            SampleMatrixOps.columnSquaredNorms(centeredO, eps / centeredO.nSamples(), d);
        } else {
            Arrays.fill(d, 0, centeredO.nParameters(), eps);
        }
    }

    public String description() {
        return (relative ? "relative S_kk(1+eps), eps = " : "absolute S + eps I, eps = ") + epsilon.description();
    }
}
