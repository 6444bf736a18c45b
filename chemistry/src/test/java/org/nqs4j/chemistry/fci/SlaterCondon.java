package org.nqs4j.chemistry.fci;

import org.ejml.data.DMatrixRMaj;
import org.nqs4j.chemistry.fcidump.Fcidump;
import org.nqs4j.chemistry.scf.SymmetricEigen;

/**
 * Test-only dense FCI, written independently of {@link FciHamiltonian}: determinants as
 * spin-orbital bit masks (spin orbital 2p is p alpha, 2p+1 is p beta), matrix elements by the
 * Slater-Condon rules with antisymmetrised integrals &lt;pq||rs&gt; (Szabo &amp; Ostlund, Table 2.4),
 * eigenvalues by EJML.
 */
final class SlaterCondon {
    private SlaterCondon() {
    }

    static double groundEnergy(Fcidump f) {
        int n = f.orbitals();
        int m = 2 * n;
        java.util.List<Long> dets = new java.util.ArrayList<>();
        for (long d = 0; d < (1L << m); d++) {
            int na = 0, nb = 0;
            for (int i = 0; i < m; i++) {
                if ((d >>> i & 1) != 0) {
                    if (i % 2 == 0) {
                        na++;
                    } else {
                        nb++;
                    }
                }
            }
            if (na == f.alpha() && nb == f.beta()) {
                dets.add(d);
            }
        }
        int dim = dets.size();
        DMatrixRMaj h = new DMatrixRMaj(dim, dim);
        for (int i = 0; i < dim; i++) {
            for (int j = 0; j < dim; j++) {
                h.set(i, j, element(f, dets.get(i), dets.get(j)));
            }
        }
        return SymmetricEigen.of(h).values()[0];
    }

    static int dimension(Fcidump f) {
        return (int) (binomial(f.orbitals(), f.alpha()) * binomial(f.orbitals(), f.beta()));
    }

    private static long binomial(int n, int k) {
        long b = 1;
        for (int i = 0; i < k; i++) {
            b = b * (n - i) / (i + 1);
        }
        return b;
    }

    private static double oneBody(Fcidump f, int p, int q) {
        return p % 2 == q % 2 ? f.h(p / 2, q / 2) : 0;
    }

    /** &lt;pq|rs&gt; = (pr|qs) with spin integration. */
    private static double physicist(Fcidump f, int p, int q, int r, int s) {
        if (p % 2 != r % 2 || q % 2 != s % 2) {
            return 0;
        }
        return f.twoBody().get(p / 2, r / 2, q / 2, s / 2);
    }

    private static double anti(Fcidump f, int p, int q, int r, int s) {
        return physicist(f, p, q, r, s) - physicist(f, p, q, s, r);
    }

    private static double element(Fcidump f, long bra, long ket) {
        long diff = bra ^ ket;
        int nd = Long.bitCount(diff);
        int m = 2 * f.orbitals();
        if (nd == 0) {
            double e = f.core();
            for (int i = 0; i < m; i++) {
                if ((ket >>> i & 1) == 0) {
                    continue;
                }
                e += oneBody(f, i, i);
                for (int j = 0; j < i; j++) {
                    if ((ket >>> j & 1) != 0) {
                        e += anti(f, i, j, i, j);
                    }
                }
            }
            return e;
        }
        if (nd == 2) {
            int a = Long.numberOfTrailingZeros(bra & diff);
            int i = Long.numberOfTrailingZeros(ket & diff);
            double e = oneBody(f, a, i);
            for (int j = 0; j < m; j++) {
                if ((ket >>> j & 1) != 0 && j != i) {
                    e += anti(f, a, j, i, j);
                }
            }
            return phase(ket, i, a) * e;
        }
        if (nd == 4) {
            long up = bra & diff, down = ket & diff;
            int a = Long.numberOfTrailingZeros(up);
            int b = 63 - Long.numberOfLeadingZeros(up);
            int i = Long.numberOfTrailingZeros(down);
            int j = 63 - Long.numberOfLeadingZeros(down);
            // a+_a a+_b a_j a_i |ket> = a+_b a_j a+_a a_i |ket> = sign |bra>
            long afterFirst = (ket & ~(1L << i)) | (1L << a);
            double sign = phase(ket, i, a) * phase(afterFirst, j, b);
            return sign * anti(f, a, b, i, j);
        }
        return 0;
    }

    /** Sign of a+_a a_i acting on det (i occupied, a empty): (-1)^(occupied strictly between). */
    private static double phase(long det, int i, int a) {
        int lo = Math.min(i, a), hi = Math.max(i, a);
        long mask = hi - lo > 1 ? ((1L << hi) - 1) & ~((1L << (lo + 1)) - 1) : 0;
        return (Long.bitCount(det & mask) & 1) == 0 ? 1 : -1;
    }
}
