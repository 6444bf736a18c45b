package org.nqs4j.vmc.run;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.nqs4j.hamiltonians.fock.FockConnections;
import org.nqs4j.hamiltonians.fock.MolecularHamiltonian;

/**
 * The virtual-row mixing of a start determinant whose opposite-spin double excitations carry the
 * first-order amplitudes of the Hartree–Fock state as closely as one determinant can.
 *
 * <p>In the orbital basis of the integrals the HF determinant has Φ^σ = (1; 0). Mixing κ^σ into
 * its virtual rows gives the double i↑j↓ → a↑b↓ the amplitude ratio
 * ψ(D)/ψ(HF) = u_ai w_bj, u_ai = (−1)^{N↑−1−i} κ↑_ai, w_bj = (−1)^{N↓−1−j} κ↓_bj (each species
 * replaces one row of an identity matrix; the sign sorts the new row past the occupied orbitals
 * above i). The first-order (Epstein–Nesbet) amplitudes are
 * t_D = −⟨D|H|HF⟩ / (⟨D|H|D⟩ − ⟨HF|H|HF⟩), with the signed elements of
 * {@link MolecularHamiltonian}. A product u wᵀ is a rank-one matrix, so the best start is the
 * leading singular triple of T = (t_{(ai),(bj)}): u = √s₁ U₁, w = √s₁ V₁ (Eckart–Young). The
 * positive Jastrow factor then only has to reweight, never to change a sign, for the excitations
 * of that leading pattern; the singles this mixing brings along are suppressed by the optimisation.
 */
final class FirstOrderMixing {
    private FirstOrderMixing() {
    }

    /**
     * Writes κ↑ and κ↓ into the virtual rows of the Slater parameters {@code phi} (Φ↑ NORB × N↑ then
     * Φ↓ NORB × N↓, row-major, occupied rows the identity); unchanged when the state has no
     * opposite-spin double excitation.
     */
    static void apply(MolecularHamiltonian h, int up, int down, double[] phi) {
        int norb = h.orbitals();
        int[] hf = h.aufbau(up, down);
        double eHf = h.determinantEnergy(hf);
        FockConnections c = h.newConnections();
        h.connections(hf, c);
        DMatrixRMaj t = new DMatrixRMaj((norb - up) * up, (norb - down) * down);
        if (t.numRows == 0 || t.numCols == 0) {
            return;
        }
        int[] x = new int[hf.length];
        for (int k = 0; k < c.size(); k++) {
            if (c.changeCount(k) != 4) {
                continue;
            }
            int i = -1;
            int a = -1;
            int j = -1;
            int b = -1;
            int upChanges = 0;
            for (int m = 0; m < 4; m++) {
                int mode = c.changeMode(k, m);
                boolean emptied = c.changeValue(k, m) == 0;
                if (mode < norb) {
                    upChanges++;
                    if (emptied) {
                        i = mode;
                    } else {
                        a = mode;
                    }
                } else if (emptied) {
                    j = mode - norb;
                } else {
                    b = mode - norb;
                }
            }
            if (upChanges != 2) { // a same-spin double
                continue;
            }
            System.arraycopy(hf, 0, x, 0, x.length);
            x[i] = 0;
            x[a] = 1;
            x[j + norb] = 0;
            x[b + norb] = 1;
            t.set((a - up) * up + i, (b - down) * down + j, -c.value(k) / (h.determinantEnergy(x) - eHf));
        }
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(t.numRows, t.numCols, true, true,
                false);
        if (!svd.decompose(t)) {
            throw new IllegalStateException("the SVD of the first-order amplitudes failed");
        }
        double[] s = svd.getSingularValues();
        int lead = 0;
        for (int q = 1; q < svd.numberOfSingularValues(); q++) {
            lead = s[q] > s[lead] ? q : lead;
        }
        DMatrixRMaj u = svd.getU(null, false);
        DMatrixRMaj v = svd.getV(null, false);
        double root = Math.sqrt(s[lead]);
        for (int a = up; a < norb; a++) {
            for (int i = 0; i < up; i++) {
                phi[a * up + i] = sortSign(up, i) * root * u.get((a - up) * up + i, lead);
            }
        }
        int offset = norb * up;
        for (int b = down; b < norb; b++) {
            for (int j = 0; j < down; j++) {
                phi[offset + b * down + j] = sortSign(down, j) * root * v.get((b - down) * down + j, lead);
            }
        }
    }

    /** (−1)^{N−1−i}: the occupied orbitals of the aufbau state above i, which a new row a ≥ N passes. */
    private static double sortSign(int n, int i) {
        return ((n - 1 - i) & 1) == 0 ? 1 : -1;
    }
}
