package org.nqs4j.optimizers.sr;

import java.util.Random;

import org.ejml.data.DMatrixRMaj;
import org.ejml.data.ZMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.CommonOps_ZDRM;
import org.nqs4j.optimizers.LogDerivativeSamples;
import org.nqs4j.optimizers.RandomRows;

/**
 * Independent reference for the SR solvers: S + D by the defining triple loop and an EJML LU
 * solve (a different factorisation), plus the condition-number bound the tolerances derive from.
 */
final class Reference {
    static final double U = 0x1p-53;

    private Reference() {
    }

    /** Centred Gaussian ΔO with column scales 0.5, 1, 2, 4, … so that a relative shift matters. */
    static LogDerivativeSamples randomO(int n, int p, boolean complex, long seed) {
        Random random = new Random(seed);
        LogDerivativeSamples o = new LogDerivativeSamples(n, p, complex);
        int c = complex ? 2 : 1;
        for (int s = 0; s < n; s++) {
            for (int k = 0; k < p; k++) {
                double scale = Math.scalb(0.5, k % 4);
                for (int j = 0; j < c; j++) {
                    o.data()[s * o.rowLength() + c * k + j] = scale * random.nextGaussian();
                }
            }
        }
        o.center(new double[o.rowLength()]);
        return o;
    }

    /**
     * Centred RBM rows O_s = (σ_s, t_s, t_s ⊗ σ_s) with random spins ±1 (biased towards +1) and
     * random t_s around a non-zero mean, so that centring matters; factored rows of the RBM layout
     * (only σ_s and t_s stored).
     */
    static LogDerivativeSamples randomRbmO(int n, int nVisible, int nHidden, boolean complex, long seed) {
        LogDerivativeSamples o = RandomRows.factoredRbm(n, nVisible, nHidden, complex, seed);
        o.center(new double[o.rowLength()]);
        return o;
    }

    /** The same rows without the declared RBM structure (the generic path). */
    static LogDerivativeSamples withoutStructure(LogDerivativeSamples o) {
        LogDerivativeSamples plain = new LogDerivativeSamples(o.nSamples(), o.nParameters(), o.isComplex());
        System.arraycopy(o.data(), 0, plain.data(), 0, o.data().length);
        return plain;
    }

    static double[] randomVector(int len, long seed) {
        Random random = new Random(seed);
        double[] v = new double[len];
        for (int j = 0; j < len; j++) {
            v[j] = random.nextGaussian();
        }
        return v;
    }

    /** (S + D) as interleaved complex P × P (imaginary parts zero for a real ansatz). */
    static double[] shiftedS(LogDerivativeSamples o, double[] d) {
        int n = o.nSamples();
        int p = o.nParameters();
        int row = o.rowLength();
        double[] m = new double[2 * p * p];
        for (int k = 0; k < p; k++) {
            for (int l = 0; l < p; l++) {
                double re = 0;
                double im = 0;
                for (int s = 0; s < n; s++) {
                    double ar = o.isComplex() ? o.data()[s * row + 2 * k] : o.data()[s * row + k];
                    double ai = o.isComplex() ? o.data()[s * row + 2 * k + 1] : 0;
                    double br = o.isComplex() ? o.data()[s * row + 2 * l] : o.data()[s * row + l];
                    double bi = o.isComplex() ? o.data()[s * row + 2 * l + 1] : 0;
                    re += ar * br + ai * bi;
                    im += ar * bi - ai * br;
                }
                m[2 * (k * p + l)] = re / n + (k == l ? d[k] : 0);
                m[2 * (k * p + l) + 1] = im / n;
            }
        }
        return m;
    }

    /** δ from LU of the triple-loop S + D. */
    static double[] solve(LogDerivativeSamples o, double[] force, double[] d) {
        int p = o.nParameters();
        double[] m = shiftedS(o, d);
        if (o.isComplex()) {
            ZMatrixRMaj a = new ZMatrixRMaj(p, p, true, m);
            ZMatrixRMaj b = new ZMatrixRMaj(p, 1, true, force.clone());
            ZMatrixRMaj x = new ZMatrixRMaj(p, 1);
            if (!CommonOps_ZDRM.solve(a, b, x)) {
                throw new AssertionError("reference LU failed");
            }
            return x.data;
        }
        DMatrixRMaj a = new DMatrixRMaj(p, p);
        for (int j = 0; j < p * p; j++) {
            a.data[j] = m[2 * j];
        }
        DMatrixRMaj x = new DMatrixRMaj(p, 1);
        if (!CommonOps_DDRM.solve(a, new DMatrixRMaj(p, 1, true, force.clone()), x)) {
            throw new AssertionError("reference LU failed");
        }
        return x.data;
    }

    /** (S + D) v with the triple-loop S, in the layout of v (interleaved complex, or real). */
    static double[] shiftedSTimes(LogDerivativeSamples o, double[] d, double[] v) {
        double[] m = shiftedS(o, d);
        int p = o.nParameters();
        int c = o.isComplex() ? 2 : 1;
        double[] out = new double[c * p];
        for (int k = 0; k < p; k++) {
            double re = 0;
            double im = 0;
            for (int l = 0; l < p; l++) {
                double mr = m[2 * (k * p + l)];
                double mi = m[2 * (k * p + l) + 1];
                double xr = v[c * l];
                double xi = c == 2 ? v[c * l + 1] : 0;
                re += mr * xr - mi * xi;
                im += mr * xi + mi * xr;
            }
            out[c * k] = re;
            if (c == 2) {
                out[c * k + 1] = im;
            }
        }
        return out;
    }

    /** ‖(S + D)δ − F‖ / ‖F‖ with the triple-loop S. */
    static double relativeResidual(LogDerivativeSamples o, double[] force, double[] d, double[] delta) {
        double[] product = shiftedSTimes(o, d, delta);
        double r2 = 0;
        double f2 = 0;
        for (int i = 0; i < force.length; i++) {
            r2 += (product[i] - force[i]) * (product[i] - force[i]);
            f2 += force[i] * force[i];
        }
        return Math.sqrt(r2 / f2);
    }

    /**
     * κ₂(S + D) ≤ (max Gershgorin row sum) / min d, since S is positive semi-definite so
     * λ_min(S + D) ≥ min_k d_k.
     */
    static double conditionBound(LogDerivativeSamples o, double[] d) {
        double[] m = shiftedS(o, d);
        int p = o.nParameters();
        double max = 0;
        double minShift = Double.POSITIVE_INFINITY;
        for (int k = 0; k < p; k++) {
            double sum = 0;
            for (int l = 0; l < p; l++) {
                sum += Math.hypot(m[2 * (k * p + l)], m[2 * (k * p + l) + 1]);
            }
            max = Math.max(max, sum);
            minShift = Math.min(minShift, d[k]);
        }
        return max / minShift;
    }

    static double relativeDistance(double[] x, double[] y) {
        double diff = 0;
        double norm = 0;
        for (int j = 0; j < y.length; j++) {
            diff += (x[j] - y[j]) * (x[j] - y[j]);
            norm += y[j] * y[j];
        }
        return Math.sqrt(diff / norm);
    }
}
