package org.nqs4j.ansatz.fermion;

import org.ejml.data.DMatrixRMaj;
import org.nqs4j.hamiltonians.Lattice;

/**
 * Unrestricted Hartree–Fock of the Hubbard model H = h_hop + U Σ_i n_i↑ n_i↓: the best single
 * determinant without spin mixing. Wick's theorem with ⟨n_i↑ n_i↓⟩ = n_i↑ n_i↓ gives the mean-field
 * Hamiltonians h_σ = h_hop + U diag(n_{−σ}), whose lowest N_σ eigenvectors define new densities
 * n_iσ = Σ_{k occ} Φ^σ_{ik}²; iterated to self-consistency with linear damping
 * n ← (1 − β) n + β n_new. The energy is E = Σ_σ Σ_{k occ} ε_kσ − U Σ_i n_i↑ n_i↓ (the double
 * counting removed), which equals ⟨Φ|H|Φ⟩ of the determinant.
 *
 * <p>Starting point: densities N_σ/L ± m·s_i with the sublattice sign s_i = ±1 of a bipartite lattice
 * (m = the staggered seed, ↑ gaining where ↓ loses): the Néel order of the half-filled Hubbard
 * model is found from it; m = 0 stays paramagnetic (a symmetric fixed point).
 */
public final class HartreeFock {
    static final double DAMPING = 0.5;
    static final double TOLERANCE = 1e-11;
    static final int MAX_ITERATIONS = 100_000;

    private HartreeFock() {
    }

    /** The self-consistent solution: occupied orbitals per spin, densities, energy. */
    public record Solution(SpinOrbitals orbitals, double[] densityUp, double[] densityDown, double energy, int iterations) {
        /** (1/L) Σ_i s_i (n_i↑ − n_i↓)/2 with the sublattice sign s_i. */
        public double staggeredMagnetization(Lattice lattice) {
            int[] sub = lattice.sublattice().orElseThrow(() -> new IllegalArgumentException(lattice + " is not bipartite"));
            double m = 0;
            for (int i = 0; i < sub.length; i++) {
                m += (sub[i] == 0 ? 1 : -1) * (densityUp[i] - densityDown[i]) / 2;
            }
            return m / sub.length;
        }
    }

    /**
     * UHF of the Hubbard model (hopping t, t′ on the lattice's bonds, on-site U) for N↑, N↓,
     * from the staggered seed {@code seedMoment} (needs a bipartite lattice when non-zero).
     */
    public static Solution antiferromagnetic(Lattice lattice, double t, double tPrime, double u, int nUp, int nDown,
            double seedMoment) {
        int l = lattice.nSites();
        double[][] density = new double[2][l];
        int[] particles = {nUp, nDown};
        int[] sub = seedMoment == 0 ? new int[l] : lattice.sublattice().orElseThrow(() -> new IllegalArgumentException(
                "an antiferromagnetic seed needs a bipartite lattice, " + lattice + " is not"));
        for (int s = 0; s < 2; s++) {
            for (int i = 0; i < l; i++) {
                density[s][i] = (double) particles[s] / l + (s == 0 ? 1 : -1) * (sub[i] == 0 ? 1 : -1) * seedMoment;
            }
        }
        return solve(TightBinding.hopping(lattice, t, tPrime), u, particles, density);
    }

    private static Solution solve(DMatrixRMaj hopping, double u, int[] particles, double[][] density) {
        if (!Double.isFinite(u)) {
            throw new IllegalArgumentException("U must be finite, got " + u);
        }
        int l = hopping.numRows;
        DMatrixRMaj[] phi = new DMatrixRMaj[2];
        double[][] next = new double[2][l];
        for (int iteration = 1; iteration <= MAX_ITERATIONS; iteration++) {
            double bandEnergy = 0;
            for (int s = 0; s < 2; s++) {
                DMatrixRMaj h = hopping.copy();
                for (int i = 0; i < l; i++) {
                    h.add(i, i, u * density[1 - s][i]);
                }
                TightBinding.Spectrum spectrum = TightBinding.Spectrum.of(h);
                phi[s] = spectrum.lowest(particles[s]);
                bandEnergy += spectrum.sumLowest(particles[s]);
                for (int i = 0; i < l; i++) {
                    double sum = 0;
                    for (int k = 0; k < particles[s]; k++) {
                        sum += phi[s].get(i, k) * phi[s].get(i, k);
                    }
                    next[s][i] = sum;
                }
            }
            double change = 0;
            for (int s = 0; s < 2; s++) {
                for (int i = 0; i < l; i++) {
                    change = Math.max(change, Math.abs(next[s][i] - density[s][i]));
                }
            }
            if (change < TOLERANCE) {
                double doubleCounting = 0;
                for (int i = 0; i < l; i++) {
                    doubleCounting += u * next[0][i] * next[1][i];
                }
                return new Solution(new SpinOrbitals(phi, bandEnergy), next[0], next[1], bandEnergy - doubleCounting,
                        iteration);
            }
            for (int s = 0; s < 2; s++) {
                for (int i = 0; i < l; i++) {
                    density[s][i] = (1 - DAMPING) * density[s][i] + DAMPING * next[s][i];
                }
            }
        }
        throw new IllegalStateException("unrestricted Hartree-Fock did not converge in " + MAX_ITERATIONS
                + " damped iterations (max density change above " + TOLERANCE + ")");
    }
}
