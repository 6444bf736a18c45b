package org.nqs4j.optimizers;

/**
 * Tiny log-derivative matrices (3 samples, 2 parameters) whose force, quantum geometric tensor
 * and SR solution are worked out by hand in the comments.
 */
public final class HandExamples {
    private HandExamples() {
    }

    /**
     * Real: O = [(1, 2), (3, 1), (2, 6)], column means (2, 3), so
     * ΔO = [(−1, −1), (1, −2), (0, 3)].
     * S = ΔOᵀΔO/3: S₁₁ = (1 + 1 + 0)/3 = 2/3, S₁₂ = (1 − 2 + 0)/3 = −1/3, S₂₂ = (1 + 4 + 9)/3 = 14/3.
     */
    public static LogDerivativeSamples realO() {
        LogDerivativeSamples o = new LogDerivativeSamples(3, 2, false);
        System.arraycopy(new double[] {1, 2, 3, 1, 2, 6}, 0, o.data(), 0, 6);
        o.center(new double[2]);
        return o;
    }

    /**
     * E = (1 + 5i, 2 − i, 6 + 2i): Re Ē = 3, Re(E − Ē) = (−2, −1, 3), so
     * F₁ = ((−1)(−2) + (1)(−1) + 0)/3 = 1/3 and F₂ = ((−1)(−2) + (−2)(−1) + (3)(3))/3 = 13/3.
     * The imaginary parts must not enter for a real ansatz.
     */
    public static double[] realEnergies() {
        return new double[] {1, 5, 2, -1, 6, 2};
    }

    public static final double[] REAL_FORCE = {1.0 / 3, 13.0 / 3};
    public static final double[] REAL_S = {2.0 / 3, -1.0 / 3, -1.0 / 3, 14.0 / 3};
    /**
     * S δ = F without shift: det S = 28/9 − 1/9 = 3, S⁻¹ = (1/3)[[14/3, 1/3], [1/3, 2/3]], so
     * δ = (1/3)((14 + 13)/9, (1 + 26)/9) = (1, 1). Check: S(1, 1) = (1/3, 13/3).
     */
    public static final double[] REAL_DIRECTION = {1, 1};
    /**
     * Relative shift ε = 1/2: S' = [[1, −1/3], [−1/3, 7]], det = 62/9,
     * δ = (9/62)(7·1/3 + 1/3·13/3, 1/3·1/3 + 13/3) = (9/62)(34/9, 40/9) = (17/31, 20/31).
     */
    public static final double[] REAL_DIRECTION_RELATIVE_HALF = {17.0 / 31, 20.0 / 31};

    /**
     * Complex: O = [(1 + i, 2), (−1, i), (2i, 1 − i)], column means (i, 1), so
     * ΔO = [(1, 1), (−1 − i, −1 + i), (i, −i)].
     * S_kl = Σ_s conj(ΔO_sk) ΔO_sl / 3: S₁₁ = (1 + 2 + 1)/3 = 4/3, S₂₂ = (1 + 2 + 1)/3 = 4/3,
     * S₁₂ = (1 + (−1 + i)(−1 + i) + (−i)(−i))/3 = (1 − 2i − 1)/3 = −2i/3, S₂₁ = 2i/3.
     */
    public static LogDerivativeSamples complexO() {
        LogDerivativeSamples o = new LogDerivativeSamples(3, 2, true);
        System.arraycopy(new double[] {1, 1, 2, 0, -1, 0, 0, 1, 0, 2, 1, -1}, 0, o.data(), 0, 12);
        o.center(new double[4]);
        return o;
    }

    /**
     * E = (1 + 2i, 3, −1 − 2i): Ē = 1, E − Ē = (2i, 2, −2 − 2i).
     * F₁ = (2i + (−1 + i)·2 + (−i)(−2 − 2i))/3 = (2i − 2 + 2i + 2i − 2)/3 = −4/3 + 2i,
     * F₂ = (2i + (−1 − i)·2 + (i)(−2 − 2i))/3 = (2i − 2 − 2i − 2i + 2)/3 = −2i/3.
     */
    public static double[] complexEnergies() {
        return new double[] {1, 2, 3, 0, -1, -2};
    }

    public static final double[] COMPLEX_FORCE = {-4.0 / 3, 2, 0, -2.0 / 3};
    public static final double[] COMPLEX_S = {4.0 / 3, 0, 0, -2.0 / 3, 0, 2.0 / 3, 4.0 / 3, 0};
    /**
     * det S = 16/9 − 4/9 = 4/3, S⁻¹ = [[1, i/2], [−i/2, 1]];
     * δ₁ = (−4/3 + 2i) + (i/2)(−2i/3) = −1 + 2i, δ₂ = (−i/2)(−4/3 + 2i) − 2i/3 = 1.
     * Check: (4/3)(−1 + 2i) − 2i/3 = −4/3 + 2i and (2i/3)(−1 + 2i) + 4/3 = −2i/3.
     */
    public static final double[] COMPLEX_DIRECTION = {-1, 2, 1, 0};
}
