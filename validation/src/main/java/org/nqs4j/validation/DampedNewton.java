package org.nqs4j.validation;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Newton's method for a square system F(x) = 0 with an analytic Jacobian, the step halved until
 * ‖F‖ decreases (a backtracking line search); it stops once ‖F‖ reaches a given rounding floor.
 */
final class DampedNewton {
    private static final int MAX_ITERATIONS = 200;

    /** F and its Jacobian J_ab = ∂F_a/∂x_b. */
    interface Problem {
        /** Fills F(x) and returns ‖F‖₂. */
        double residual(double[] x, double[] f);

        void jacobian(double[] x, DMatrixRMaj jacobian);
    }

    private DampedNewton() {
    }

    /**
     * Solves in place from the initial guess {@code x}; returns the final ‖F‖.
     *
     * @throws IllegalStateException if the Jacobian is singular or the iteration stalls above {@code floor}
     */
    static double solve(Problem system, double[] x, double floor, String what) {
        int n = x.length;
        double[] f = new double[n];
        double[] trial = new double[n];
        double[] trialF = new double[n];
        DMatrixRMaj jacobian = new DMatrixRMaj(n, n);
        DMatrixRMaj rhs = new DMatrixRMaj(n, 1);
        DMatrixRMaj step = new DMatrixRMaj(n, 1);
        double norm = system.residual(x, f);
        for (int it = 1; it <= MAX_ITERATIONS; it++) {
            if (norm <= floor) {
                return norm;
            }
            system.jacobian(x, jacobian);
            for (int a = 0; a < n; a++) {
                rhs.set(a, 0, -f[a]);
            }
            if (!CommonOps_DDRM.solve(jacobian, rhs, step)) {
                throw new IllegalStateException("singular Jacobian of " + what + " at Newton step " + it);
            }
            double t = 1;
            double trialNorm = Double.POSITIVE_INFINITY;
            for (int halving = 0; halving < 40; halving++, t *= 0.5) {
                for (int a = 0; a < n; a++) {
                    trial[a] = x[a] + t * step.get(a, 0);
                }
                trialNorm = system.residual(trial, trialF);
                if (trialNorm < norm) {
                    break;
                }
            }
            if (!(trialNorm < norm)) {
                throw new IllegalStateException(what + " stalled at ‖F‖ = " + norm + " > " + floor);
            }
            System.arraycopy(trial, 0, x, 0, n);
            System.arraycopy(trialF, 0, f, 0, n);
            norm = trialNorm;
        }
        throw new IllegalStateException(what + " did not converge in " + MAX_ITERATIONS + " Newton steps (‖F‖ = "
                + norm + ")");
    }
}
