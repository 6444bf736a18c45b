package org.nqs4j.ansatz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JastrowTest {

    private static Jastrow create(boolean complex, int n) {
        return complex ? Jastrow.complex(n) : Jastrow.real(n);
    }

    @Test
    void layoutLengthIsPairsForRealAndTwicePairsForComplex() {
        assertEquals(10, Jastrow.real(5).nParameters());
        assertEquals(10, Jastrow.real(5).parameterArrayLength());
        assertEquals(20, Jastrow.complex(5).parameterArrayLength());
        assertTrue(Jastrow.complex(5).description().contains("P=10"));
    }

    @Test
    void parametersAreOrderedByPairsRowWise() {
        // N = 4: (0,1) (0,2) (0,3) (1,2) (1,3) (2,3) → J₁₃ has index 4
        Jastrow real = Jastrow.real(4);
        double[] p = new double[6];
        p[4] = 0.7;
        real.setParameters(p);
        double[] out = new double[2];
        real.logPsi(new int[] {1, 1, -1, -1}, out);
        assertArrayEquals(new double[] {-0.7, 0.0}, out, 0.0);
        Jastrow complex = Jastrow.complex(4);
        double[] q = new double[12];
        q[9] = 0.4;
        complex.setParameters(q);
        complex.logPsi(new int[] {1, -1, 1, 1}, out);
        assertArrayEquals(new double[] {0.0, -0.4}, out, 0.0);
        double[] back = new double[12];
        complex.getParameters(back);
        assertArrayEquals(q, back, 0.0);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void logRatioEqualsDifferenceOfLogPsiFromScratch(boolean complex) {
        SplittableRandom rnd = new SplittableRandom(complex ? 41 : 42);
        int n = 9;
        Jastrow jastrow = create(complex, n);
        double[] p = Reference.randomParameters(rnd, jastrow.parameterArrayLength(), 0.8);
        jastrow.setParameters(p);
        JastrowCache cache = jastrow.newCache();
        double[] out = new double[2];
        for (int trial = 0; trial < 30; trial++) {
            int[] sigma = Reference.randomConfiguration(rnd, n);
            cache.reset(sigma);
            double[] before = Reference.jastrowLogPsi(p, complex, n, sigma);
            jastrow.logPsi(sigma, out);
            Reference.assertLogEquals(before, out, 1e-13, "log psi");
            for (int count : new int[] {1, 2, 3, n}) {
                int[] sites = Reference.distinctSites(rnd, n, count);
                int[] buffer = new int[count + 1];
                System.arraycopy(sites, 0, buffer, 1, count);
                cache.logRatio(buffer, Reference.flipped(cache, buffer), 1, count, out);
                double[] after = Reference.jastrowLogPsi(p, complex, n,
                        Reference.flipped(sigma, sites));
                assertEquals(after[0] - before[0], out[0], 1e-12, count + " flips (Re)");
                assertEquals(after[1] - before[1], out[1], 1e-12, count + " flips (Im)");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void applyFlipsKeepsCacheEqualToFreshReset(boolean complex) {
        SplittableRandom rnd = new SplittableRandom(complex ? 43 : 44);
        int n = 8;
        Jastrow jastrow = create(complex, n);
        double[] p = Reference.randomParameters(rnd, jastrow.parameterArrayLength(), 0.8);
        jastrow.setParameters(p);
        JastrowCache walked = jastrow.newCache();
        walked.reset(Reference.randomConfiguration(rnd, n));
        for (int move = 0; move < 300; move++) {
            int[] sites = Reference.distinctSites(rnd, n, 1 + rnd.nextInt(4));
            walked.applyMove(sites, Reference.flipped(walked, sites), 0, sites.length);
        }
        JastrowCache fresh = jastrow.newCache();
        fresh.reset(walked.configuration().clone());
        assertArrayEquals(fresh.fieldRe, walked.fieldRe, 1e-12);
        assertArrayEquals(fresh.fieldIm, walked.fieldIm, 1e-12);
        double[] out = new double[2];
        walked.logPsi(out);
        double[] expected = Reference.jastrowLogPsi(p, complex, n, walked.configuration());
        assertArrayEquals(expected, out, 1e-12);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void logDerivativesMatchDifferencesInEveryDirection(boolean complex) {
        SplittableRandom rnd = new SplittableRandom(45);
        int n = 5;
        Jastrow jastrow = create(complex, n);
        double[] p = Reference.randomParameters(rnd, jastrow.parameterArrayLength(), 0.8);
        jastrow.setParameters(p);
        int[] sigma = Reference.randomConfiguration(rnd, n);
        JastrowCache cache = jastrow.newCache();
        cache.reset(sigma);
        double[] o = new double[p.length + 3];
        cache.logDerivatives(o, 3);
        // log ψ is linear in J: the central difference is exact up to rounding ε|log ψ|/h
        double h = 1e-3;
        int stride = complex ? 2 : 1;
        double[] plus = new double[2];
        double[] minus = new double[2];
        for (int k = 0; k < jastrow.nParameters(); k++) {
            for (int part = 0; part < stride; part++) {
                double[] q = p.clone();
                q[stride * k + part] += h;
                jastrow.setParameters(q);
                jastrow.logPsi(sigma, plus);
                q[stride * k + part] -= 2 * h;
                jastrow.setParameters(q);
                jastrow.logPsi(sigma, minus);
                double dRe = (plus[0] - minus[0]) / (2 * h);
                double dIm = (plus[1] - minus[1]) / (2 * h);
                // real step: O = Δ/2h; imaginary step i·h: O = Δ/(2ih) = (ΔIm, −ΔRe)/2h
                assertEquals(part == 0 ? dRe : dIm, o[3 + stride * k], 1e-10, "Re O_" + k);
                if (complex) {
                    assertEquals(part == 0 ? dIm : -dRe, o[3 + stride * k + 1], 1e-10,
                            "Im O_" + k);
                }
            }
        }
    }

    @Test
    void badArgumentsAreRejectedWithClearMessages() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Jastrow.real(1));
        assertTrue(e.getMessage().contains("N >= 2"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Jastrow.complex(0));
        Jastrow jastrow = Jastrow.complex(3);
        assertThrows(IllegalArgumentException.class, () -> jastrow.setParameters(new double[3]));
        double[] inf = new double[6];
        inf[2] = Double.POSITIVE_INFINITY;
        assertThrows(IllegalArgumentException.class, () -> jastrow.setParameters(inf));
        assertThrows(IllegalArgumentException.class, () -> jastrow.logPsi(new int[] {1, 2, 1},
                new double[2]));
        assertThrows(IllegalArgumentException.class,
                () -> jastrow.newCache().reset(new int[] {1, 1}));
    }
}
