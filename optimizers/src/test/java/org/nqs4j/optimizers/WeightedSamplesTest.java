package org.nqs4j.optimizers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;

import org.ejml.data.Complex_F64;
import org.ejml.data.ZMatrixRMaj;
import org.ejml.dense.row.CommonOps_ZDRM;
import org.junit.jupiter.api.Test;
import org.nqs4j.optimizers.sr.DiagonalShift;
import org.nqs4j.optimizers.sr.SrSolver;
import org.nqs4j.optimizers.sr.SrSolvers;
import org.nqs4j.optimizers.sr.StochasticReconfiguration;

/**
 * Weighted samples (an exact sum over basis states with probabilities w_s): the centred rows,
 * the force F = Σ_s w_s conj(O_s − Ō)(E_s − Ē) with Ō = Σ w O, Ē = Σ w E, and the SR direction
 * (S + ε) δ = F with S = Σ_s w_s (O_s − Ō)†(O_s − Ō), from every solver, against the same sums
 * written out here with EJML's complex matrices.
 */
class WeightedSamplesTest {
    private static final int N = 9;
    private static final int P = 5;
    private static final double SHIFT = 0.05;

    private final double[] o = new double[2 * N * P];
    private final double[] energies = new double[2 * N];
    private final double[] w = new double[N];

    WeightedSamplesTest() {
        SplittableRandom rnd = new SplittableRandom(21);
        for (int k = 0; k < o.length; k++) {
            o[k] = rnd.nextDouble(-1, 1);
        }
        for (int k = 0; k < energies.length; k++) {
            energies[k] = rnd.nextDouble(-2, 1);
        }
        double z = 0;
        for (int s = 0; s < N; s++) {
            w[s] = s == 4 ? 0 : Math.exp(3 * rnd.nextDouble()); // one weightless slot (a node or padding)
            z += w[s];
        }
        for (int s = 0; s < N; s++) {
            w[s] /= z;
        }
    }

    private LogDerivativeSamples weighted() {
        LogDerivativeSamples samples = new LogDerivativeSamples(N, P, true);
        System.arraycopy(o, 0, samples.rowsToFill(), 0, o.length);
        samples.weigh(w);
        return samples;
    }

    /** Ō, Ē and ΔO written out. */
    private ZMatrixRMaj centred(Complex_F64 meanE) {
        ZMatrixRMaj d = new ZMatrixRMaj(N, P);
        for (int k = 0; k < P; k++) {
            double re = 0;
            double im = 0;
            for (int s = 0; s < N; s++) {
                re += w[s] * o[2 * (s * P + k)];
                im += w[s] * o[2 * (s * P + k) + 1];
            }
            for (int s = 0; s < N; s++) {
                d.set(s, k, o[2 * (s * P + k)] - re, o[2 * (s * P + k) + 1] - im);
            }
        }
        for (int s = 0; s < N; s++) {
            meanE.real += w[s] * energies[2 * s];
            meanE.imaginary += w[s] * energies[2 * s + 1];
        }
        return d;
    }

    private double[] expectedForce() {
        Complex_F64 e = new Complex_F64();
        ZMatrixRMaj d = centred(e);
        double[] f = new double[2 * P];
        for (int k = 0; k < P; k++) {
            for (int s = 0; s < N; s++) {
                double ar = d.getReal(s, k);
                double ai = -d.getImag(s, k); // conj
                double br = energies[2 * s] - e.real;
                double bi = energies[2 * s + 1] - e.imaginary;
                f[2 * k] += w[s] * (ar * br - ai * bi);
                f[2 * k + 1] += w[s] * (ar * bi + ai * br);
            }
        }
        return f;
    }

    @Test
    void forceIsTheWeightedCovariance() {
        LogDerivativeSamples samples = weighted();
        double[] mean = new double[2 * P];
        samples.center(mean);
        double[] f = new double[2 * P];
        Forces.compute(samples, energies, f);
        assertArrayEquals(expectedForce(), f, 1e-14);
    }

    @Test
    void everySolverSolvesTheWeightedMetric() {
        Complex_F64 e = new Complex_F64();
        ZMatrixRMaj d = centred(e);
        ZMatrixRMaj s = new ZMatrixRMaj(P, P);
        for (int a = 0; a < P; a++) {
            for (int b = 0; b < P; b++) {
                double re = 0;
                double im = 0;
                for (int n = 0; n < N; n++) { // S_ab = Σ w conj(ΔO_a) ΔO_b
                    double xr = d.getReal(n, a);
                    double xi = -d.getImag(n, a);
                    re += w[n] * (xr * d.getReal(n, b) - xi * d.getImag(n, b));
                    im += w[n] * (xr * d.getImag(n, b) + xi * d.getReal(n, b));
                }
                s.set(a, b, re + (a == b ? SHIFT : 0), im);
            }
        }
        double[] f = expectedForce();
        ZMatrixRMaj rhs = new ZMatrixRMaj(P, 1, true, f);
        ZMatrixRMaj delta = new ZMatrixRMaj(P, 1);
        CommonOps_ZDRM.solve(s, rhs, delta);
        for (SrSolver solver : new SrSolver[] {SrSolvers.denseCholesky(), SrSolvers.conjugateGradient(1e-12, 200),
                SrSolvers.sampleSpace()}) {
            LogDerivativeSamples samples = weighted();
            samples.center(new double[2 * P]);
            double[] force = new double[2 * P];
            Forces.compute(samples, energies, force);
            double[] direction = new double[2 * P];
            new StochasticReconfiguration(solver, DiagonalShift.absolute(Schedule.constant(SHIFT)))
                    .apply(samples, force, direction, 0);
            assertArrayEquals(delta.data, direction, 1e-9, solver.toString());
        }
    }

    @Test
    void weightsNeedRowsStoredInFull() {
        LogDerivativeSamples factored = RandomRows.factoredRbm(4, 3, 2, true, 1L);
        assertThrows(IllegalStateException.class, () -> factored.weigh(new double[] {0.25, 0.25, 0.25, 0.25}));
        LogDerivativeSamples samples = weighted();
        assertEquals(w, samples.weights());
        samples.rowsToFill();
        assertEquals(null, samples.weights(), "a new fill forgets the weights");
    }
}
