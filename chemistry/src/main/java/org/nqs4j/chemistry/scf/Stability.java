package org.nqs4j.chemistry.scf;

import java.util.Locale;

import org.ejml.data.DMatrixRMaj;

/**
 * Real internal stability of a Hartree-Fock solution from the lowest eigenvalue of the orbital
 * Hessian A + B (Seeger &amp; Pople, J. Chem. Phys. 66, 3045 (1977)). In spin orbitals,
 * (A+B)_{ia,jb} = delta_ij delta_ab (e_a - e_i) + 2(ai|jb) - (ab|ji) - (aj|bi); the last two terms
 * couple only equal spins. For RHF it splits into the singlet block (RHF -&gt; RHF) with
 * + 4(ai|jb) and the triplet block (RHF -&gt; UHF) with no Coulomb-like term. A negative eigenvalue
 * means a lower solution exists along that rotation.
 *
 * @param singlet lowest eigenvalue of the RHF singlet block (NaN for UHF)
 * @param triplet lowest eigenvalue of the RHF triplet block (NaN for UHF)
 * @param unrestricted lowest eigenvalue of the UHF Hessian (NaN for RHF)
 * @param direction eigenvector of the lowest eigenvalue of the singlet block (RHF) or the UHF
 *        Hessian: rotation amplitudes x_{ia}, index i*n_virt + a (alpha block first for UHF)
 */
public record Stability(double singlet, double triplet, double unrestricted, double[] direction) {
    /** Eigenvalues below -THRESHOLD count as an instability (hartree). */
    public static final double THRESHOLD = 1e-5;

    public static Stability of(ScfResult hf, double[] aoEri) {
        int n = hf.coefficientsAlpha().numRows;
        if (hf.restricted()) {
            int o = hf.alpha();
            DMatrixRMaj same = sameSpin(hf.coefficientsAlpha(), hf.energiesAlpha(), o, aoEri, n);
            DMatrixRMaj cross = cross(hf.coefficientsAlpha(), o, hf.coefficientsAlpha(), o, aoEri, n);
            DMatrixRMaj s = same.copy();
            DMatrixRMaj t = same.copy();
            for (int k = 0; k < s.data.length; k++) {
                s.data[k] += cross.data[k];
                t.data[k] -= cross.data[k];
            }
            return new Stability(lowest(s), lowest(t), Double.NaN, lowestVector(s));
        }
        int na = hf.alpha(), nb = hf.beta();
        DMatrixRMaj aa = sameSpin(hf.coefficientsAlpha(), hf.energiesAlpha(), na, aoEri, n);
        DMatrixRMaj bb = sameSpin(hf.coefficientsBeta(), hf.energiesBeta(), nb, aoEri, n);
        DMatrixRMaj ab = cross(hf.coefficientsAlpha(), na, hf.coefficientsBeta(), nb, aoEri, n);
        int da = aa.numRows, db = bb.numRows;
        DMatrixRMaj h = new DMatrixRMaj(da + db, da + db);
        for (int i = 0; i < da; i++) {
            for (int j = 0; j < da; j++) {
                h.set(i, j, aa.get(i, j));
            }
            for (int j = 0; j < db; j++) {
                h.set(i, da + j, ab.get(i, j));
                h.set(da + j, i, ab.get(i, j));
            }
        }
        for (int i = 0; i < db; i++) {
            for (int j = 0; j < db; j++) {
                h.set(da + i, da + j, bb.get(i, j));
            }
        }
        return new Stability(Double.NaN, Double.NaN, lowest(h), lowestVector(h));
    }

    /** True if a lower solution of the same kind (RHF singlet block, or UHF) exists along {@link #direction()}. */
    public boolean internallyUnstable() {
        return singlet < -THRESHOLD || unrestricted < -THRESHOLD;
    }

    /** The eigenvector of the lowest eigenvalue (empty for an empty matrix: no rotations exist). */
    private static double[] lowestVector(DMatrixRMaj m) {
        if (m.numRows == 0) {
            return new double[0];
        }
        SymmetricEigen e = SymmetricEigen.of(m);
        double[] x = new double[e.values().length];
        for (int i = 0; i < x.length; i++) {
            x[i] = e.vectors().get(i, 0);
        }
        return x;
    }

    public boolean stable() {
        return !(singlet < -THRESHOLD || triplet < -THRESHOLD || unrestricted < -THRESHOLD);
    }

    /** One line for the CLI. */
    public String verdict() {
        if (Double.isNaN(unrestricted)) {
            String v = String.format(Locale.ROOT, "lowest orbital-Hessian eigenvalues: singlet %.6f, triplet %.6f", singlet, triplet);
            if (singlet < -THRESHOLD) {
                return "UNSTABLE (a lower RHF solution exists; " + v + ")";
            }
            if (triplet < -THRESHOLD) {
                return "UNSTABLE towards UHF (try --uhf; " + v + ")";
            }
            return "stable (" + v + ")";
        }
        String v = String.format(Locale.ROOT, "lowest orbital-Hessian eigenvalue %.6f", unrestricted);
        return (unrestricted < -THRESHOLD ? "UNSTABLE (a lower UHF solution exists; " : "stable (") + v + ")";
    }

    /** The lowest eigenvalue, +infinity for an empty matrix (no occupied-virtual pair: nothing can rotate). */
    private static double lowest(DMatrixRMaj m) {
        return m.numRows == 0 ? Double.POSITIVE_INFINITY : SymmetricEigen.of(m).values()[0];
    }

    /** delta (e_a - e_i) + 2(ai|jb) - (ab|ji) - (aj|bi) for one spin, index ia = i*nv + a. */
    private static DMatrixRMaj sameSpin(DMatrixRMaj c, double[] eps, int o, double[] ao, int n) {
        int v = n - o;
        double[] mo = MoTransform.transform(ao, n, c, c, c, c);
        DMatrixRMaj h = new DMatrixRMaj(o * v, o * v);
        for (int i = 0; i < o; i++) {
            for (int a = 0; a < v; a++) {
                for (int j = 0; j < o; j++) {
                    for (int b = 0; b < v; b++) {
                        int pa = o + a, pb = o + b;
                        double x = 2 * mo[idx(n, pa, i, j, pb)] - mo[idx(n, pa, pb, j, i)] - mo[idx(n, pa, j, pb, i)];
                        if (i == j && a == b) {
                            x += eps[pa] - eps[i];
                        }
                        h.set(i * v + a, j * v + b, x);
                    }
                }
            }
        }
        return h;
    }

    /** 2(ai|jb) between an excitation of one spin (rows) and of the other (columns). */
    private static DMatrixRMaj cross(DMatrixRMaj c1, int o1, DMatrixRMaj c2, int o2, double[] ao, int n) {
        int v1 = n - o1, v2 = n - o2;
        double[] iajb = MoTransform.transform(ao, n, MoTransform.columns(c1, 0, o1), MoTransform.columns(c1, o1, n),
                MoTransform.columns(c2, 0, o2), MoTransform.columns(c2, o2, n));
        DMatrixRMaj h = new DMatrixRMaj(o1 * v1, o2 * v2);
        for (int k = 0; k < iajb.length; k++) {
            h.data[k] = 2 * iajb[k];
        }
        return h;
    }

    private static int idx(int n, int p, int q, int r, int s) {
        return ((p * n + q) * n + r) * n + s;
    }
}
