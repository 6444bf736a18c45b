package org.nqs4j.validation;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Exact ground-state energy of the spin-1/2 antiferromagnetic Heisenberg ring
 * H = J Σ_{i=1}^{L} S_i·S_{i+1} (J > 0, S = σ/2, S_{L+1} ≡ S_1) for even L, by the Bethe ansatz
 * (H. Bethe, Z. Phys. 71, 205 (1931); M. Takahashi, <i>Thermodynamics of One-Dimensional
 * Solvable Models</i>, ch. 4).
 *
 * <p>The singlet ground state has M = L/2 down spins (magnons) with real rapidities λ_j solving
 * the logarithmic Bethe equations
 * <pre>
 *   F_j(λ) = 2L·arctan(2λ_j) − Σ_{k≠j} 2·arctan(λ_j − λ_k) − 2π I_j = 0,
 * </pre>
 * with I_j = −(M−1)/2, …, (M−1)/2 (integers for odd M, half-odd integers for even M). A magnon
 * of rapidity λ has momentum k with cot(k/2) = 2λ and energy J(cos k − 1) = −2J/(4λ² + 1), so
 * <pre>
 *   E = J·L/4 − J Σ_j 2/(4λ_j² + 1).
 * </pre>
 * (L = 2: λ = 0, E = −3J/2, the singlet of 2J·S_1·S_2, since the ring then has its bond twice.)
 *
 * <p>The equations are solved by Newton's method with the analytic Jacobian (the Gaudin matrix)
 * ∂F_j/∂λ_j = 4L/(1 + 4λ_j²) − Σ_{k≠j} 2/(1 + (λ_j−λ_k)²), ∂F_j/∂λ_l = 2/(1 + (λ_j−λ_l)²),
 * started from the non-interacting roots λ_j = tan(π I_j / L)/2 and halving the step until
 * ‖F‖ decreases; it stops once ‖F‖ reaches the rounding level 64·ulp(2πL)·√M of its terms.
 */
public final class BetheAnsatzHeisenberg {
    private static final int MAX_ITERATIONS = 200;

    private final int length;
    private final double coupling;
    private final double[] rapidities;
    private final double residual;
    private final int iterations;

    private BetheAnsatzHeisenberg(int length, double coupling, double[] rapidities, double residual, int iterations) {
        this.length = length;
        this.coupling = coupling;
        this.rapidities = rapidities;
        this.residual = residual;
        this.iterations = iterations;
    }

    /** Solves the ground-state Bethe equations of the ring of even length L ≥ 2 with J > 0. */
    public static BetheAnsatzHeisenberg groundState(int length, double coupling) {
        if (length < 2 || length % 2 != 0) {
            throw new IllegalArgumentException("the Bethe-ansatz ground state needs an even L >= 2, got " + length);
        }
        if (!(coupling > 0) || !Double.isFinite(coupling)) {
            throw new IllegalArgumentException("J must be positive and finite (antiferromagnet), got " + coupling);
        }
        int m = length / 2;
        double[] quantumNumbers = new double[m];
        double[] lambda = new double[m];
        for (int j = 0; j < m; j++) {
            quantumNumbers[j] = j - (m - 1) / 2.0;
            lambda[j] = 0.5 * Math.tan(Math.PI * quantumNumbers[j] / length);
        }
        double[] f = new double[m];
        double[] trial = new double[m];
        double[] trialF = new double[m];
        DMatrixRMaj jacobian = new DMatrixRMaj(m, m);
        DMatrixRMaj rhs = new DMatrixRMaj(m, 1);
        DMatrixRMaj step = new DMatrixRMaj(m, 1);
        double norm = equations(length, quantumNumbers, lambda, f);
        // rounding level of F: its terms are of size up to πL
        double floor = 64 * Math.ulp(2 * Math.PI * length) * Math.sqrt(m);
        for (int it = 1; it <= MAX_ITERATIONS; it++) {
            if (norm <= floor) {
                return new BetheAnsatzHeisenberg(length, coupling, lambda, norm, it - 1);
            }
            gaudinMatrix(length, lambda, jacobian);
            for (int j = 0; j < m; j++) {
                rhs.set(j, 0, -f[j]);
            }
            if (!CommonOps_DDRM.solve(jacobian, rhs, step)) {
                throw new IllegalStateException("singular Gaudin matrix at L = " + length + ", iteration " + it);
            }
            double t = 1;
            double trialNorm = Double.POSITIVE_INFINITY;
            for (int halving = 0; halving < 40; halving++, t *= 0.5) {
                for (int j = 0; j < m; j++) {
                    trial[j] = lambda[j] + t * step.get(j, 0);
                }
                trialNorm = equations(length, quantumNumbers, trial, trialF);
                if (trialNorm < norm) {
                    break;
                }
            }
            if (!(trialNorm < norm)) {
                throw new IllegalStateException("Bethe equations stalled at ‖F‖ = " + norm + " > " + floor
                        + " for L = " + length);
            }
            System.arraycopy(trial, 0, lambda, 0, m);
            System.arraycopy(trialF, 0, f, 0, m);
            norm = trialNorm;
        }
        throw new IllegalStateException("Bethe equations for L = " + length + " did not converge in "
                + MAX_ITERATIONS + " Newton steps (‖F‖ = " + norm + ")");
    }

    /** Fills F(λ) and returns its Euclidean norm. */
    private static double equations(int length, double[] quantumNumbers, double[] lambda, double[] f) {
        int m = lambda.length;
        double sum2 = 0;
        for (int j = 0; j < m; j++) {
            double scattering = 0;
            for (int k = 0; k < m; k++) {
                if (k != j) {
                    scattering += 2 * Math.atan(lambda[j] - lambda[k]);
                }
            }
            f[j] = 2 * length * Math.atan(2 * lambda[j]) - scattering - 2 * Math.PI * quantumNumbers[j];
            sum2 += f[j] * f[j];
        }
        return Math.sqrt(sum2);
    }

    private static void gaudinMatrix(int length, double[] lambda, DMatrixRMaj jac) {
        int m = lambda.length;
        for (int j = 0; j < m; j++) {
            double diagonal = 4.0 * length / (1 + 4 * lambda[j] * lambda[j]);
            for (int l = 0; l < m; l++) {
                if (l != j) {
                    double d = lambda[j] - lambda[l];
                    double kernel = 2 / (1 + d * d);
                    jac.unsafe_set(j, l, kernel);
                    diagonal -= kernel;
                }
            }
            jac.unsafe_set(j, j, diagonal);
        }
    }

    /** E_0 = J·L/4 − J Σ_j 2/(4λ_j² + 1). */
    public double groundEnergy() {
        double sum = 0;
        for (double l : rapidities) {
            sum += 2 / (4 * l * l + 1);
        }
        return coupling * (length / 4.0 - sum);
    }

    /** The L/2 rapidities, ascending. */
    public double[] rapidities() {
        return rapidities.clone();
    }

    /** ‖F(λ)‖ at the solution. */
    public double residual() {
        return residual;
    }

    public int iterations() {
        return iterations;
    }

    public int length() {
        return length;
    }
}
