package org.nqs4j.ansatz.fermion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.nqs4j.ansatz.Rbm;

/** Jastrow factors and their products with a determinant: ratios and log-derivatives against brute force. */
class SlaterJastrowTest {
    private static final int L = 6;
    private static final int[] PARTICLES = {3, 2};

    /** log J of the charge Jastrow against the double sum Σ_{i≤j} v_ij n_i n_j written out. */
    @Test
    void densityJastrowIsTheDoubleSum() {
        OccupationJastrow j = randomised(OccupationJastrow.densityDensity(L, 2), 1);
        double[] v = new double[j.nParameters()];
        j.getParameters(v);
        int[] n = SlaterDeterminantTest.startState(j, L, PARTICLES, new SplittableRandom(4));
        double expected = 0;
        int p = 0;
        for (int a = 0; a < L; a++) {
            for (int b = a; b < L; b++) {
                expected += v[p++] * (n[a] + n[a + L]) * (n[b] + n[b + L]);
            }
        }
        double[] lp = new double[2];
        j.logPsi(n, lp);
        assertEquals(expected, lp[0], 1e-12);
    }

    @Test
    void slaterJastrowRatiosAndDerivatives() {
        SlaterDeterminant slater = SlaterDeterminant.of(FermionTestSupport.randomOrbitals(9, L, PARTICLES));
        assertRatiosAndDerivatives(FermionProduct.of(randomised(OccupationJastrow.densityDensity(L, 2), 2), slater));
        assertRatiosAndDerivatives(FermionProduct.of(randomised(OccupationJastrow.spinResolved(L, 2), 3), slater));
    }

    @Test
    void neuralJastrowTimesDeterminantRatiosAndDerivatives() {
        Rbm rbm = Rbm.real(2 * L, 1);
        double[] p = new double[rbm.nParameters()];
        SplittableRandom rng = new SplittableRandom(8);
        for (int k = 0; k < p.length; k++) {
            p[k] = 0.3 * (rng.nextDouble() - 0.5);
        }
        rbm.setParameters(p);
        SlaterDeterminant slater = SlaterDeterminant.of(FermionTestSupport.randomOrbitals(10, L, PARTICLES));
        assertRatiosAndDerivatives(FermionProduct.of(RbmJastrow.of(rbm, L, 2), slater));
    }

    /**
     * The symmetric RBM Jastrow on the ring (translations, then the dihedral group): log J equals
     * a Σ_a σ_a + Σ_f Σ_g log cosh(b_f + Σ_{r,s} w_f(r, s) σ_{g(r)+Ls}) written out, is the same
     * for n and every translated (reflected) n, and not for a move that is no symmetry.
     */
    @Test
    void symmetricNeuralJastrowIsTheSumOverTheGroupAndInvariant() {
        for (int[][] group : new int[][][] {ringTranslations(), ringDihedral()}) {
            RbmJastrow j = randomised(RbmJastrow.symmetric(group, 2, 2), 5);
            assertEquals(1 + 2 + 2 * 2 * L, j.nParameters(), "P = 1 + α + α·L·S");
            double[] v = new double[j.nParameters()];
            j.getParameters(v);
            int[] n = SlaterDeterminantTest.startState(j, L, PARTICLES, new SplittableRandom(6));
            double expected = 0;
            for (int a = 0; a < 2 * L; a++) {
                expected += v[0] * (2 * n[a] - 1);
            }
            for (int f = 0; f < 2; f++) {
                for (int[] g : group) {
                    double theta = v[1 + f];
                    for (int s = 0; s < 2; s++) {
                        for (int r = 0; r < L; r++) {
                            theta += v[3 + f * 2 * L + r + s * L] * (2 * n[g[r] + s * L] - 1);
                        }
                    }
                    expected += Math.log(Math.cosh(theta));
                }
            }
            double[] lp = new double[2];
            j.logPsi(n, lp);
            assertEquals(expected, lp[0], 1e-12);
            double[] moved = new double[2];
            for (int[] g : group) {
                int[] gn = new int[2 * L];
                for (int s = 0; s < 2; s++) {
                    for (int r = 0; r < L; r++) {
                        gn[g[r] + s * L] = n[r + s * L];
                    }
                }
                j.logPsi(gn, moved);
                assertEquals(lp[0], moved[0], 1e-12, "J(g n) = J(n)");
            }
            int[] swapped = n.clone(); // exchange an occupied and an empty ↑ site: no symmetry of n
            int from = SlaterDeterminantTest.randomSite(n, 0, L, 1, new SplittableRandom(7));
            int to = SlaterDeterminantTest.randomSite(n, 0, L, 0, new SplittableRandom(7));
            swapped[from] = 0;
            swapped[to] = 1;
            j.logPsi(swapped, moved);
            assertTrue(Math.abs(moved[0] - lp[0]) > 1e-6, "a hop changes J");
        }
    }

    @Test
    void symmetricNeuralJastrowTimesDeterminantRatiosAndDerivatives() {
        SlaterDeterminant slater = SlaterDeterminant.of(FermionTestSupport.randomOrbitals(11, L, PARTICLES));
        assertRatiosAndDerivatives(FermionProduct.of(randomised(RbmJastrow.symmetric(ringTranslations(), 2, 3), 12),
                slater));
        assertRatiosAndDerivatives(FermionProduct.of(randomised(RbmJastrow.symmetric(ringDihedral(), 2, 1), 13),
                slater));
    }

    /** t(r) = r + t mod L. */
    private static int[][] ringTranslations() {
        int[][] g = new int[L][L];
        for (int t = 0; t < L; t++) {
            for (int r = 0; r < L; r++) {
                g[t][r] = (r + t) % L;
            }
        }
        return g;
    }

    /** The translations, then the reflections r ↦ t − r mod L. */
    private static int[][] ringDihedral() {
        int[][] g = new int[2 * L][L];
        for (int t = 0; t < L; t++) {
            for (int r = 0; r < L; r++) {
                g[t][r] = (r + t) % L;
                g[L + t][r] = ((t - r) % L + L) % L;
            }
        }
        return g;
    }

    @Test
    void neuralJastrowRejectsComplexOrMismatchedRbms() {
        assertThrows(IllegalArgumentException.class, () -> RbmJastrow.of(Rbm.complex(2 * L, 1), L, 2), "complex RBM");
        assertThrows(IllegalArgumentException.class, () -> RbmJastrow.of(Rbm.real(L, 1), L, 2), "one unit per site only");
    }

    private static <W extends FermionWaveFunction> W randomised(W j, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] v = new double[j.nParameters()];
        for (int k = 0; k < v.length; k++) {
            v[k] = 0.4 * (rng.nextDouble() - 0.5);
        }
        j.setParameters(v);
        return j;
    }

    /** Ratios and log ψ along a Metropolis walk, then O_k against central differences of log |ψ|. */
    private static void assertRatiosAndDerivatives(FermionWaveFunction wf) {
        SplittableRandom rng = new SplittableRandom(31);
        FermionCache cache = wf.newCache();
        cache.reset(SlaterDeterminantTest.startState(wf, L, PARTICLES, rng));
        FermionTestSupport.assertRatiosAlongWalk(wf, cache, 300, rng);
        double[] o = new double[wf.nParameters()];
        cache.logDerivatives(o, 0);
        SlaterDeterminantTest.assertFiniteDifferences(wf, cache.configuration().clone(), o);
    }
}
