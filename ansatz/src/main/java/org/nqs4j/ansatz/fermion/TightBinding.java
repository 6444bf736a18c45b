package org.nqs4j.ansatz.fermion;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.nqs4j.hamiltonians.Edge;
import org.nqs4j.hamiltonians.Lattice;

/**
 * The U = 0 problem: orbitals of the single-particle Hamiltonian
 * h = −t Σ_⟨ij⟩ (|i⟩⟨j| + h.c.) − t′ Σ_⟨⟨ij⟩⟩ (…) on the lattice's colour-0 and colour-1 bonds, the
 * same bonds as {@link org.nqs4j.hamiltonians.fock.FockModels#hubbard}. A Slater determinant of
 * its lowest N_↑ and N_↓ eigenvectors is an exact eigenstate of the U = 0 Hubbard model with
 * energy Σ of their eigenvalues.
 *
 * <p><b>Open shells.</b> When ε_{N} = ε_{N+1} (a partly filled degenerate shell) the ground state is
 * not unique. The choice here: fill the lowest eigenvectors in EJML's order within the shell (a
 * deterministic real basis for a given input). Every such choice is still an exact eigenstate
 * with the same energy, but breaks the lattice symmetry; {@link #isClosedShell} reports it, and a
 * caller who wants a definite state adds a small symmetry-breaking potential to h.
 */
public final class TightBinding {
    /** Relative gap below which the Fermi level counts as degenerate. */
    static final double DEGENERACY_TOLERANCE = 1e-9;

    private TightBinding() {
    }

    /** The L × L single-particle hopping matrix h_ij. */
    public static DMatrixRMaj hopping(Lattice lattice, double t, double tPrime) {
        return hopping(lattice, t, tPrime, new boolean[0]);
    }

    /**
     * h_ij with antiperiodic boundary conditions along the lattice directions a where {@code antiperiodic[a]}:
     * a bond that wraps around the torus along a (its cells' coordinates n_a differ by L_a − 1, which needs
     * L_a ≥ 3 to tell it from a bond inside) changes sign.
     */
    public static DMatrixRMaj hopping(Lattice lattice, double t, double tPrime, boolean[] antiperiodic) {
        int n = lattice.nSites();
        DMatrixRMaj h = new DMatrixRMaj(n, n);
        for (int a = 0; a < antiperiodic.length; a++) {
            if (antiperiodic[a] && lattice.extents()[a] < 3) {
                throw new IllegalArgumentException("an antiperiodic twist along a" + (a + 1) + " needs an extent of at least"
                        + " 3, " + lattice + " has " + lattice.extents()[a]);
            }
        }
        for (Edge e : lattice.edges()) {
            double amplitude = e.colour() == 0 ? -t : e.colour() == 1 ? -tPrime : 0;
            for (int a = 0; a < antiperiodic.length; a++) {
                if (antiperiodic[a] && Math.abs(lattice.coordinates(e.i())[a] - lattice.coordinates(e.j())[a])
                        == lattice.extents()[a] - 1) {
                    amplitude = -amplitude;
                }
            }
            h.add(e.i(), e.j(), amplitude);
            h.add(e.j(), e.i(), amplitude);
        }
        if (tPrime != 0 && lattice.edges(1).isEmpty()) {
            throw new IllegalArgumentException("t' = " + tPrime + " needs colour-1 (next-nearest) bonds, but " + lattice
                    + " has none");
        }
        return h;
    }

    /** The lowest N_s eigenvectors of h for each species' particle number (N↑, N↓ or N). */
    public static SpinOrbitals groundState(Lattice lattice, double t, double tPrime, int... particles) {
        DMatrixRMaj h = hopping(lattice, t, tPrime);
        DMatrixRMaj[] phi = new DMatrixRMaj[particles.length];
        double energy = 0;
        Spectrum spectrum = Spectrum.of(h);
        for (int s = 0; s < particles.length; s++) {
            phi[s] = spectrum.lowest(particles[s]);
            energy += spectrum.sumLowest(particles[s]);
        }
        return new SpinOrbitals(phi, energy);
    }

    /**
     * The pairing amplitudes F = Σₙ gₙ φₙφₙᵀ (L × L, row-major) of the Fermi sea of h with N ↑ and N ↓
     * particles, gₙ = 1 below the Fermi level, 0 above, and a partly filled shell at the Fermi level
     * shared equally (gₙ = its particles / its size): the projector onto the shell is invariant under
     * every symmetry of h, so F is too, where filling some of the shell's eigenvectors would break the
     * symmetry. For a closed shell F = Φ↑Φ↓ᵀ, the Slater determinant. The start of a
     * {@link PairProduct} that is Gutzwiller-projected into a spin state ({@link GutzwillerProjected}), with
     * antiperiodic boundary conditions along the directions {@code antiperiodic} ({@link #hopping(Lattice, double,
     * double, boolean[])}).
     */
    public static double[] fermiSeaPairing(Lattice lattice, double t, double tPrime, int nPairs, boolean[] antiperiodic) {
        Spectrum spectrum = Spectrum.of(hopping(lattice, t, tPrime, antiperiodic));
        int l = spectrum.energies().length;
        if (nPairs < 1 || nPairs > l) {
            throw new IllegalArgumentException(nPairs + " pairs do not fit " + l + " orbitals");
        }
        int first = nPairs - 1; // the shell at the Fermi level: [first, last], bounded by gaps as in closedShell
        while (!spectrum.closedShell(first)) {
            first--;
        }
        int last = nPairs - 1;
        while (!spectrum.closedShell(last + 1)) {
            last++;
        }
        double shared = (double) (nPairs - first) / (last - first + 1);
        double[] f = new double[l * l];
        for (int k = 0; k <= last; k++) {
            double g = k < first ? 1 : shared;
            DMatrixRMaj v = spectrum.vectors()[k];
            for (int r = 0; r < l; r++) {
                double gv = g * v.get(r);
                for (int q = 0; q < l; q++) {
                    f[r * l + q] += gv * v.get(q);
                }
            }
        }
        return f;
    }

    /** True when no species' Fermi level cuts a degenerate shell. */
    public static boolean isClosedShell(Lattice lattice, double t, double tPrime, int... particles) {
        Spectrum spectrum = Spectrum.of(hopping(lattice, t, tPrime));
        return Arrays.stream(particles).allMatch(spectrum::closedShell);
    }

    /** Eigenvalues (ascending) and eigenvectors of a real symmetric single-particle matrix. */
    record Spectrum(double[] energies, DMatrixRMaj[] vectors) {
        static Spectrum of(DMatrixRMaj h) {
            EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(h.numRows, true, true);
            if (!eig.decompose(h.copy())) {
                throw new IllegalStateException("the symmetric eigen-decomposition of the single-particle matrix failed");
            }
            Integer[] order = IntStream.range(0, h.numRows).boxed().toArray(Integer[]::new);
            Arrays.sort(order, Comparator.comparingDouble(k -> eig.getEigenvalue(k).real));
            double[] energies = new double[h.numRows];
            DMatrixRMaj[] vectors = new DMatrixRMaj[h.numRows];
            for (int k = 0; k < order.length; k++) {
                energies[k] = eig.getEigenvalue(order[k]).real;
                vectors[k] = eig.getEigenVector(order[k]);
            }
            return new Spectrum(energies, vectors);
        }

        /** The L × n matrix of the n lowest eigenvectors, one per column. */
        DMatrixRMaj lowest(int n) {
            if (n < 0 || n > energies.length) {
                throw new IllegalArgumentException(n + " particles do not fit " + energies.length + " orbitals");
            }
            DMatrixRMaj phi = new DMatrixRMaj(energies.length, n);
            for (int k = 0; k < n; k++) {
                for (int r = 0; r < energies.length; r++) {
                    phi.set(r, k, vectors[k].get(r));
                }
            }
            return phi;
        }

        double sumLowest(int n) {
            double sum = 0;
            for (int k = 0; k < n; k++) {
                sum += energies[k];
            }
            return sum;
        }

        boolean closedShell(int n) {
            if (n == 0 || n == energies.length) {
                return true;
            }
            double scale = Math.max(1, Math.abs(energies[energies.length - 1] - energies[0]));
            return energies[n] - energies[n - 1] > DEGENERACY_TOLERANCE * scale;
        }
    }
}
