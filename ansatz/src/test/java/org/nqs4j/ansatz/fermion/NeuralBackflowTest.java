package org.nqs4j.ansatz.fermion;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.nqs4j.hamiltonians.hilbert.FermionHilbert;

class NeuralBackflowTest {
    private static final int L = 5;
    private static final int[] PARTICLES = {2, 3};

    /** With V = 0 the backflow state is the plain determinant of Φ, on every configuration. */
    @Test
    void zeroBackflowIsTheSlaterDeterminant() {
        SpinOrbitals orbitals = FermionTestSupport.randomOrbitals(4, L, PARTICLES);
        NeuralBackflow backflow = NeuralBackflow.of(orbitals, 3);
        assertSameAmplitudes(SlaterDeterminant.of(orbitals), backflow, FermionHilbert.spinful(L, PARTICLES[0], PARTICLES[1]));
    }

    private static void assertSameAmplitudes(FermionWaveFunction expected, FermionWaveFunction actual,
                                             FermionHilbert hilbert) {
        int[] n = new int[2 * L];
        for (long i = 0; i < hilbert.nStates(); i++) {
            hilbert.state(i, n);
            double psi = FermionTestSupport.psi(expected, n);
            assertEquals(psi, FermionTestSupport.psi(actual, n), 1e-12 * (1 + Math.abs(psi)));
        }
    }

    /**
     * Random backflow: the backflow orbitals written out by hand in one configuration, cached
     * ratios against fresh amplitudes along a walk, and O_k against central differences.
     */
    @Test
    void ratiosAndDerivativesWithRandomBackflow() {
        int hidden = 3;
        NeuralBackflow backflow = NeuralBackflow.of(FermionTestSupport.randomOrbitals(6, L, PARTICLES), hidden);
        double[] p = new double[backflow.nParameters()];
        backflow.getParameters(p);
        SplittableRandom rng = new SplittableRandom(12);
        for (int k = L * (PARTICLES[0] + PARTICLES[1]); k < p.length; k++) {
            p[k] = 0.5 * (rng.nextDouble() - 0.5);
        }
        backflow.setParameters(p);

        // ψ for n = (↑ at 0, 3; ↓ at 1, 2, 4) from the formula: φ_k(r) = Φ_rk + Σ_m V_(rk)m tanh(b_m + Σ_a W_ma n_a)
        int[] n = {1, 0, 0, 1, 0, 0, 1, 1, 0, 1};
        int nModes = 2 * L;
        int b = L * 5;
        int w = b + hidden;
        double[] h = hiddenLayer(p, b, hidden, n);
        int v0 = w + hidden * nModes;
        int v1 = v0 + L * 2 * hidden;
        double[][] up = new double[2][2];
        int[] upSites = {0, 3};
        for (int i = 0; i < 2; i++) {
            for (int k = 0; k < 2; k++) {
                int rk = upSites[i] * 2 + k;
                up[i][k] = p[rk];
                for (int m = 0; m < hidden; m++) {
                    up[i][k] += p[v0 + rk * hidden + m] * h[m];
                }
            }
        }
        double[][] dn = new double[3][3];
        int[] dnSites = {1, 2, 4};
        for (int i = 0; i < 3; i++) {
            for (int k = 0; k < 3; k++) {
                int rk = dnSites[i] * 3 + k;
                dn[i][k] = p[L * 2 + rk];
                for (int m = 0; m < hidden; m++) {
                    dn[i][k] += p[v1 + rk * hidden + m] * h[m];
                }
            }
        }
        double detUp = up[0][0] * up[1][1] - up[0][1] * up[1][0];
        double detDn = dn[0][0] * (dn[1][1] * dn[2][2] - dn[1][2] * dn[2][1])
                - dn[0][1] * (dn[1][0] * dn[2][2] - dn[1][2] * dn[2][0])
                + dn[0][2] * (dn[1][0] * dn[2][1] - dn[1][1] * dn[2][0]);
        assertEquals(detUp * detDn, FermionTestSupport.psi(backflow, n), 1e-12 * Math.abs(detUp * detDn));

        FermionCache cache = backflow.newCache();
        cache.reset(n);
        FermionTestSupport.assertRatiosAlongWalk(backflow, cache, 200, rng);
        double[] o = new double[backflow.nParameters()];
        cache.ratio(0, SlaterDeterminantTest.randomSite(cache.configuration(), 0, L, 1, rng),
                SlaterDeterminantTest.randomSite(cache.configuration(), 0, L, 0, rng)); // derivatives after a rejected proposal
        cache.logDerivatives(o, 0);
        SlaterDeterminantTest.assertFiniteDifferences(backflow, cache.configuration().clone(), o);
    }

    /** With V = 0 the pairing backflow is the pair product of F = Φ↑Φ↓ᵀ, on every configuration. */
    @Test
    void zeroPairingBackflowIsThePairProduct() {
        SpinOrbitals orbitals = FermionTestSupport.randomOrbitals(5, L, 2, 2);
        NeuralBackflow backflow = NeuralBackflow.pairing(orbitals, 3);
        assertSameAmplitudes(PairProduct.of(orbitals), backflow, FermionHilbert.spinful(L, 2, 2));
    }

    /**
     * Random pairing backflow: ψ = det[F_{r↑_i r↓_j}(n)] written out by hand in one configuration
     * (2 × 2), cached ratios against fresh amplitudes along a walk, and O_k against central
     * differences.
     */
    @Test
    void pairingRatiosAndDerivativesWithRandomBackflow() {
        int hidden = 3;
        NeuralBackflow backflow = NeuralBackflow.pairing(FermionTestSupport.randomOrbitals(7, L, 2, 2), hidden);
        assertEquals(L * L + hidden + hidden * 2 * L + L * L * hidden, backflow.nParameters());
        double[] p = new double[backflow.nParameters()];
        backflow.getParameters(p);
        SplittableRandom rng = new SplittableRandom(13);
        for (int k = 0; k < p.length; k++) {
            p[k] = k < L * L ? p[k] + 0.3 * (rng.nextDouble() - 0.5) : 0.5 * (rng.nextDouble() - 0.5);
        }
        backflow.setParameters(p);

        // n = (↑ at 1, 4; ↓ at 0, 3): F_rr′(n) = F_rr′ + Σ_m V_(rr′)m tanh(b_m + Σ_a W_ma n_a)
        int[] n = {0, 1, 0, 0, 1, 1, 0, 0, 1, 0};
        int b = L * L;
        int v = b + hidden + hidden * 2 * L;
        double[] h = hiddenLayer(p, b, hidden, n);
        int[] up = {1, 4};
        int[] down = {0, 3};
        double[][] f = new double[2][2];
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                int rr = up[i] * L + down[j];
                f[i][j] = p[rr];
                for (int m = 0; m < hidden; m++) {
                    f[i][j] += p[v + rr * hidden + m] * h[m];
                }
            }
        }
        double det = f[0][0] * f[1][1] - f[0][1] * f[1][0];
        assertEquals(det, FermionTestSupport.psi(backflow, n), 1e-12 * Math.abs(det));

        FermionCache cache = backflow.newCache();
        cache.reset(n);
        FermionTestSupport.assertRatiosAlongWalk(backflow, cache, 200, rng);
        double[] o = new double[backflow.nParameters()];
        cache.ratio(1, SlaterDeterminantTest.randomSite(cache.configuration(), 1, L, 1, rng),
                SlaterDeterminantTest.randomSite(cache.configuration(), 1, L, 0, rng)); // after a rejected proposal
        cache.logDerivatives(o, 0);
        SlaterDeterminantTest.assertFiniteDifferences(backflow, cache.configuration().clone(), o);
    }

    @Test
    void pairingNeedsBalancedSpecies() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> NeuralBackflow.pairing(FermionTestSupport.randomOrbitals(4, L, PARTICLES), 2));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("N↑ = N↓"), e.getMessage());
    }

    /** h_m = tanh(b_m + Σ_a W_ma n_a) with b at {@code offset} and W (M × 2L row-major) after it. */
    private static double[] hiddenLayer(double[] p, int offset, int hidden, int[] n) {
        double[] h = new double[hidden];
        for (int m = 0; m < hidden; m++) {
            double t = p[offset + m];
            for (int a = 0; a < n.length; a++) {
                t += p[offset + hidden + m * n.length + a] * n[a];
            }
            h[m] = Math.tanh(t);
        }
        return h;
    }
}
