package org.nqs4j.ansatz.fermion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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

    @Test
    void neuralJastrowRejectsComplexOrMismatchedRbms() {
        assertThrows(IllegalArgumentException.class, () -> RbmJastrow.of(Rbm.complex(2 * L, 1), L, 2), "complex RBM");
        assertThrows(IllegalArgumentException.class, () -> RbmJastrow.of(Rbm.real(L, 1), L, 2), "one unit per site only");
    }

    private static OccupationJastrow randomised(OccupationJastrow j, long seed) {
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
