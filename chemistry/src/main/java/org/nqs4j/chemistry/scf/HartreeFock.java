package org.nqs4j.chemistry.scf;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.nqs4j.chemistry.ChemistryInputException;
import org.nqs4j.chemistry.integrals.PackedEri;

/**
 * Restricted and unrestricted (Pople-Nesbet) Hartree-Fock in a non-orthogonal AO basis, with
 * symmetric orthogonalisation X = S^{-1/2}, the core-Hamiltonian guess and DIIS
 * (Szabo &amp; Ostlund, Modern Quantum Chemistry, sections 3.4 and 3.8).
 *
 * <p>With spin densities D^s = C^s_occ (C^s_occ)^T: F^s = h + J[D^a + D^b] - K[D^s],
 * J[D]_{mn} = sum_{ls} (mn|ls) D_{ls}, K[D]_{mn} = sum_{ls} (ml|ns) D_{ls}, and
 * E = 1/2 sum_{mn} [(D^a + D^b) h + D^a F^a + D^b F^b]_{mn} + E_nn. RHF is the case C^a = C^b.
 * Converged when |Delta E| &lt; energyTolerance and max |X^T(F D S - S D F)X| &lt; gradientTolerance.
 *
 * <p>The core guess can land on a saddle point (N2 in STO-3G does). After convergence the
 * internal stability is checked ({@link Stability}, singlet block for RHF); if a lower solution
 * exists the orbitals are rotated by exp(kappa), kappa_ai = theta x_ia along the lowest Hessian
 * eigenvector x (|x| = 1, theta from {@link #ROTATIONS} until one gives a lower energy), and the
 * SCF restarts from there, at most {@link #MAX_ROTATIONS} times.
 */
public final class HartreeFock {
    /** Options: tolerances and iteration cap. */
    public record Options(double energyTolerance, double gradientTolerance, int maxIterations) {
        public static final Options DEFAULT = new Options(1e-10, 1e-8, 200);
    }

    private final DMatrixRMaj overlap;
    private final DMatrixRMaj core;
    private final double[] eri;
    private final int n;
    private final double nuclearRepulsion;
    private final DMatrixRMaj x;
    /** Rotation angles (radians) tried in turn along an unstable direction; pi/2 swaps a pair outright. */
    static final double[] ROTATIONS = {0.5, 1.0, Math.PI / 2};
    static final int MAX_ROTATIONS = 5;

    public HartreeFock(DMatrixRMaj overlap, DMatrixRMaj core, PackedEri eri, double nuclearRepulsion) {
        this.overlap = overlap;
        this.core = core;
        this.n = overlap.numRows;
        this.eri = eri.unpacked();
        this.nuclearRepulsion = nuclearRepulsion;
        this.x = inverseSqrt(overlap);
    }

    public double[] unpackedEri() {
        return eri;
    }

    public DMatrixRMaj overlap() {
        return overlap;
    }

    public DMatrixRMaj core() {
        return core;
    }

    public ScfResult restricted(int electrons, Options options) {
        if (electrons % 2 != 0) {
            throw new ChemistryInputException("RHF needs an even number of electrons and multiplicity 1; got "
                    + electrons + " electrons (use --uhf)");
        }
        return solve(true, electrons / 2, electrons / 2, options);
    }

    public ScfResult unrestricted(int alpha, int beta, Options options) {
        return solve(false, alpha, beta, options);
    }

    private ScfResult solve(boolean restricted, int na, int nb, Options o) {
        if (na > n || nb > n) {
            throw new ChemistryInputException(Math.max(na, nb) + " electrons of one spin do not fit in " + n + " basis functions");
        }
        Orbitals guess = diagonalise(core);
        ScfResult best = iterate(restricted, na, nb, o, guess, guess, 0);
        for (int k = 1; k <= MAX_ROTATIONS && best.converged(); k++) {
            Stability st = Stability.of(best, eri);
            if (!st.internallyUnstable()) {
                break;
            }
            double[] dir = st.direction();
            int va = n - na;
            ScfResult lower = null;
            for (double angle : ROTATIONS) {
                DMatrixRMaj ca = rotate(best.coefficientsAlpha(), na, java.util.Arrays.copyOfRange(dir, 0, na * va), angle);
                DMatrixRMaj cb = restricted ? ca
                        : rotate(best.coefficientsBeta(), nb, java.util.Arrays.copyOfRange(dir, na * va, dir.length), angle);
                ScfResult next = iterate(restricted, na, nb, o, new Orbitals(ca, best.energiesAlpha()),
                        new Orbitals(cb, best.energiesBeta()), k);
                if (next.converged() && next.energy() < best.energy() - 1e-9) {
                    lower = next;
                    break;
                }
            }
            if (lower == null) {
                break;
            }
            best = lower;
        }
        return best;
    }

    /** C exp(kappa), kappa_{ai} = -kappa_{ia} = angle x_{ia} / |x|, by the Taylor series of the exponential. */
    private DMatrixRMaj rotate(DMatrixRMaj c, int occ, double[] amplitudes, double angle) {
        int v = n - occ;
        double norm = 0;
        for (double a : amplitudes) {
            norm += a * a;
        }
        norm = Math.sqrt(norm);
        DMatrixRMaj kappa = new DMatrixRMaj(n, n);
        for (int i = 0; i < occ && norm > 0; i++) {
            for (int a = 0; a < v; a++) {
                double k = angle * amplitudes[i * v + a] / norm;
                kappa.set(occ + a, i, k);
                kappa.set(i, occ + a, -k);
            }
        }
        DMatrixRMaj u = CommonOps_DDRM.identity(n);
        DMatrixRMaj term = CommonOps_DDRM.identity(n);
        DMatrixRMaj tmp = new DMatrixRMaj(n, n);
        for (int m = 1; m <= 30; m++) {
            CommonOps_DDRM.mult(term, kappa, tmp);
            CommonOps_DDRM.scale(1.0 / m, tmp, term);
            CommonOps_DDRM.addEquals(u, term);
        }
        DMatrixRMaj out = new DMatrixRMaj(n, n);
        CommonOps_DDRM.mult(c, u, out);
        return out;
    }

    private ScfResult iterate(boolean restricted, int na, int nb, Options o, Orbitals a, Orbitals b, int rotations) {
        Diis diis = new Diis(8);
        double energy = 0;
        double gradient = Double.NaN;
        int nn = n * n;
        for (int it = 1; it <= o.maxIterations(); it++) {
            DMatrixRMaj da = density(a.c, na);
            DMatrixRMaj db = restricted ? da : density(b.c, nb);
            DMatrixRMaj total = da.copy();
            CommonOps_DDRM.addEquals(total, db);
            DMatrixRMaj fa = fock(total, da);
            DMatrixRMaj fb = restricted ? fa : fock(total, db);
            double e = nuclearRepulsion;
            for (int k = 0; k < nn; k++) {
                e += 0.5 * (total.data[k] * core.data[k] + da.data[k] * fa.data[k] + db.data[k] * fb.data[k]);
            }
            double[] ea = gradient(fa, da);
            double[] eb = restricted ? new double[0] : gradient(fb, db);
            gradient = 0;
            for (double v : ea) {
                gradient = Math.max(gradient, Math.abs(v));
            }
            for (double v : eb) {
                gradient = Math.max(gradient, Math.abs(v));
            }
            boolean done = Math.abs(e - energy) < o.energyTolerance() && gradient < o.gradientTolerance();
            energy = e;
            if (done) {
                return result(restricted, energy, a, b, na, nb, it, true, gradient, rotations);
            }
            double[] f = concat(fa.data, restricted ? new double[0] : fb.data);
            double[] err = concat(ea, eb);
            double[] next = diis.extrapolate(f, err);
            a = diagonalise(DMatrixRMaj.wrap(n, n, java.util.Arrays.copyOfRange(next, 0, nn)));
            b = restricted ? a : diagonalise(DMatrixRMaj.wrap(n, n, java.util.Arrays.copyOfRange(next, nn, 2 * nn)));
        }
        return result(restricted, energy, a, b, na, nb, o.maxIterations(), false, gradient, rotations);
    }

    private ScfResult result(boolean restricted, double energy, Orbitals a, Orbitals b, int na, int nb, int it,
            boolean converged, double gradient, int rotations) {
        double s2 = spinSquared(a.c, b.c, na, nb);
        return new ScfResult(restricted, energy, nuclearRepulsion, a.c, b.c, a.e, b.e, na, nb, it, converged, gradient, s2,
                rotations);
    }

    /**
     * &lt;S^2&gt; = S_z(S_z+1) + N_b - sum_{i in a, j in b} |&lt;i|S|j&gt;|^2 (Szabo &amp; Ostlund eq. 2.271; overlaps through the AO metric S).
     */
    double spinSquared(DMatrixRMaj ca, DMatrixRMaj cb, int na, int nb) {
        double sz = 0.5 * (na - nb);
        DMatrixRMaj oa = MoTransform.columns(ca, 0, na);
        DMatrixRMaj ob = MoTransform.columns(cb, 0, nb);
        DMatrixRMaj tmp = new DMatrixRMaj(n, nb);
        CommonOps_DDRM.mult(overlap, ob, tmp);
        DMatrixRMaj ov = new DMatrixRMaj(na, nb);
        CommonOps_DDRM.multTransA(oa, tmp, ov);
        double sum = 0;
        for (double v : ov.data) {
            sum += v * v;
        }
        return sz * (sz + 1) + nb - sum;
    }

    private static double[] concat(double[] a, double[] b) {
        double[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** F = h + J[total] - K[spin]. */
    private DMatrixRMaj fock(DMatrixRMaj total, DMatrixRMaj spin) {
        DMatrixRMaj f = core.copy();
        for (int m = 0; m < n; m++) {
            for (int v = 0; v <= m; v++) {
                double j = 0;
                double k = 0;
                int mv = (m * n + v) * n * n;
                for (int l = 0; l < n; l++) {
                    int ml = (m * n + l) * n * n + v * n;
                    for (int s = 0; s < n; s++) {
                        j += eri[mv + l * n + s] * total.data[l * n + s];
                        k += eri[ml + s] * spin.data[l * n + s];
                    }
                }
                f.data[m * n + v] += j - k;
                if (v != m) {
                    f.data[v * n + m] += j - k;
                }
            }
        }
        return f;
    }

    private DMatrixRMaj density(DMatrixRMaj c, int occ) {
        DMatrixRMaj d = new DMatrixRMaj(n, n);
        for (int m = 0; m < n; m++) {
            for (int v = 0; v < n; v++) {
                double s = 0;
                for (int i = 0; i < occ; i++) {
                    s += c.get(m, i) * c.get(v, i);
                }
                d.set(m, v, s);
            }
        }
        return d;
    }

    /** X^T (F D S - S D F) X, flat. */
    private double[] gradient(DMatrixRMaj f, DMatrixRMaj d) {
        DMatrixRMaj fd = new DMatrixRMaj(n, n);
        CommonOps_DDRM.mult(f, d, fd);
        DMatrixRMaj fds = new DMatrixRMaj(n, n);
        CommonOps_DDRM.mult(fd, overlap, fds);
        DMatrixRMaj comm = new DMatrixRMaj(n, n);
        CommonOps_DDRM.transpose(fds, comm);
        CommonOps_DDRM.subtract(fds, comm, comm);
        DMatrixRMaj t = new DMatrixRMaj(n, n);
        CommonOps_DDRM.multTransA(x, comm, t);
        DMatrixRMaj out = new DMatrixRMaj(n, n);
        CommonOps_DDRM.mult(t, x, out);
        return out.data;
    }

    private record Orbitals(DMatrixRMaj c, double[] e) {
    }

    /** Solves F C = S C e via F' = X^T F X; orbitals sorted by energy. */
    private Orbitals diagonalise(DMatrixRMaj f) {
        DMatrixRMaj t = new DMatrixRMaj(n, n);
        CommonOps_DDRM.multTransA(x, f, t);
        DMatrixRMaj fp = new DMatrixRMaj(n, n);
        CommonOps_DDRM.mult(t, x, fp);
        SymmetricEigen eig = SymmetricEigen.of(fp);
        DMatrixRMaj c = new DMatrixRMaj(n, n);
        CommonOps_DDRM.mult(x, eig.vectors(), c);
        return new Orbitals(c, eig.values());
    }

    private static DMatrixRMaj inverseSqrt(DMatrixRMaj s) {
        SymmetricEigen eig = SymmetricEigen.of(s);
        int n = s.numRows;
        if (eig.values()[0] < 1e-8) {
            throw new ChemistryInputException("the basis is nearly linearly dependent (smallest overlap eigenvalue "
                    + eig.values()[0] + "); are two atoms almost on top of each other?");
        }
        DMatrixRMaj out = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double v = 0;
                for (int k = 0; k < n; k++) {
                    v += eig.vectors().get(i, k) * eig.vectors().get(j, k) / Math.sqrt(eig.values()[k]);
                }
                out.set(i, j, v);
            }
        }
        return out;
    }
}
