package org.nqs4j.chemistry.scf;

import java.util.OptionalDouble;

import org.ejml.data.DMatrixRMaj;
import org.nqs4j.chemistry.fcidump.Fcidump;

/**
 * Second-order Moller-Plesset correlation energy from canonical HF orbitals, all electrons
 * correlated (Szabo &amp; Ostlund eq. 6.74 for RHF). With D = e_i + e_j - e_a - e_b:
 * RMP2 = sum_{ijab} (ia|jb)[2(ia|jb) - (ib|ja)]/D;
 * UMP2 = 1/2 sum_{same spin} (ia|jb)[(ia|jb) - (ib|ja)]/D + sum_{i a alpha, j b beta} (ia|jb)^2/D.
 */
public final class Mp2 {
    private Mp2() {
    }

    /** Off-diagonal Fock elements up to this size still count as canonical orbitals. */
    static final double CANONICAL_TOLERANCE = 1e-6;

    /**
     * RMP2 from an FCIDUMP, when its orbitals are canonical RHF orbitals of a closed shell: the Fock
     * matrix f_pq = h_pq + sum_{i occ} [2(pq|ii) - (pi|iq)] of the aufbau determinant is then
     * diagonal (to {@value #CANONICAL_TOLERANCE}) and its diagonal holds the orbital energies.
     * Empty for an open shell or other orbitals (localised, natural, UHF), where this formula is
     * not MP2.
     */
    public static OptionalDouble fromCanonicalOrbitals(Fcidump f) {
        int n = f.orbitals();
        int occ = f.electrons() / 2;
        if (f.twiceSpin() != 0 || f.electrons() % 2 != 0) {
            return OptionalDouble.empty();
        }
        double[] eps = new double[n];
        for (int p = 0; p < n; p++) {
            for (int q = 0; q < n; q++) {
                double fock = f.h(p, q);
                for (int i = 0; i < occ; i++) {
                    fock += 2 * f.twoBody().get(p, q, i, i) - f.twoBody().get(p, i, i, q);
                }
                if (p == q) {
                    eps[p] = fock;
                } else if (Math.abs(fock) > CANONICAL_TOLERANCE) {
                    return OptionalDouble.empty();
                }
            }
        }
        double e = 0;
        for (int i = 0; i < occ; i++) {
            for (int j = 0; j < occ; j++) {
                for (int a = occ; a < n; a++) {
                    for (int b = occ; b < n; b++) {
                        double iajb = f.twoBody().get(i, a, j, b);
                        e += iajb * (2 * iajb - f.twoBody().get(i, b, j, a)) / (eps[i] + eps[j] - eps[a] - eps[b]);
                    }
                }
            }
        }
        return OptionalDouble.of(e);
    }

    public static double correlation(ScfResult hf, double[] aoEri) {
        int n = hf.coefficientsAlpha().numRows;
        if (hf.restricted()) {
            return sameSpin(hf.coefficientsAlpha(), hf.energiesAlpha(), hf.alpha(), aoEri, n, true);
        }
        double e = sameSpin(hf.coefficientsAlpha(), hf.energiesAlpha(), hf.alpha(), aoEri, n, false)
                + sameSpin(hf.coefficientsBeta(), hf.energiesBeta(), hf.beta(), aoEri, n, false);
        int na = hf.alpha(), nb = hf.beta();
        int va = n - na, vb = n - nb;
        if (na == 0 || nb == 0 || va == 0 || vb == 0) {
            return e;
        }
        DMatrixRMaj ca = hf.coefficientsAlpha(), cb = hf.coefficientsBeta();
        double[] iajb = MoTransform.transform(aoEri, n, MoTransform.columns(ca, 0, na), MoTransform.columns(ca, na, n),
                MoTransform.columns(cb, 0, nb), MoTransform.columns(cb, nb, n));
        for (int i = 0; i < na; i++) {
            for (int a = 0; a < va; a++) {
                for (int j = 0; j < nb; j++) {
                    for (int b = 0; b < vb; b++) {
                        double v = iajb[((i * va + a) * nb + j) * vb + b];
                        e += v * v / (hf.energiesAlpha()[i] + hf.energiesBeta()[j] - hf.energiesAlpha()[na + a]
                                - hf.energiesBeta()[nb + b]);
                    }
                }
            }
        }
        return e;
    }

    /** Closed shell (restricted = true) or one same-spin block of UMP2. */
    private static double sameSpin(DMatrixRMaj c, double[] eps, int occ, double[] aoEri, int n, boolean restricted) {
        int v = n - occ;
        if (occ == 0 || v == 0) {
            return 0;
        }
        DMatrixRMaj o = MoTransform.columns(c, 0, occ);
        DMatrixRMaj w = MoTransform.columns(c, occ, n);
        double[] iajb = MoTransform.transform(aoEri, n, o, w, o, w);
        double e = 0;
        for (int i = 0; i < occ; i++) {
            for (int a = 0; a < v; a++) {
                for (int j = 0; j < occ; j++) {
                    for (int b = 0; b < v; b++) {
                        double x = iajb[((i * v + a) * occ + j) * v + b];
                        double y = iajb[((i * v + b) * occ + j) * v + a];
                        double d = eps[i] + eps[j] - eps[occ + a] - eps[occ + b];
                        e += restricted ? x * (2 * x - y) / d : 0.5 * x * (x - y) / d;
                    }
                }
            }
        }
        return e;
    }
}
