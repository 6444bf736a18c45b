package org.nqs4j.chemistry.scf;

import org.ejml.data.DMatrixRMaj;

/**
 * Four-index transformation (pq|rs) = sum_{mu nu la si} C1_{mu p} C2_{nu q} C3_{la r} C4_{si s} (mu nu|la si),
 * one index at a time (four O(n^5) quarter steps instead of one O(n^8) sum).
 */
public final class MoTransform {
    private MoTransform() {
    }

    /**
     * @param ao the unpacked AO integrals, ao[((mu n + nu) n + la) n + si]
     * @return the dense block out[((p n2 + q) n3 + r) n4 + s] for the columns of c1..c4
     */
    public static double[] transform(double[] ao, int n, DMatrixRMaj c1, DMatrixRMaj c2, DMatrixRMaj c3, DMatrixRMaj c4) {
        int n1 = c1.numCols, n2 = c2.numCols, n3 = c3.numCols, n4 = c4.numCols;
        // step 1: index s (last), t1[mu nu la s]
        double[] t1 = new double[n * n * n * n4];
        for (int m = 0; m < n * n * n; m++) {
            for (int si = 0; si < n; si++) {
                double v = ao[m * n + si];
                if (v == 0) {
                    continue;
                }
                for (int s = 0; s < n4; s++) {
                    t1[m * n4 + s] += v * c4.get(si, s);
                }
            }
        }
        // step 2: index r, t2[mu nu r s]
        double[] t2 = new double[n * n * n3 * n4];
        for (int mn = 0; mn < n * n; mn++) {
            for (int la = 0; la < n; la++) {
                for (int r = 0; r < n3; r++) {
                    double c = c3.get(la, r);
                    for (int s = 0; s < n4; s++) {
                        t2[(mn * n3 + r) * n4 + s] += c * t1[(mn * n + la) * n4 + s];
                    }
                }
            }
        }
        // step 3: index q, t3[mu q r s]
        int rs = n3 * n4;
        double[] t3 = new double[n * n2 * rs];
        for (int mu = 0; mu < n; mu++) {
            for (int nu = 0; nu < n; nu++) {
                for (int q = 0; q < n2; q++) {
                    double c = c2.get(nu, q);
                    for (int k = 0; k < rs; k++) {
                        t3[(mu * n2 + q) * rs + k] += c * t2[(mu * n + nu) * rs + k];
                    }
                }
            }
        }
        // step 4: index p
        int qrs = n2 * rs;
        double[] out = new double[n1 * qrs];
        for (int mu = 0; mu < n; mu++) {
            for (int p = 0; p < n1; p++) {
                double c = c1.get(mu, p);
                for (int k = 0; k < qrs; k++) {
                    out[p * qrs + k] += c * t3[mu * qrs + k];
                }
            }
        }
        return out;
    }

    /** Columns from..to-1 of c. */
    public static DMatrixRMaj columns(DMatrixRMaj c, int from, int to) {
        DMatrixRMaj out = new DMatrixRMaj(c.numRows, to - from);
        for (int i = 0; i < c.numRows; i++) {
            for (int j = from; j < to; j++) {
                out.set(i, j - from, c.get(i, j));
            }
        }
        return out;
    }
}
