package org.nqs4j.chemistry.integrals;

import org.ejml.data.DMatrixRMaj;
import org.nqs4j.chemistry.Atom;
import org.nqs4j.chemistry.Molecule;
import org.nqs4j.chemistry.basis.BasisSet;
import org.nqs4j.chemistry.basis.Shell;

/**
 * Overlap S, kinetic energy T = &lt;mu|-nabla^2/2|nu&gt; and nuclear attraction
 * V = &lt;mu|-sum_C Z_C/|r - R_C||nu&gt; over contracted Cartesian Gaussians, by McMurchie-Davidson
 * (Helgaker, Jorgensen &amp; Olsen ch. 9):
 * S = E^x_0 E^y_0 E^z_0 (pi/p)^{3/2}; per axis T_ij = -2b^2 S_{i,j+2} + b(2j+1) S_ij - j(j-1)/2 S_{i,j-2};
 * V = -Z (2 pi/p) sum_{tuv} E^x_t E^y_u E^z_v R_{tuv}(p, P - C).
 */
public record OneElectronIntegrals(DMatrixRMaj overlap, DMatrixRMaj kinetic, DMatrixRMaj nuclear) {

    /** The core Hamiltonian h = T + V. */
    public DMatrixRMaj core() {
        DMatrixRMaj h = kinetic.copy();
        for (int i = 0; i < h.data.length; i++) {
            h.data[i] += nuclear.data[i];
        }
        return h;
    }

    public static OneElectronIntegrals compute(BasisSet basis, Molecule molecule) {
        int n = basis.size();
        DMatrixRMaj s = new DMatrixRMaj(n, n);
        DMatrixRMaj t = new DMatrixRMaj(n, n);
        DMatrixRMaj v = new DMatrixRMaj(n, n);
        HermiteCoulomb r = new HermiteCoulomb(2);
        double[] sd = new double[3];
        double[] td = new double[3];
        for (int ia = 0; ia < basis.shells().size(); ia++) {
            Shell a = basis.shells().get(ia);
            for (int ib = 0; ib <= ia; ib++) {
                Shell b = basis.shells().get(ib);
                HermiteExpansion[] e = new HermiteExpansion[3];
                for (int x = 0; x < 3; x++) {
                    e[x] = new HermiteExpansion(a.angularMomentum(), b.angularMomentum() + 2);
                }
                for (int ka = 0; ka < a.primitives(); ka++) {
                    for (int kb = 0; kb < b.primitives(); kb++) {
                        double al = a.exponent(ka);
                        double be = b.exponent(kb);
                        double p = al + be;
                        double w = a.weight(ka) * b.weight(kb);
                        for (int x = 0; x < 3; x++) {
                            e[x].compute(al, be, a.center(x), b.center(x));
                        }
                        double[] pc = new double[3];
                        for (int ca = 0; ca < a.size(); ca++) {
                            for (int cb = 0; cb < b.size(); cb++) {
                                for (int x = 0; x < 3; x++) {
                                    int i = a.power(ca, x);
                                    int j = b.power(cb, x);
                                    double f = Math.sqrt(Math.PI / p);
                                    sd[x] = e[x].at(i, j, 0) * f;
                                    td[x] = (-2 * be * be * e[x].at(i, j + 2, 0) + be * (2 * j + 1) * e[x].at(i, j, 0)
                                            - (j > 1 ? 0.5 * j * (j - 1) * e[x].at(i, j - 2, 0) : 0)) * f;
                                }
                                double ov = sd[0] * sd[1] * sd[2];
                                double kin = td[0] * sd[1] * sd[2] + sd[0] * td[1] * sd[2] + sd[0] * sd[1] * td[2];
                                double nuc = 0;
                                int i0 = a.power(ca, 0), i1 = a.power(ca, 1), i2 = a.power(ca, 2);
                                int j0 = b.power(cb, 0), j1 = b.power(cb, 1), j2 = b.power(cb, 2);
                                for (Atom c : molecule.atoms()) {
                                    for (int x = 0; x < 3; x++) {
                                        double px = (al * a.center(x) + be * b.center(x)) / p;
                                        pc[x] = px - (x == 0 ? c.x() : x == 1 ? c.y() : c.z());
                                    }
                                    r.compute(p, pc[0], pc[1], pc[2]);
                                    double sum = 0;
                                    for (int tt = 0; tt <= i0 + j0; tt++) {
                                        for (int u = 0; u <= i1 + j1; u++) {
                                            for (int vv = 0; vv <= i2 + j2; vv++) {
                                                sum += e[0].at(i0, j0, tt) * e[1].at(i1, j1, u) * e[2].at(i2, j2, vv) * r.at(tt, u, vv);
                                            }
                                        }
                                    }
                                    nuc -= c.element().atomicNumber() * 2 * Math.PI / p * sum;
                                }
                                int mu = basis.firstFunction(ia) + ca;
                                int nu = basis.firstFunction(ib) + cb;
                                add(s, mu, nu, w * ov);
                                add(t, mu, nu, w * kin);
                                add(v, mu, nu, w * nuc);
                            }
                        }
                    }
                }
            }
        }
        return new OneElectronIntegrals(s, t, v);
    }

    private static void add(DMatrixRMaj m, int mu, int nu, double x) {
        m.add(mu, nu, x);
        if (mu != nu) {
            m.add(nu, mu, x);
        }
    }
}
