package org.nqs4j.optimizers;

import java.util.Random;

import org.nqs4j.ansatz.OuterProductJacobian;

/** Random log-derivative rows for the solver and kernel tests. */
public final class RandomRows {
    private RandomRows() {
    }

    /**
     * Uncentred factored RBM rows (σ_s, t_s): spins biased towards +1 (probability 0.7) and
     * t ≈ 0.5 − 0.3i with spread 0.3 per part (the real part only for a real RBM), so that the
     * centring and the rank-one corrections matter.
     */
    public static LogDerivativeSamples factoredRbm(int n, int nVisible, int nHidden, boolean complex, long seed) {
        Random random = new Random(seed);
        LogDerivativeSamples o = LogDerivativeSamples.ofOuterProduct(n, new OuterProductJacobian(nVisible, nHidden), complex);
        int c = complex ? 2 : 1;
        double[] rows = o.rowsToFill();
        for (int s = 0; s < n; s++) {
            int off = s * o.storedRowLength();
            for (int i = 0; i < nVisible; i++) {
                rows[off + c * i] = random.nextDouble() < 0.7 ? 1 : -1;
            }
            for (int j = 0; j < nHidden; j++) {
                rows[off + c * (nVisible + j)] = 0.5 + 0.3 * random.nextGaussian();
                if (complex) {
                    rows[off + c * (nVisible + j) + 1] = -0.3 + 0.3 * random.nextGaussian();
                }
            }
        }
        return o;
    }
}
