package org.nqs4j.validation;

import java.util.Arrays;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.nqs4j.ansatz.fermion.TightBinding;
import org.nqs4j.hamiltonians.Lattice;

/**
 * Non-interacting fermions on any lattice: H = Σ_σ Σ_ij h_ij c†_{iσ}c_{jσ} with the tight-binding
 * matrix h_ij = −t on colour-0 bonds, −t′ on colour-1 bonds and h_ii = −μ. Its eigenvalues
 * ε_0 ≤ ε_1 ≤ … (EJML symmetric eigen-decomposition) are the single-particle levels, and the
 * ground state of N_σ particles per species fills the N_σ lowest:
 * E₀ = Σ_σ Σ_{k&lt;N_σ} ε_k. It is unique unless a Fermi level is degenerate,
 * ε_{N_σ−1} = ε_{N_σ} for some species with 0 &lt; N_σ &lt; L (an open shell), which
 * {@link #openShell()} reports.
 */
public final class FreeFermions {
    /** Levels closer than this (relative to the bandwidth scale) count as degenerate. */
    private static final double DEGENERACY_TOLERANCE = 1e-10;

    private final double[] levels;
    private final double energy;
    private final boolean openShell;

    private FreeFermions(double[] levels, double energy, boolean openShell) {
        this.levels = levels;
        this.energy = energy;
        this.openShell = openShell;
    }

    /** The ground state with {@code particles[σ]} fermions of species σ. */
    public static FreeFermions groundState(Lattice lattice, double t, double tPrime, double mu, int... particles) {
        double[] eps = levels(lattice, t, tPrime, mu);
        int n = eps.length;
        double scale = Math.max(1, Math.abs(eps[0]) + Math.abs(eps[n - 1]));
        double e = 0;
        boolean open = false;
        for (int p : particles) {
            if (p < 0 || p > n) {
                throw new IllegalArgumentException(p + " fermions of one species do not fit " + n + " levels");
            }
            for (int k = 0; k < p; k++) {
                e += eps[k];
            }
            open |= p > 0 && p < n && eps[p] - eps[p - 1] <= DEGENERACY_TOLERANCE * scale;
        }
        return new FreeFermions(eps, e, open);
    }

    /** The ascending eigenvalues of the tight-binding matrix. */
    static double[] levels(Lattice lattice, double t, double tPrime, double mu) {
        int n = lattice.nSites();
        DMatrixRMaj h = TightBinding.hopping(lattice, t, tPrime);
        for (int i = 0; i < n; i++) {
            h.add(i, i, -mu);
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, false, true);
        if (!eig.decompose(h)) {
            throw new IllegalStateException("the tight-binding matrix of " + lattice + " could not be diagonalised");
        }
        double[] eps = new double[n];
        for (int k = 0; k < n; k++) {
            eps[k] = eig.getEigenvalue(k).getReal();
        }
        Arrays.sort(eps);
        return eps;
    }

    public double groundEnergy() {
        return energy;
    }

    /** The single-particle levels, ascending. */
    public double[] levels() {
        return levels.clone();
    }

    /** True when a Fermi level is degenerate: the many-body ground state is not unique. */
    public boolean openShell() {
        return openShell;
    }
}
