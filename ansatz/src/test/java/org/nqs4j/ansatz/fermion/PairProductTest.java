package org.nqs4j.ansatz.fermion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.nqs4j.hamiltonians.fock.FockOperator;
import org.nqs4j.hamiltonians.fock.FockTerm;
import org.nqs4j.hamiltonians.hilbert.FermionHilbert;

class PairProductTest {
    private static final int L = 6;

    /**
     * The sign convention, derived independently: (Σ F_{rr′} c†_{r↑} c†_{r′↓})^N |0⟩ / N! built by
     * applying FockOperator creation operators to the vacuum, amplitude by amplitude against
     * (−1)^{N(N−1)/2} det F[r↑; r↓], for a random F.
     */
    @Test
    void amplitudesEqualThePairedStateBuiltFromCreationOperators() {
        int l = 5;
        int pairs = 3;
        PairProduct pp = randomised(PairProduct.of(FermionTestSupport.randomOrbitals(3, l, pairs, pairs)), 4, 1.0);
        double[] f = new double[pp.nParameters()];
        pp.getParameters(f);
        List<FockTerm> terms = new java.util.ArrayList<>();
        for (int r = 0; r < l; r++) {
            for (int q = 0; q < l; q++) {
                terms.add(FockTerm.of(f[r * l + q], "++", r, q + l));
            }
        }
        FockOperator pair = FockOperator.fermions(2 * l, terms, "pair");
        Map<Long, Double> state = new HashMap<>();
        state.put(0L, 1.0);
        for (int k = 0; k < pairs; k++) {
            state = SlaterDeterminantTest.apply(pair, state, 2 * l);
        }
        double factorial = 6; // 3!
        double constantSign = -1; // (−1)^{3·2/2}
        FermionHilbert hilbert = FermionHilbert.spinful(l, pairs, pairs);
        int[] n = new int[2 * l];
        double norm = 0;
        for (long i = 0; i < hilbert.nStates(); i++) {
            hilbert.state(i, n);
            double expected = constantSign * state.getOrDefault(SlaterDeterminantTest.bits(n), 0.0) / factorial;
            norm += expected * expected;
            assertEquals(expected, FermionTestSupport.psi(pp, n), 1e-11 * (1 + Math.abs(expected)), "n = " + i);
        }
        assertTrue(norm > 1e-3, "the random state is not trivially zero");
    }

    /** F = Φ↑Φ↓ᵀ has the amplitudes of the determinant of Φ, sign included, on every state of the sector. */
    @Test
    void theProductOfOrbitalsIsTheSlaterDeterminant() {
        SpinOrbitals orbitals = FermionTestSupport.randomOrbitals(5, L, 3, 3);
        PairProduct pp = PairProduct.of(orbitals);
        SlaterDeterminant slater = SlaterDeterminant.of(orbitals);
        assertEquals(L * L, pp.nParameters());
        FermionHilbert hilbert = FermionHilbert.spinful(L, 3, 3);
        int[] n = new int[2 * L];
        for (long i = 0; i < hilbert.nStates(); i++) {
            hilbert.state(i, n);
            double expected = FermionTestSupport.psi(slater, n);
            assertEquals(expected, FermionTestSupport.psi(pp, n), 1e-11 * (1 + Math.abs(expected)), "n = " + i);
        }
    }

    /** Single hops of either species and double excitations against fresh amplitudes; O_k against central differences. */
    @Test
    void ratiosAndDerivativesAlongAWalk() {
        PairProduct pp = randomised(PairProduct.of(FermionTestSupport.randomOrbitals(7, L, 3, 3)), 8, 0.3);
        SplittableRandom rng = new SplittableRandom(9);
        FermionCache cache = pp.newCache();
        cache.reset(SlaterDeterminantTest.startState(pp, L, new int[] {3, 3}, rng));
        FermionTestSupport.assertRatiosAlongWalk(pp, cache, 400, rng);
        double[] o = new double[pp.nParameters()];
        cache.logDerivatives(o, 0);
        SlaterDeterminantTest.assertFiniteDifferences(pp, cache.configuration().clone(), o);
    }

    @Test
    void badInputGetsClearErrors() {
        assertThrows(IllegalArgumentException.class, () -> PairProduct.of(FermionTestSupport.randomOrbitals(1, L, 3, 2)),
                "N↑ ≠ N↓");
        assertThrows(IllegalArgumentException.class, () -> PairProduct.of(FermionTestSupport.randomOrbitals(1, L, 3)),
                "one species");
        FermionCache cache = PairProduct.of(FermionTestSupport.randomOrbitals(1, L, 2, 2)).newCache();
        assertThrows(IllegalArgumentException.class, () -> cache.reset(new int[] {1, 1, 1, 0, 0, 0, 1, 1, 0, 0, 0, 0}),
                "three ↑ particles");
    }

    /** F ← F + scale·(uniform − ½), seeded: pairings beyond a single determinant. */
    private static PairProduct randomised(PairProduct pp, long seed, double scale) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] f = new double[pp.nParameters()];
        pp.getParameters(f);
        for (int k = 0; k < f.length; k++) {
            f[k] += scale * (rng.nextDouble() - 0.5);
        }
        pp.setParameters(f);
        return pp;
    }
}
