package org.nqs4j.samplers;

import java.util.Locale;

import org.nqs4j.ansatz.WaveFunction;
import org.nqs4j.hamiltonians.hilbert.Hilbert;

/**
 * The Born probabilities p_i = |ψ(x_i)|² / Σ_j |ψ(x_j)|² of every basis state x_i of a sector small
 * enough to enumerate, for the samplers that enumerate it ({@link ExactSampler},
 * {@link FullSumSampler}). log ψ is taken from scratch ({@link WaveFunction#logPsi}), so that a
 * node (a determinant's zero) is p = 0 rather than an error; the blocks of states are fixed and the
 * normalisation is summed serially in basis order, so p does not depend on the thread count.
 */
final class SectorWeights {
    /** The largest sector enumerated (16 MB of tables; D evaluations of log ψ per step). */
    static final long MAX_STATES = 1_000_000;
    /** Basis states per task of the log ψ sweep (fixed: the blocks, not the threads, split the work). */
    private static final int BLOCK = 256;

    private final WaveFunction psi;
    private final Hilbert hilbert;
    private final int nStates;
    private final double[] probability;
    /** log ψ(x_i) = (logRe, logIm) of the last {@link #tabulate}. */
    private final double[] logRe;
    private final double[] logIm;
    /** Σ_{j ≤ i} p_j. */
    private final double[] cumulative;
    private int mostProbable;

    SectorWeights(WaveFunction psi, Hilbert hilbert) {
        if (psi.configurationSize() != hilbert.size()) {
            throw new IllegalArgumentException("the ansatz takes configurations of " + psi.configurationSize()
                    + " entries, the Hilbert space has " + hilbert.size());
        }
        if (!(hilbert.dimension() <= MAX_STATES)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "an enumerating sampler lists the sector: %.3g states exceed its limit of %d",
                    hilbert.dimension(), MAX_STATES));
        }
        this.psi = psi;
        this.hilbert = hilbert;
        this.nStates = (int) hilbert.nStates();
        this.probability = new double[nStates];
        this.logRe = new double[nStates];
        this.logIm = new double[nStates];
        this.cumulative = new double[nStates];
    }

    int nStates() {
        return nStates;
    }

    Hilbert hilbert() {
        return hilbert;
    }

    /** Recomputes log ψ and p for the current parameters: log ψ per state (blocks over the pool), then p normalised. */
    void tabulate(ChainPool pool) {
        double[] logModulus = logRe;
        pool.forEach((nStates + BLOCK - 1) / BLOCK, b -> {
            int[] x = new int[hilbert.size()];
            double[] log = new double[2];
            for (int i = b * BLOCK, end = Math.min(nStates, i + BLOCK); i < end; i++) {
                hilbert.state(i, x);
                psi.logPsi(x, log);
                logModulus[i] = log[0];
                logIm[i] = log[1];
            }
        });
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < nStates; i++) {
            double l = logModulus[i];
            if (Double.isNaN(l) || l == Double.POSITIVE_INFINITY) {
                throw new ArithmeticException("log ψ is " + l + " on a basis state: the parameters are not finite");
            }
            if (l > max) {
                max = l;
                mostProbable = i;
            }
        }
        if (max == Double.NEGATIVE_INFINITY) {
            throw new ArithmeticException("ψ vanishes on every state of the sector");
        }
        double sum = 0;
        for (int i = 0; i < nStates; i++) {
            probability[i] = Math.exp(2 * (logModulus[i] - max));
            sum += probability[i];
            cumulative[i] = sum;
        }
        for (int i = 0; i < nStates; i++) {
            probability[i] /= sum;
            cumulative[i] /= sum;
        }
    }

    /** Re log ψ(x_i) of the last {@link #tabulate} (−∞ on a node). */
    double logModulus(int i) {
        return logRe[i];
    }

    /** Im log ψ(x_i) of the last {@link #tabulate}. */
    double phase(int i) {
        return logIm[i];
    }

    /** p_i of the last {@link #tabulate}. */
    double probability(int i) {
        return probability[i];
    }

    /** The state of largest p (the first of them). */
    int mostProbable() {
        return mostProbable;
    }

    /** The state i with Σ_{j<i} p_j ≤ u &lt; Σ_{j≤i} p_j, for u uniform in [0, 1): a draw from p (never a p = 0 state). */
    int draw(double u) {
        int lo = 0;
        int hi = nStates - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] > u) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        while (probability[lo] == 0 && lo > 0) { // u at the rounded top of the last cumulative weight
            lo--;
        }
        return lo;
    }
}
