package org.nqs4j.ansatz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RbmTest {
    private static final double LN2 = Math.log(2.0);

    private static Rbm create(boolean complex, int n, int alpha) {
        return complex ? Rbm.complex(n, alpha) : Rbm.real(n, alpha);
    }

    @Test
    void layoutLengthIsPForRealAnd2PForComplex() {
        Rbm real = Rbm.real(4, 2);
        assertEquals(8, real.nHidden());
        assertEquals(4 + 8 + 32, real.nParameters());
        assertEquals(44, real.parameterArrayLength());
        Rbm complex = Rbm.complex(4, 2);
        assertEquals(44, complex.nParameters());
        assertEquals(88, complex.parameterArrayLength());
        Rbm direct = Rbm.complexWithHiddenUnits(3, 5);
        assertEquals(5, direct.nHidden());
        assertEquals(3 + 5 + 15, direct.nParameters());
        assertTrue(direct.description().contains("P=23"), direct.description());
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void logDerivativeRowHasTheDeclaredProductForm(boolean complex) {
        // N = 5, M = 3: the row is (σ, t, t ⊗ σ) with W_ji at N + M + j·N + i, exactly (σ = ±1)
        Rbm rbm = complex ? Rbm.complexWithHiddenUnits(5, 3) : Rbm.realWithHiddenUnits(5, 3);
        OuterProductJacobian layout = rbm.outerProductJacobian().orElseThrow();
        assertEquals(new OuterProductJacobian(5, 3), layout);
        assertEquals(rbm.nParameters(), layout.nParameters());
        SplittableRandom rnd = new SplittableRandom(7);
        rbm.setParameters(Reference.randomParameters(rnd, rbm.parameterArrayLength(), 0.5));
        int[] sigma = Reference.randomConfiguration(rnd, 5);
        RbmCache cache = rbm.newCache();
        cache.reset(sigma);
        int c = complex ? 2 : 1;
        double[] o = new double[rbm.parameterArrayLength()];
        cache.logDerivatives(o, 0);
        for (int i = 0; i < 5; i++) {
            assertEquals(sigma[i], o[c * i], 0.0);
        }
        for (int j = 0; j < 3; j++) {
            for (int i = 0; i < 5; i++) {
                for (int part = 0; part < c; part++) {
                    assertEquals(sigma[i] * o[c * (5 + j) + part], o[c * (8 + j * 5 + i) + part], 0.0);
                }
            }
        }
        assertThrows(IllegalArgumentException.class, () -> new OuterProductJacobian(0, 3));
        assertTrue(Jastrow.complex(4).outerProductJacobian().isEmpty());
    }

    @Test
    void parameterOrderIsVisibleBiasHiddenBiasThenWeightsRowByHiddenUnit() {
        // N = 3, M = 2: a₁ at 1, b₁ at N + 1 = 4, W₁₂ (j = 1, i = 2) at N + M + 1·N + 2 = 10
        Rbm real = Rbm.realWithHiddenUnits(3, 2);
        double[] p = new double[real.parameterArrayLength()];
        p[1] = 0.2;
        p[4] = 0.3;
        p[10] = 0.7;
        real.setParameters(p);
        double[] out = new double[2];
        real.logPsi(new int[] {1, -1, -1}, out);
        // −0.2 + log cosh θ₀ + log cosh θ₁ with θ₀ = 0, θ₁ = 0.3 − 0.7
        assertEquals(-0.2 + Math.log(Math.cosh(-0.4)), out[0], 1e-15);
        assertEquals(0.0, out[1], 0.0);
        double[] back = new double[p.length];
        real.getParameters(back);
        assertArrayEquals(p, back, 0.0);

        // complex: Im W₁₂ = 0.5 at 2·10 + 1 → θ₁ = 0.5iσ₂, log cosh(0.5i) = log cos 0.5
        Rbm complex = Rbm.complexWithHiddenUnits(3, 2);
        double[] q = new double[complex.parameterArrayLength()];
        q[21] = 0.5;
        complex.setParameters(q);
        complex.logPsi(new int[] {1, 1, -1}, out);
        assertEquals(Math.log(Math.cos(0.5)), out[0], 1e-15);
        assertEquals(0.0, Reference.wrap(out[1]), 1e-15);
        double[] qBack = new double[q.length];
        complex.getParameters(qBack);
        assertArrayEquals(q, qBack, 0.0);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void logPsiMatchesTextbookFormula(boolean complex) {
        SplittableRandom rnd = new SplittableRandom(11);
        Rbm rbm = create(complex, 7, 3);
        double[] p = Reference.randomParameters(rnd, rbm.parameterArrayLength(), 0.5);
        rbm.setParameters(p);
        double[] out = new double[2];
        for (int trial = 0; trial < 10; trial++) {
            int[] sigma = Reference.randomConfiguration(rnd, 7);
            rbm.logPsi(sigma, out);
            Reference.assertLogEquals(Reference.rbmLogPsi(p, complex, 7, 21, sigma), out, 1e-12,
                    "log psi");
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void logRatioEqualsDifferenceOfLogPsiFromScratch(boolean complex) {
        SplittableRandom rnd = new SplittableRandom(complex ? 5 : 6);
        int n = 10;
        int m = 20;
        Rbm rbm = create(complex, n, 2);
        RbmCache cache = rbm.newCache();
        double[] out = new double[2];
        // small, typical and large weights (the last drive the ratio products into their guard)
        for (double scale : new double[] {0.05, 0.5, 2.0}) {
            double[] p = Reference.randomParameters(rnd, rbm.parameterArrayLength(), scale);
            rbm.setParameters(p);
            for (int trial = 0; trial < 20; trial++) {
                int[] sigma = Reference.randomConfiguration(rnd, n);
                cache.reset(sigma);
                double[] before = Reference.rbmLogPsi(p, complex, n, m, sigma);
                for (int count : new int[] {1, 2, 3, n}) {
                    int[] sites = Reference.distinctSites(rnd, n, count);
                    // place the sites at an offset inside a larger buffer
                    int[] buffer = new int[count + 3];
                    System.arraycopy(sites, 0, buffer, 2, count);
                    cache.logRatio(buffer, Reference.flipped(cache, buffer), 2, count, out);
                    double[] after = Reference.rbmLogPsi(p, complex, n, m,
                            Reference.flipped(sigma, sites));
                    Reference.assertLogEquals(new double[] {after[0] - before[0],
                        after[1] - before[1]}, out, 1e-10,
                        "ratio for " + count + " flips at scale " + scale);
                }
                cache.logRatio(new int[0], Reference.flipped(cache, new int[0]), 0, 0, out);
                assertArrayEquals(new double[] {0.0, 0.0}, out, 0.0);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void ratioIsExpOfLogPsiDifferenceFromScratch(boolean complex) {
        SplittableRandom rnd = new SplittableRandom(complex ? 15 : 16);
        int n = 10;
        int m = 20;
        Rbm rbm = create(complex, n, 2);
        RbmCache cache = rbm.newCache();
        double[] out = new double[2];
        for (double scale : new double[] {0.05, 0.5, 2.0}) {
            double[] p = Reference.randomParameters(rnd, rbm.parameterArrayLength(), scale);
            rbm.setParameters(p);
            for (int trial = 0; trial < 20; trial++) {
                int[] sigma = Reference.randomConfiguration(rnd, n);
                cache.reset(sigma);
                double[] before = Reference.rbmLogPsi(p, complex, n, m, sigma);
                for (int count : new int[] {0, 1, 2, 3}) {
                    int[] sites = Reference.distinctSites(rnd, n, count);
                    cache.ratio(sites, Reference.flipped(cache, sites), 0, count, out);
                    double[] after = Reference.rbmLogPsi(p, complex, n, m,
                            Reference.flipped(sigma, sites));
                    double modulus = Math.exp(after[0] - before[0]);
                    double phase = after[1] - before[1];
                    // log ratios agree to 1e-10 (test above), so the ratios to 1e-10 relative
                    double tol = 1e-10 * modulus;
                    assertEquals(modulus * Math.cos(phase), out[0], tol, count + " flips (Re)");
                    assertEquals(modulus * Math.sin(phase), out[1], tol, count + " flips (Im)");
                }
            }
        }
    }

    /**
     * The pair tables e^{±2(W_lo − W_hi)}, built as products of the weight tables, equal the
     * exponential of the difference to 1e-13 relative, also where some weights are huge (|Re W| =
     * 200, 400: products of e^{±2W} would overflow or underflow there, so the difference is used);
     * so do the update tables tanh 2(W_lo − W_hi) and 1 ± tanh 2(W_lo − W_hi) built from them.
     */
    @Test
    void pairTablesAreTheExponentialsOfTheDifferences() {
        SplittableRandom rnd = new SplittableRandom(65);
        int n = 6;
        int m = 6;
        Rbm rbm = Rbm.complex(n, 1);
        int[][] bonds = new int[n][];
        for (int i = 0; i < n; i++) {
            bonds[i] = new int[] {i, (i + 1) % n};
        }
        rbm.tabulateExchanges(bonds);
        double[] p = Reference.randomParameters(rnd, rbm.parameterArrayLength(), 1.5);
        int w = n + m;
        p[2 * (w + 2 * n + 3)] = 200.0;   // W_{2,3}
        p[2 * (w + 2 * n + 4)] = 199.0;   // W_{2,4}: the pair (3, 4) of unit 2 has a moderate difference
        p[2 * (w + 4 * n + 1)] = -400.0;  // W_{4,1}
        rbm.setParameters(p);
        for (int[] bond : bonds) {
            int lo = Math.min(bond[0], bond[1]);
            int hi = Math.max(bond[0], bond[1]);
            int b = rbm.pairIndex(lo, hi);
            for (int j = 0; j < m; j++) {
                double dRe = p[2 * (w + j * n + lo)] - p[2 * (w + j * n + hi)];
                double dIm = p[2 * (w + j * n + lo) + 1] - p[2 * (w + j * n + hi) + 1];
                for (int sign = 1; sign >= -1; sign -= 2) {
                    double modulus = Math.exp(2 * sign * dRe);
                    double re = modulus * Math.cos(2 * sign * dIm);
                    double im = modulus * Math.sin(2 * sign * dIm);
                    double[] tableRe = sign == 1 ? rbm.pairExpRe : rbm.pairExpMinusRe;
                    double[] tableIm = sign == 1 ? rbm.pairExpIm : rbm.pairExpMinusIm;
                    String at = "pair (" + lo + ", " + hi + "), unit " + j + ", sign " + sign;
                    assertEquals(re, tableRe[b * m + j], 1e-13 * modulus, at);
                    assertEquals(im, tableIm[b * m + j], 1e-13 * modulus, at);
                }
                assertUpdateTables(rbm, b * m + j, 2 * dRe, 2 * dIm, "pair (" + lo + ", " + hi + "), unit " + j);
            }
        }
    }

    /**
     * The update tables of a pair at k: tanh z and 1 ± tanh z, z = x + iy = 2(W_lo − W_hi), against
     * tanh z = (sinh 2x + i sin 2y)/(cosh 2x + cos 2y); where that overflows (|x| ≳ 177) the tables are
     * not finite either, and the update recomputes the unit from θ.
     */
    private static void assertUpdateTables(Rbm rbm, int k, double x, double y, String at) {
        double den = Math.cosh(2 * x) + Math.cos(2 * y);
        double tr = Math.sinh(2 * x) / den;
        double ti = Math.sin(2 * y) / den;
        if (!Double.isFinite(tr)) {
            assertFalse(Double.isFinite(rbm.pairOnePlusTanhRe[k]) && Double.isFinite(rbm.pairOneMinusTanhRe[k]), at);
            return;
        }
        // a few ulp of e^{±z}, amplified by |tanh z|² at most
        double tol = 1e-13 * (1 + tr * tr + ti * ti);
        assertEquals(tr, rbm.pairTanhRe[k], tol, at);
        assertEquals(ti, rbm.pairTanhIm[k], tol, at);
        assertEquals(1 + tr, rbm.pairOnePlusTanhRe[k], tol, at);
        assertEquals(ti, rbm.pairOnePlusTanhIm[k], tol, at);
        assertEquals(1 - tr, rbm.pairOneMinusTanhRe[k], tol, at);
        assertEquals(-ti, rbm.pairOneMinusTanhIm[k], tol, at);
    }

    /**
     * Exchanges of tabulated pairs (a ring's bonds, listed in both orders and twice) take the
     * one-flip product over e^{±2(W_lo − W_hi)}; their ratios equal the log ψ differences from
     * scratch, on both kernel sets, before and after new parameters rebuild the tables.
     */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void tabulatedExchangesMatchLogPsiFromScratch(boolean complex) {
        SplittableRandom rnd = new SplittableRandom(complex ? 61 : 62);
        int n = 10;
        int m = 20;
        Rbm rbm = create(complex, n, 2);
        int[][] pairs = new int[2 * n][];
        for (int i = 0; i < n; i++) {
            pairs[i] = new int[] {i, (i + 1) % n};
            pairs[n + i] = new int[] {(i + 1) % n, i};
        }
        rbm.tabulateExchanges(pairs);
        assertEquals(-1, rbm.pairIndex(0, 5), "not a bond");
        assertTrue(rbm.pairIndex(3, 4) >= 0 && rbm.pairIndex(3, 4) == rbm.pairIndex(4, 3));
        double[] out = new double[2];
        for (double scale : new double[] {0.05, 0.5, 2.0}) {
            double[] p = Reference.randomParameters(rnd, rbm.parameterArrayLength(), scale);
            rbm.setParameters(p);
            for (RbmCache cache : new RbmCache[] {rbm.newCache(), rbm.newReferenceCache()}) {
                for (int trial = 0; trial < 10; trial++) {
                    int[] sigma = Reference.randomConfiguration(rnd, n);
                    cache.reset(sigma);
                    double[] before = Reference.rbmLogPsi(p, complex, n, m, sigma);
                    for (int i = 0; i < n; i++) {
                        int[] sites = {(i + 1) % n, i};
                        double[] after = Reference.rbmLogPsi(p, complex, n, m, Reference.flipped(sigma, sites));
                        double[] expected = {after[0] - before[0], after[1] - before[1]};
                        cache.logRatio(sites, Reference.flipped(cache, sites), 0, 2, out);
                        Reference.assertLogEquals(expected, out, 1e-10, "bond " + i + " at scale " + scale);
                        cache.ratio(sites, Reference.flipped(cache, sites), 0, 2, out);
                        double modulus = Math.exp(expected[0]);
                        assertEquals(modulus * Math.cos(expected[1]), out[0], 1e-10 * modulus, "ratio (Re)");
                        assertEquals(modulus * Math.sin(expected[1]), out[1], 1e-10 * modulus, "ratio (Im)");
                    }
                }
            }
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> rbm.tabulateExchanges(new int[][] {{2, 2}}));
        assertTrue(e.getMessage().contains("two distinct sites"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void referenceCacheAgreesWithVectorCacheAlongAWalk(boolean complex) {
        // M = 39 is not a multiple of any vector length: the scalar tails are exercised too
        SplittableRandom rnd = new SplittableRandom(complex ? 31 : 32);
        int n = 13;
        Rbm rbm = create(complex, n, 3);
        rbm.setParameters(Reference.randomParameters(rnd, rbm.parameterArrayLength(), 0.4));
        RbmCache vector = rbm.newCache();
        RbmCache scalar = rbm.newReferenceCache();
        int[] start = Reference.randomConfiguration(rnd, n);
        vector.reset(start);
        scalar.reset(start);
        double[] v = new double[2];
        double[] s = new double[2];
        for (int move = 0; move < 200; move++) {
            int[] sites = Reference.distinctSites(rnd, n, 1 + rnd.nextInt(2));
            vector.ratio(sites, Reference.flipped(vector, sites), 0, sites.length, v);
            scalar.ratio(sites, Reference.flipped(scalar, sites), 0, sites.length, s);
            double size = Math.hypot(s[0], s[1]);
            assertEquals(s[0], v[0], 1e-12 * size, "ratio (Re), move " + move);
            assertEquals(s[1], v[1], 1e-12 * size, "ratio (Im), move " + move);
            vector.logRatio(sites, Reference.flipped(vector, sites), 0, sites.length, v);
            scalar.logRatio(sites, Reference.flipped(scalar, sites), 0, sites.length, s);
            Reference.assertLogEquals(s, v, 1e-12, "log ratio, move " + move);
            vector.applyMove(sites, Reference.flipped(vector, sites), 0, sites.length);
            scalar.applyMove(sites, Reference.flipped(scalar, sites), 0, sites.length);
        }
        assertArrayEquals(scalar.configuration(), vector.configuration());
        assertArrayEquals(scalar.tanhRe, vector.tanhRe, 1e-13);
        assertArrayEquals(scalar.tanhIm, vector.tanhIm, 1e-13);
        double[] dVector = new double[rbm.parameterArrayLength()];
        double[] dScalar = new double[rbm.parameterArrayLength()];
        vector.logDerivatives(dVector, 0);
        scalar.logDerivatives(dScalar, 0);
        assertArrayEquals(dScalar, dVector, 1e-13);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void applyFlipsKeepsCacheEqualToFreshReset(boolean complex) {
        SplittableRandom rnd = new SplittableRandom(complex ? 21 : 22);
        int n = 9;
        Rbm rbm = create(complex, n, 2);
        double[] p = Reference.randomParameters(rnd, rbm.parameterArrayLength(), 0.6);
        rbm.setParameters(p);
        RbmCache walked = rbm.newCache();
        walked.reset(Reference.randomConfiguration(rnd, n));
        for (int move = 0; move < 300; move++) {
            int[] sites = Reference.distinctSites(rnd, n, 1 + rnd.nextInt(4));
            walked.applyMove(sites, Reference.flipped(walked, sites), 0, sites.length);
        }
        RbmCache fresh = rbm.newCache();
        fresh.reset(walked.configuration().clone());
        // 300 updates of θ accumulate at most ~300·4·ε·|W| ≈ 1e-13 of rounding
        assertArrayEquals(fresh.thetaRe, walked.thetaRe, 1e-12);
        assertArrayEquals(fresh.thetaIm, walked.thetaIm, 1e-12);
        assertArrayEquals(fresh.tanhRe, walked.tanhRe, 1e-12);
        assertArrayEquals(fresh.tanhIm, walked.tanhIm, 1e-12);
        double[] walkedLog = new double[2];
        walked.logPsi(walkedLog);
        Reference.assertLogEquals(Reference.rbmLogPsi(p, complex, n, 2 * n, walked.configuration()),
                walkedLog, 1e-11, "log psi after walk");
        double[] dWalked = new double[rbm.parameterArrayLength()];
        double[] dFresh = new double[rbm.parameterArrayLength()];
        walked.logDerivatives(dWalked, 0);
        fresh.logDerivatives(dFresh, 0);
        assertArrayEquals(dFresh, dWalked, 1e-12);
    }

    /**
     * Accepted exchanges of tabulated pairs are applied in one step over the pair's tables
     * (tanh 2(W_lo − W_hi), 1 ± tanh 2(W_lo − W_hi)): along 400 exchanges on fresh, trained-like and
     * saturated RBMs (weights up to ~3, units at |θ| ≈ 10) θ, tanh θ and log ψ stay at their values from
     * scratch, on both kernel sets. Each step rounds c to a few ε·|1 + t u|⁻¹-amplified ulp and c is
     * recomputed from θ where it could lose more, so 400 steps stay below 1e-12 (θ: 800 additions of
     * |2W| ≤ 6, ≤ 800·6·ε ≈ 1e-12).
     */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void tabulatedExchangesKeepCacheEqualToFreshReset(boolean complex) {
        SplittableRandom rnd = new SplittableRandom(complex ? 71 : 72);
        int n = 10;
        int m = 20;
        Rbm rbm = create(complex, n, 2);
        int[][] bonds = new int[n][];
        for (int i = 0; i < n; i++) {
            bonds[i] = new int[] {i, (i + 1) % n};
        }
        rbm.tabulateExchanges(bonds);
        for (double scale : new double[] {0.01, 0.6, 3.0}) {
            double[] p = Reference.randomParameters(rnd, rbm.parameterArrayLength(), scale);
            rbm.setParameters(p);
            for (RbmCache walked : new RbmCache[] {rbm.newCache(), rbm.newReferenceCache()}) {
                walked.reset(Reference.randomConfiguration(rnd, n));
                int exchanges = 0;
                while (exchanges < 400) {
                    int i = rnd.nextInt(n);
                    int[] sites = rnd.nextBoolean() ? new int[] {i, (i + 1) % n} : new int[] {(i + 1) % n, i};
                    if (walked.configuration()[sites[0]] != walked.configuration()[sites[1]]) {
                        walked.applyMove(sites, Reference.flipped(walked, sites), 0, 2);
                        exchanges++;
                    }
                }
                RbmCache fresh = rbm.newCache();
                fresh.reset(walked.configuration().clone());
                String at = "scale " + scale;
                assertArrayEquals(fresh.thetaRe, walked.thetaRe, 1e-12, at);
                assertArrayEquals(fresh.thetaIm, walked.thetaIm, 1e-12, at);
                assertArrayEquals(fresh.tanhRe, walked.tanhRe, 1e-12, at);
                assertArrayEquals(fresh.tanhIm, walked.tanhIm, 1e-12, at);
                double[] walkedLog = new double[2];
                walked.logPsi(walkedLog);
                Reference.assertLogEquals(Reference.rbmLogPsi(p, complex, n, m, walked.configuration()), walkedLog,
                        1e-11, "log psi after the walk, " + at);
            }
        }
    }

    /**
     * {@link RbmCache#ratios} gives the same bits as {@link RbmCache#ratio} move by move: bond exchanges
     * (tabulated, paired side by side), flips, an exchange of an untabulated pair, two parallel spins, three
     * flips and the empty move, on fresh, trained-like and saturated RBMs (the exact test, refusals and the
     * log-cosh path), with and without a scalar tail (M = 20, 39), on both kernel sets, real and complex.
     */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void batchedRatiosAreTheSameBitsAsOneAtATime(boolean complex) {
        SplittableRandom rnd = new SplittableRandom(complex ? 81 : 82);
        for (int n : new int[] {10, 13}) {
            int alpha = n == 10 ? 2 : 3;
            Rbm rbm = create(complex, n, alpha);
            int[][] bonds = new int[n][];
            for (int i = 0; i < n; i++) {
                bonds[i] = new int[] {i, (i + 1) % n};
            }
            rbm.tabulateExchanges(bonds);
            for (double scale : new double[] {0.01, 0.6, 3.0}) {
                rbm.setParameters(Reference.randomParameters(rnd, rbm.parameterArrayLength(), scale));
                for (RbmCache cache : new RbmCache[] {rbm.newCache(), rbm.newReferenceCache()}) {
                    cache.reset(Reference.randomConfiguration(rnd, n));
                    for (int walk = 0; walk < 30; walk++) {
                        // accepted moves first: the vector products then take the sufficient trust test
                        int[] sites = Reference.distinctSites(rnd, n, 1 + rnd.nextInt(2));
                        cache.applyMove(sites, Reference.flipped(cache, sites), 0, sites.length);
                        assertBatchEqualsOneByOne(cache, n, rnd, "n = " + n + ", scale " + scale + ", walk " + walk);
                    }
                }
            }
        }
    }

    private static void assertBatchEqualsOneByOne(RbmCache cache, int n, SplittableRandom rnd, String at) {
        int[] sigma = cache.configuration();
        int[] sites = new int[4 * n + 8];
        int[] offsets = new int[2 * n + 6];
        int[] counts = new int[offsets.length];
        int moves = 0;
        int used = 0;
        for (int i = 0; i < n; i++) {
            int[][] candidates = {{i, (i + 1) % n}, {i}};
            for (int[] move : candidates) {
                offsets[moves] = used;
                counts[moves++] = move.length;
                for (int site : move) {
                    sites[used++] = site;
                }
            }
        }
        for (int[] move : new int[][] {{0, n / 2}, {1, 4, 7}, {}, Reference.distinctSites(rnd, n, 2)}) {
            offsets[moves] = used;
            counts[moves++] = move.length;
            for (int site : move) {
                sites[used++] = site;
            }
        }
        int[] values = new int[used];
        for (int f = 0; f < used; f++) {
            values[f] = -sigma[sites[f]];
        }
        double[] batch = new double[2 * moves];
        cache.ratios(sites, values, offsets, counts, moves, batch);
        double[] one = new double[2];
        for (int k = 0; k < moves; k++) {
            cache.ratio(sites, values, offsets[k], counts[k], one);
            assertEquals(Double.doubleToRawLongBits(one[0]), Double.doubleToRawLongBits(batch[2 * k]),
                    "move " + k + " (Re), " + at);
            assertEquals(Double.doubleToRawLongBits(one[1]), Double.doubleToRawLongBits(batch[2 * k + 1]),
                    "move " + k + " (Im), " + at);
        }
    }

    @Test
    void realLogDerivativesMatchCentralDifferences() {
        SplittableRandom rnd = new SplittableRandom(31);
        Rbm rbm = Rbm.real(4, 2);
        Reference.assertLogDerivativesMatchDifferences(rbm,
                Reference.randomParameters(rnd, rbm.parameterArrayLength(), 0.5), Reference.randomConfiguration(rnd, 4));
    }

    @Test
    void complexLogDerivativesAreHolomorphicDerivatives() {
        SplittableRandom rnd = new SplittableRandom(32);
        Rbm rbm = Rbm.complex(4, 2);
        Reference.assertLogDerivativesMatchDifferences(rbm,
                Reference.randomParameters(rnd, rbm.parameterArrayLength(), 0.5), Reference.randomConfiguration(rnd, 4));
    }

    @Test
    void ratioIsExactWhenTheProductOfFactorsOverflows() {
        // N = 1, M = 100, a = 0.3, bⱼ = −5, Wⱼ = 5: θ = 0 at σ = +1, θ' = −10 after the flip;
        // Π cosh 10 ≈ 1e403 overflows, the exact log ratio is −2a + 100 log cosh 10
        Rbm rbm = Rbm.realWithHiddenUnits(1, 100);
        double[] p = new double[rbm.parameterArrayLength()];
        p[0] = 0.3;
        java.util.Arrays.fill(p, 1, 101, -5.0);
        java.util.Arrays.fill(p, 101, 201, 5.0);
        rbm.setParameters(p);
        WalkerCache cache = rbm.newCache();
        cache.reset(new int[] {1});
        double[] out = new double[2];
        cache.logRatio(new int[] {0}, Reference.flipped(cache, new int[] {0}), 0, 1, out);
        assertEquals(-0.6 + 100 * (10.0 - LN2 + Math.log1p(Math.exp(-20.0))), out[0], 1e-11);
        assertEquals(0.0, out[1], 0.0);
    }

    @Test
    void ratioIsExactWhenTwoFlipProductOverflows() {
        // N = 2, M = 100, bⱼ = −5, Wⱼ₀ = 3, Wⱼ₁ = 2: θ = 0 at σ = (+1, +1), θ' = −10
        Rbm rbm = Rbm.realWithHiddenUnits(2, 100);
        double[] p = new double[rbm.parameterArrayLength()];
        java.util.Arrays.fill(p, 2, 102, -5.0);
        for (int j = 0; j < 100; j++) {
            p[102 + 2 * j] = 3.0;
            p[102 + 2 * j + 1] = 2.0;
        }
        rbm.setParameters(p);
        WalkerCache cache = rbm.newCache();
        cache.reset(new int[] {1, 1});
        double[] out = new double[2];
        cache.logRatio(new int[] {1, 0}, Reference.flipped(cache, new int[] {1, 0}), 0, 2, out);
        assertEquals(100 * (10.0 - LN2 + Math.log1p(Math.exp(-20.0))), out[0], 1e-11);
    }

    @Test
    void ratioIsExactWhenCosh2WOverflows() {
        // N = 1, M = 3, a = 0.3, b = −400, W = 400 + 0.2i: θ = 0.2i, θ' = −800 − 0.2i;
        // cosh 800 overflows the table; log cosh θ' = 800 − ln 2 + 0.2i, log cosh θ = log cos 0.2
        Rbm rbm = Rbm.complexWithHiddenUnits(1, 3);
        double[] p = new double[rbm.parameterArrayLength()];
        p[0] = 0.3;
        for (int j = 0; j < 3; j++) {
            p[2 * (1 + j)] = -400.0;
            p[2 * (4 + j)] = 400.0;
            p[2 * (4 + j) + 1] = 0.2;
        }
        rbm.setParameters(p);
        WalkerCache cache = rbm.newCache();
        cache.reset(new int[] {1});
        double[] out = new double[2];
        cache.logRatio(new int[] {0}, Reference.flipped(cache, new int[] {0}), 0, 1, out);
        assertEquals(-0.6 + 3 * (800.0 - LN2 - Math.log(Math.cos(0.2))), out[0], 1e-10);
        assertEquals(0.0, Reference.wrap(out[1] - 3 * 0.2), 1e-13);
        // the same move applied, then back: log ψ stays finite and exact
        cache.applyMove(new int[] {0}, Reference.flipped(cache, new int[] {0}), 0, 1);
        double[] logPsi = new double[2];
        cache.logPsi(logPsi);
        assertEquals(-0.3 + 3 * (800.0 - LN2), logPsi[0], 1e-10);
    }

    @Test
    void badArgumentsAreRejectedWithClearMessages() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Rbm.real(4, 0));
        assertTrue(e.getMessage().contains("alpha"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Rbm.complex(4, -1));
        e = assertThrows(IllegalArgumentException.class, () -> Rbm.real(0, 1));
        assertTrue(e.getMessage().contains("N"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Rbm.realWithHiddenUnits(3, 0));
        assertThrows(IllegalArgumentException.class, () -> Rbm.complex(1 << 20, 1 << 11));

        Rbm rbm = Rbm.real(3, 1);
        e = assertThrows(IllegalArgumentException.class, () -> rbm.setParameters(new double[5]));
        assertTrue(e.getMessage().contains("15"), e.getMessage());
        double[] nan = new double[rbm.parameterArrayLength()];
        nan[4] = Double.NaN;
        assertThrows(IllegalArgumentException.class, () -> rbm.setParameters(nan));
        assertThrows(IllegalArgumentException.class, () -> rbm.getParameters(new double[3]));
        WalkerCache cache = rbm.newCache();
        assertThrows(IllegalArgumentException.class, () -> cache.reset(new int[] {1, 1}));
        e = assertThrows(IllegalArgumentException.class, () -> cache.reset(new int[] {1, 0, 1}));
        assertTrue(e.getMessage().contains("+1 or -1"), e.getMessage());
    }
}
