package org.nqs4j.validation;

/**
 * The isotropic point Δ = 1 of {@link BetheAnsatzXxz}: the spin-1/2 antiferromagnetic Heisenberg
 * ring H = J Σ S_i·S_{i+1} (J &gt; 0), whose rapidities solve 2L·arctan(2λ_j) = 2π I_j +
 * Σ_{k≠j} 2·arctan(λ_j − λ_k) and whose energy is E = J·L/4 − J Σ_j 2/(4λ_j² + 1) (Bethe 1931).
 */
public final class BetheAnsatzHeisenberg {
    private BetheAnsatzHeisenberg() {
    }

    /** Solves the ground-state Bethe equations of the ring of L ≥ 2 sites (S^z = 0, or 1/2 for odd L). */
    public static BetheAnsatzXxz groundState(int length, double coupling) {
        return BetheAnsatzXxz.groundState(length, coupling, 1);
    }
}
