package org.nqs4j.ansatz;

/**
 * The product structure of an RBM log-derivative row (Carleo &amp; Troyer 2017, supplement):
 * <pre>
 *   O(σ) = (σ, t, t ⊗ σ),   t_j = tanh θ_j(σ),   ∂/∂a_i = σ_i,  ∂/∂b_j = t_j,  ∂/∂W_ji = t_j σ_i,
 * </pre>
 * with a at columns [0, N), b at [N, N + M) and W_ji at N + M + j·N + i (the {@link Rbm} layout).
 * Hence the uncentred Gram matrix of two rows is, exactly,
 * Σ_k O_k(σ_s) conj(O_k(σ_t)) = a_st + b_st + a_st b_st with a_st = σ_s·σ_t and
 * b_st = t_s·conj(t_t): O(N + M) per pair instead of O(N M). Solvers read σ and t straight from
 * the first N + M columns of the row.
 *
 * @param nVisible N, the number of spins
 * @param nHidden  M, the number of hidden units
 */
public record RbmLogDerivativeLayout(int nVisible, int nHidden) {
    public RbmLogDerivativeLayout {
        if (nVisible < 1 || nHidden < 1) {
            throw new IllegalArgumentException("an RBM layout needs N >= 1 visible and M >= 1 hidden units, got N = "
                    + nVisible + ", M = " + nHidden);
        }
    }

    /** P = N + M + N M. */
    public int nParameters() {
        return nVisible + nHidden + nVisible * nHidden;
    }
}
