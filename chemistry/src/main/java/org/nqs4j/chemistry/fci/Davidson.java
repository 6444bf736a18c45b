package org.nqs4j.chemistry.fci;

import java.util.ArrayList;
import java.util.List;

import org.ejml.data.DMatrixRMaj;
import org.nqs4j.chemistry.scf.SymmetricEigen;

/**
 * Lowest eigenpair of the FCI Hamiltonian by Davidson's method (E.R. Davidson, J. Comput. Phys.
 * 17, 87 (1975)): Rayleigh-Ritz in a growing orthonormal subspace, expanded by the diagonally
 * preconditioned residual t = r / (theta - H_II); the subspace collapses to the current Ritz
 * vector and the newest correction when it reaches {@link Options#maxSubspace()} vectors, so
 * memory is 2 maxSubspace + 3 CI vectors. The start is the determinant of lowest H_II.
 * Converged when |r| &lt; residualTolerance and the Ritz value changed by &lt; energyTolerance.
 */
public final class Davidson {
    public record Options(double energyTolerance, double residualTolerance, int maxSubspace, int maxIterations) {
        public static final Options DEFAULT = new Options(1e-10, 1e-6, 8, 200);
    }

    /** The result; the error of energy is of order residual^2 / gap. */
    public record Result(double energy, double[] vector, int iterations, double residual, boolean converged, double seconds) {
    }

    private Davidson() {
    }

    /** Bytes of CI vectors held at once: maxSubspace basis and sigma vectors, x, Hx, t, the diagonal. */
    public static long memoryBytes(int dimension, Options o) {
        return 8L * dimension * (2L * o.maxSubspace() + 4);
    }

    public static Result lowest(FciHamiltonian h, Options o) {
        long t0 = System.nanoTime();
        int dim = h.dimension();
        double[] d = h.diagonal();
        FciHamiltonian.Workspace w = h.workspace();
        List<double[]> v = new ArrayList<>();
        List<double[]> s = new ArrayList<>();
        int start = 0;
        for (int i = 1; i < dim; i++) {
            if (d[i] < d[start]) {
                start = i;
            }
        }
        double[] t = new double[dim];
        t[start] = 1;
        double theta = Double.NaN;
        double[] x = new double[dim];
        double[] ax = new double[dim];
        double rn = Double.NaN;
        for (int it = 1; it <= o.maxIterations(); it++) {
            if (v.size() == o.maxSubspace()) {
                // collapse: keep the Ritz vector (normalised, its sigma is known) and the new direction
                v.clear();
                s.clear();
                v.add(x.clone());
                s.add(ax.clone());
                if (!orthonormalise(t, v)) {
                    return new Result(theta, x, it, rn, rn < o.residualTolerance(), (System.nanoTime() - t0) * 1e-9);
                }
            }
            double[] st = new double[dim];
            h.apply(t, st, w);
            v.add(t);
            s.add(st);
            int m = v.size();
            DMatrixRMaj g = new DMatrixRMaj(m, m);
            for (int i = 0; i < m; i++) {
                for (int j = 0; j <= i; j++) {
                    double e = dot(v.get(i), s.get(j));
                    g.set(i, j, e);
                    g.set(j, i, e);
                }
            }
            SymmetricEigen eig = SymmetricEigen.of(g);
            double next = eig.values()[0];
            java.util.Arrays.fill(x, 0);
            java.util.Arrays.fill(ax, 0);
            for (int i = 0; i < m; i++) {
                double y = eig.vectors().get(i, 0);
                axpy(y, v.get(i), x);
                axpy(y, s.get(i), ax);
            }
            t = new double[dim];
            double r2 = 0;
            for (int i = 0; i < dim; i++) {
                double r = ax[i] - next * x[i];
                r2 += r * r;
                double den = next - d[i];
                t[i] = r / (Math.abs(den) < 1e-8 ? Math.copySign(1e-8, den) : den);
            }
            rn = Math.sqrt(r2);
            boolean done = rn < o.residualTolerance() && Math.abs(next - theta) < o.energyTolerance();
            theta = next;
            if (done) {
                return new Result(theta, x, it, rn, true, (System.nanoTime() - t0) * 1e-9);
            }
            if (!orthonormalise(t, v)) {
                // the correction lies in the subspace: the Ritz pair is exact to rounding
                return new Result(theta, x, it, rn, rn < o.residualTolerance(), (System.nanoTime() - t0) * 1e-9);
            }
        }
        return new Result(theta, x, o.maxIterations(), rn, false, (System.nanoTime() - t0) * 1e-9);
    }

    /** Two Gram-Schmidt passes against the basis, then normalisation; false if nothing is left. */
    private static boolean orthonormalise(double[] t, List<double[]> basis) {
        for (int pass = 0; pass < 2; pass++) {
            for (double[] b : basis) {
                axpy(-dot(b, t), b, t);
            }
        }
        double norm = Math.sqrt(dot(t, t));
        if (norm < 1e-10) {
            return false;
        }
        for (int i = 0; i < t.length; i++) {
            t[i] /= norm;
        }
        return true;
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static void axpy(double a, double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] += a * x[i];
        }
    }
}
