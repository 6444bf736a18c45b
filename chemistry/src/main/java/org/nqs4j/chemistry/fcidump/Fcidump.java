package org.nqs4j.chemistry.fcidump;

import org.nqs4j.chemistry.integrals.PackedEri;

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
}
