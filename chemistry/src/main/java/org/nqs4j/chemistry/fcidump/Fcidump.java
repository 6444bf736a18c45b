package org.nqs4j.chemistry.fcidump;

import org.nqs4j.chemistry.integrals.PackedEri;
import org.nqs4j.hamiltonians.fock.MolecularIntegrals;

/**
 * A molecular Hamiltonian in an orthonormal orbital basis, as in a Knowles-Handy FCIDUMP:
 * H = E_core + sum_{pq} h_pq E_pq + 1/2 sum_{pqrs} (pq|rs) (E_pq E_rs - delta_qr E_ps), with real
 * orbitals, (pq|rs) in chemists' notation and 8-fold symmetry.
 *
 * @param orbitals NORB
 * @param electrons NELEC
 * @param twiceSpin MS2 = N_alpha - N_beta
 * @param orbitalSymmetry ORBSYM (irrep labels 1..8, all 1 when absent)
 * @param symmetry ISYM
 * @param oneBody h[p*NORB + q], symmetric
 */
public record Fcidump(int orbitals, int electrons, int twiceSpin, int[] orbitalSymmetry, int symmetry, double core,
        double[] oneBody, PackedEri twoBody) {

    public int alpha() {
        return (electrons + twiceSpin) / 2;
    }

    public int beta() {
        return (electrons - twiceSpin) / 2;
    }

    public double h(int p, int q) {
        return oneBody[p * orbitals + q];
    }

    /** The integrals for {@link org.nqs4j.hamiltonians.fock.MolecularHamiltonian}: h and (pq|rs) unpacked. */
    public MolecularIntegrals toMolecularIntegrals() {
        return new MolecularIntegrals(orbitals, core, oneBody, twoBody.unpacked());
    }

    /** The FCIDUMP of these integrals with NELEC = {@code electrons}, MS2 = {@code twiceSpin}, no symmetry labels. */
    public static Fcidump of(MolecularIntegrals integrals, int electrons, int twiceSpin) {
        int n = integrals.orbitals();
        PackedEri eri = new PackedEri(n);
        for (int p = 0; p < n; p++) {
            for (int q = 0; q <= p; q++) {
                for (int r = 0; r < n; r++) {
                    for (int s = 0; s <= r; s++) {
                        eri.set(p, q, r, s, integrals.eri(p, q, r, s));
                    }
                }
            }
        }
        int[] orbsym = new int[n];
        java.util.Arrays.fill(orbsym, 1);
        return new Fcidump(n, electrons, twiceSpin, orbsym, 1, integrals.core(), integrals.oneBody(), eri);
    }
}
