package org.nqs4j.chemistry.scf;

import java.util.Arrays;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.nqs4j.chemistry.fcidump.Fcidump;
import org.nqs4j.chemistry.integrals.PackedEri;

/**
 * The Hamiltonian in an orthonormal set of molecular orbitals C (columns): h_pq = (C^T h C)_pq,
 * (pq|rs) by {@link MoTransform}, core energy = nuclear repulsion (no frozen core).
 */
public final class MoIntegrals {
    private MoIntegrals() {
    }

    public static Fcidump of(HartreeFock hf, DMatrixRMaj c, int electrons, int twiceSpin, double nuclearRepulsion) {
        int n = c.numCols;
        int nao = c.numRows;
        DMatrixRMaj t = new DMatrixRMaj(n, nao);
        CommonOps_DDRM.multTransA(c, hf.core(), t);
        DMatrixRMaj h = new DMatrixRMaj(n, n);
        CommonOps_DDRM.mult(t, c, h);
        double[] mo = MoTransform.transform(hf.unpackedEri(), nao, c, c, c, c);
        PackedEri eri = new PackedEri(n);
        for (int p = 0; p < n; p++) {
            for (int q = 0; q <= p; q++) {
                for (int r = 0; r < n; r++) {
                    for (int s = 0; s <= r; s++) {
                        if (PackedEri.pair(r, s) <= PackedEri.pair(p, q)) {
                            eri.set(p, q, r, s, mo[((p * n + q) * n + r) * n + s]);
                        }
                    }
                }
            }
        }
        // symmetrise h against rounding so that the FCIDUMP's lower triangle is the whole story
        for (int p = 0; p < n; p++) {
            for (int q = 0; q < p; q++) {
                double v = 0.5 * (h.get(p, q) + h.get(q, p));
                h.set(p, q, v);
                h.set(q, p, v);
            }
        }
        int[] sym = new int[n];
        Arrays.fill(sym, 1);
        return new Fcidump(n, electrons, twiceSpin, sym, 1, nuclearRepulsion, h.data.clone(), eri);
    }
}
