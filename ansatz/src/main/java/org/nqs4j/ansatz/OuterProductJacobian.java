package org.nqs4j.ansatz;

/**
 * A structured Jacobian: a log-derivative row of the outer-product form
 * <pre>
 *   O(x) = (u, v, v ⊗ u),   u ∈ ℝ^N or ℂ^N,  v ∈ ℂ^M,
 * </pre>
 * with u at columns [0, N), v at [N, N + M) and v_j u_i at N + M + j·N + i. Any ansatz whose
 * parameters are a visible bias, a hidden bias and one dense layer from its visible units to log-cosh
 * hidden units has it: the RBM (u = σ, v = tanh θ; Carleo &amp; Troyer 2017, supplement), the one-hot
 * boson RBM (u = the one-hot occupations). The optimisers read only this structure, never an ansatz:
 * the uncentred Gram entry of two rows is, exactly, Σ_k O_k(x_s) conj(O_k(x_t)) = a_st + b_st +
 * a_st b_st with a_st = u_s·u_t and b_st = v_s·conj(v_t), O(N + M) per pair instead of O(N M), and S
 * follows from the moments of u and v. Solvers read u and v straight from the first N + M columns of
 * the row ({@link WalkerCache#logDerivativeFactors}).
 *
 * @param nVisible N, the length of u
 * @param nHidden  M, the length of v
 */
public record OuterProductJacobian(int nVisible, int nHidden) {
    public OuterProductJacobian {
        if (nVisible < 1 || nHidden < 1) {
            throw new IllegalArgumentException("an outer-product Jacobian needs N >= 1 visible and M >= 1 hidden units, got N = "
                    + nVisible + ", M = " + nHidden);
        }
    }

    /** P = N + M + N M. */
    public int nParameters() {
        return nVisible + nHidden + nVisible * nHidden;
    }
}
