package org.nqs4j.vmc.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class ChainStatisticsTest {

    /** AR(1) x_{t+1} = φ x_t + √(1−φ²) ξ_t has unit variance and τ = (1+φ)/(1−φ) exactly. */
    private static double[] ar1(double phi, int nChains, int perChain, long seed) {
        UniformRandomProvider rng = RandomSource.XO_SHI_RO_256_PP.create(seed);
        double[] v = new double[nChains * perChain];
        double s = Math.sqrt(1 - phi * phi);
        for (int c = 0; c < nChains; c++) {
            double x = gaussian(rng); // start in the stationary distribution
            for (int t = 0; t < perChain; t++) {
                v[c * perChain + t] = x;
                x = phi * x + s * gaussian(rng);
            }
        }
        return v;
    }

    private static double gaussian(UniformRandomProvider rng) {
        return Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
    }

    @Test
    void autocorrelationTimeOfAnAr1ProcessMatchesTheory() {
        double phi = 0.8; // τ = 9
        Estimate e = ChainStatistics.of(ar1(phi, 16, 20000, 1L), 16, 20000);
        assertEquals(9.0, e.tauCorr(), 9.0 * 0.15);
        assertEquals(1.0, e.variance(), 0.05);
        assertEquals(Math.sqrt(9.0 / (16 * 20000)), e.error(), 0.15 * Math.sqrt(9.0 / (16 * 20000)));
        assertEquals(1.0, e.rHat(), 0.02);
    }

    @Test
    void independentSamplesHaveTauOneAndTheNaiveError() {
        double[] v = ar1(0.0, 8, 50000, 2L);
        Estimate e = ChainStatistics.of(v, 8, 50000);
        double[] chainMean = new double[8];
        for (int c = 0; c < 8; c++) {
            for (int k = 0; k < 50000; k++) {
                chainMean[c] += v[c * 50000 + k] / 50000;
            }
        }
        // the windowed estimate has relative sd ~ √(2·(2W+1)/N) ≈ 0.01 here
        assertEquals(1.0, ChainStatistics.windowedTau(v, 0, 1, 8, 50000, chainMean), 0.05);
        // the reported τ is the larger of that and τ_B ~ χ²₇/7 (99.9 % quantile 3.4)
        assertTrue(e.tauCorr() >= 0.95 && e.tauCorr() < 3.4, "tau " + e.tauCorr());
        assertEquals(Math.sqrt(e.variance() * e.tauCorr() / 400000), e.error(), 1e-12);
    }

    /** Over many repetitions, |mean − 0| / error must behave like a unit normal: ~95 % within 2. */
    @Test
    void errorBarsHaveNominalCoverage() {
        int inside = 0;
        int reps = 400;
        for (int r = 0; r < reps; r++) {
            Estimate e = ChainStatistics.of(ar1(0.5, 16, 64, 100L + r), 16, 64);
            if (Math.abs(e.mean()) < 2 * e.error()) {
                inside++;
            }
        }
        double coverage = (double) inside / reps;
        // binomial sd of the coverage at p = 0.95 is 0.011; the estimator is conservative (max of
        // two τ estimates), so coverage must not fall below 0.95 − 3 sd
        assertTrue(coverage > 0.95 - 3 * 0.011, "coverage " + coverage);
    }

    @Test
    void splitRHatFlagsChainsStuckInDifferentModes() {
        double[] v = ar1(0.3, 4, 1000, 3L);
        for (int k = 0; k < 1000; k++) {
            v[k] += 3.0; // chain 0 sits elsewhere
        }
        Estimate e = ChainStatistics.of(v, 4, 1000);
        assertTrue(e.rHat() > 1.1, "R-hat " + e.rHat());
        // the chain-mean scatter must then dominate the error bar
        assertTrue(e.error() > 0.5, "error " + e.error());
    }

    @Test
    void constantValuesGiveZeroError() {
        Estimate e = ChainStatistics.of(new double[] {-2, -2, -2, -2, -2, -2, -2, -2}, 2, 4);
        assertEquals(-2.0, e.mean());
        assertEquals(0.0, e.error());
        assertEquals(0.0, e.variance());
    }

    @Test
    void stridedReadTakesRealParts() {
        double[] complex = {1, 9, 3, 9, 5, 9, 7, 9};
        Estimate e = ChainStatistics.of(complex, 0, 2, 1, 4);
        assertEquals(4.0, e.mean(), 1e-15);
        assertEquals(20.0 / 3.0, e.variance(), 1e-14);
    }
}
