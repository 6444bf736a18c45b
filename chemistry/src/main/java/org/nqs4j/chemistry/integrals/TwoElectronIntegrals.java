package org.nqs4j.chemistry.integrals;

import java.util.stream.IntStream;

import org.nqs4j.chemistry.basis.BasisSet;
import org.nqs4j.chemistry.basis.Shell;

/**
 * Electron repulsion integrals (mu nu|la si) over contracted Cartesian Gaussians by
 * McMurchie-Davidson (Helgaker, Jorgensen &amp; Olsen eq. 9.9.33):
 * (ab|cd) = 2 pi^{5/2} / (p q sqrt(p+q)) sum_{tuv} E^{ab}_{tuv} sum_{tau nu phi} (-1)^{tau+nu+phi}
 * E^{cd}_{tau nu phi} R_{t+tau, u+nu, v+phi}(pq/(p+q), P - Q).
 * Only shell quartets unique under the 8-fold permutational symmetry are computed; shell pairs
 * are spread over threads, each writing its own disjoint quartets.
 */
public final class TwoElectronIntegrals {
    private TwoElectronIntegrals() {
    }

    public static PackedEri compute(BasisSet basis) {
        int ns = basis.shells().size();
        PackedEri eri = new PackedEri(basis.size());
        int nPairs = ns * (ns + 1) / 2;
        IntStream.range(0, nPairs).parallel().forEach(pq -> {
            int p = (int) Math.floor((Math.sqrt(8.0 * pq + 1) - 1) / 2);
            int q = pq - p * (p + 1) / 2;
            Quartet work = new Quartet();
            for (int r = 0; r <= p; r++) {
                for (int s = 0; s <= (r == p ? q : r); s++) {
                    work.compute(basis, p, q, r, s, eri);
                }
            }
        });
        return eri;
    }

    /** Scratch for one shell quartet. */
    private static final class Quartet {
        private final double[] block = new double[81];
        private final double[] pq = new double[3];

        void compute(BasisSet basis, int ia, int ib, int ic, int id, PackedEri eri) {
            Shell a = basis.shells().get(ia);
            Shell b = basis.shells().get(ib);
            Shell c = basis.shells().get(ic);
            Shell d = basis.shells().get(id);
            int la = a.angularMomentum(), lb = b.angularMomentum(), lc = c.angularMomentum(), ld = d.angularMomentum();
            HermiteExpansion[] eab = {new HermiteExpansion(la, lb), new HermiteExpansion(la, lb), new HermiteExpansion(la, lb)};
            HermiteExpansion[] ecd = {new HermiteExpansion(lc, ld), new HermiteExpansion(lc, ld), new HermiteExpansion(lc, ld)};
            HermiteCoulomb r = new HermiteCoulomb(la + lb + lc + ld);
            int na = a.size(), nb = b.size(), nc = c.size(), nd = d.size();
            java.util.Arrays.fill(block, 0, na * nb * nc * nd, 0);
            for (int ka = 0; ka < a.primitives(); ka++) {
                for (int kb = 0; kb < b.primitives(); kb++) {
                    double aa = a.exponent(ka), bb = b.exponent(kb), p = aa + bb;
                    for (int x = 0; x < 3; x++) {
                        eab[x].compute(aa, bb, a.center(x), b.center(x));
                    }
                    double wab = a.weight(ka) * b.weight(kb);
                    for (int kc = 0; kc < c.primitives(); kc++) {
                        for (int kd = 0; kd < d.primitives(); kd++) {
                            double cc = c.exponent(kc), dd = d.exponent(kd), q = cc + dd;
                            for (int x = 0; x < 3; x++) {
                                ecd[x].compute(cc, dd, c.center(x), d.center(x));
                                pq[x] = (aa * a.center(x) + bb * b.center(x)) / p - (cc * c.center(x) + dd * d.center(x)) / q;
                            }
                            double alpha = p * q / (p + q);
                            r.compute(alpha, pq[0], pq[1], pq[2]);
                            double pre = wab * c.weight(kc) * d.weight(kd) * 2 * Math.pow(Math.PI, 2.5) / (p * q * Math.sqrt(p + q));
                            int k = 0;
                            for (int ca = 0; ca < na; ca++) {
                                for (int cb = 0; cb < nb; cb++) {
                                    for (int cc2 = 0; cc2 < nc; cc2++) {
                                        for (int cd = 0; cd < nd; cd++, k++) {
                                            block[k] += pre * contract(eab, ecd, r, a, b, c, d, ca, cb, cc2, cd);
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            int k = 0;
            for (int ca = 0; ca < na; ca++) {
                for (int cb = 0; cb < nb; cb++) {
                    for (int cc2 = 0; cc2 < nc; cc2++) {
                        for (int cd = 0; cd < nd; cd++, k++) {
                            eri.set(basis.firstFunction(ia) + ca, basis.firstFunction(ib) + cb,
                                    basis.firstFunction(ic) + cc2, basis.firstFunction(id) + cd, block[k]);
                        }
                    }
                }
            }
        }

        private static double contract(HermiteExpansion[] eab, HermiteExpansion[] ecd, HermiteCoulomb r,
                Shell a, Shell b, Shell c, Shell d, int ca, int cb, int cc, int cd) {
            int i0 = a.power(ca, 0), i1 = a.power(ca, 1), i2 = a.power(ca, 2);
            int j0 = b.power(cb, 0), j1 = b.power(cb, 1), j2 = b.power(cb, 2);
            int k0 = c.power(cc, 0), k1 = c.power(cc, 1), k2 = c.power(cc, 2);
            int l0 = d.power(cd, 0), l1 = d.power(cd, 1), l2 = d.power(cd, 2);
            double sum = 0;
            for (int t = 0; t <= i0 + j0; t++) {
                for (int u = 0; u <= i1 + j1; u++) {
                    for (int v = 0; v <= i2 + j2; v++) {
                        double left = eab[0].at(i0, j0, t) * eab[1].at(i1, j1, u) * eab[2].at(i2, j2, v);
                        for (int tau = 0; tau <= k0 + l0; tau++) {
                            for (int nu = 0; nu <= k1 + l1; nu++) {
                                for (int phi = 0; phi <= k2 + l2; phi++) {
                                    double sign = ((tau + nu + phi) & 1) == 0 ? 1 : -1;
                                    sum += left * sign * ecd[0].at(k0, l0, tau) * ecd[1].at(k1, l1, nu) * ecd[2].at(k2, l2, phi)
                                            * r.at(t + tau, u + nu, v + phi);
                                }
                            }
                        }
                    }
                }
            }
            return sum;
        }
    }
}
