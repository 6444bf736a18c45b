package org.nqs4j.hamiltonians.hilbert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.nqs4j.hamiltonians.SpinHilbert;

class HilbertTest {

    /** Every vector of {lo..hi}^size, by brute force, filtered by the Hilbert space. */
    private static List<int[]> enumerate(Hilbert h) {
        int[] values = h.localStates();
        List<int[]> all = new ArrayList<>();
        int size = h.size();
        long total = (long) Math.pow(values.length, size);
        for (long code = 0; code < total; code++) {
            int[] x = new int[size];
            long c = code;
            for (int i = 0; i < size; i++) {
                x[i] = values[(int) (c % values.length)];
                c /= values.length;
            }
            if (h.contains(x)) {
                all.add(x);
            }
        }
        return all;
    }

    /** Colex: the last entry most significant. */
    private static final Comparator<int[]> COLEX = (a, b) -> {
        for (int i = a.length - 1; i >= 0; i--) {
            if (a[i] != b[i]) {
                return Integer.compare(a[i], b[i]);
            }
        }
        return 0;
    };

    private static void assertRanksAreColexOrder(Hilbert h) {
        List<int[]> states = enumerate(h);
        states.sort(COLEX);
        assertEquals(states.size(), h.nStates(), h.toString());
        assertEquals(states.size(), h.dimension(), 0, h.toString());
        int[] out = new int[h.size()];
        for (int r = 0; r < states.size(); r++) {
            assertEquals(r, h.index(states.get(r)), h + " rank");
            h.state(r, out);
            assertArrayEquals(states.get(r), out, h + " unrank");
        }
    }

    @Test
    void ranksEnumerateEverySectorInColexOrder() {
        assertRanksAreColexOrder(SpinHilbert.unconstrained(5));
        assertRanksAreColexOrder(SpinHilbert.fixedMagnetization(7, 1));
        assertRanksAreColexOrder(FermionHilbert.spinless(6, 3));
        assertRanksAreColexOrder(FermionHilbert.spinful(4, 2, 1));
        assertRanksAreColexOrder(FermionHilbert.spinful(3, 0, 3));
        assertRanksAreColexOrder(BosonHilbert.fixedNumber(4, 3, 5));
        assertRanksAreColexOrder(BosonHilbert.fixedNumber(5, 2, 4));
        assertRanksAreColexOrder(BosonHilbert.grandCanonical(3, 2));
        assertRanksAreColexOrder(SpinSHilbert.fixedMagnetization(4, 2, 0));
        assertRanksAreColexOrder(SpinSHilbert.fixedMagnetization(3, 3, 1));
        assertRanksAreColexOrder(SpinSHilbert.unconstrained(3, 2));
    }

    @Test
    void spinOneHasThreeLocalStatesAndTheTrinomialSectorSizes() {
        SpinSHilbert h = SpinSHilbert.fixedMagnetization(4, 2, 0);
        assertArrayEquals(new int[] {-2, 0, 2}, h.localStates());
        assertEquals(19, h.nStates(), "central trinomial coefficient of (1+x+x²)^4");
        assertTrue(h.contains(new int[] {2, -2, 0, 0}));
        assertFalse(h.contains(new int[] {1, -1, 0, 0}), "odd 2m for integer spin");
        assertEquals("4 spin-1, Σ2m = 0", h.toString());
        assertThrows(IllegalArgumentException.class, () -> SpinSHilbert.fixedMagnetization(3, 2, 1));
    }

    @Test
    void spinRanksAreThoseOfTheBitPatterns() {
        // rank of the pattern b = Σ_{σ=+1} 2^i among the 3-of-6 patterns: Gosper order 7, 11, 13, 14, 19, ...
        SpinHilbert h = SpinHilbert.fixedMagnetization(6, 0);
        long[] patterns = {7, 11, 13, 14, 19};
        for (int r = 0; r < patterns.length; r++) {
            int[] sigma = new int[6];
            for (int i = 0; i < 6; i++) {
                sigma[i] = ((patterns[r] >> i) & 1) == 1 ? 1 : -1;
            }
            assertEquals(r, h.index(sigma));
        }
    }

    @Test
    void dimensionsAreExactOrRefused() {
        assertEquals(4368L * 4368, FermionHilbert.spinful(16, 5, 5).nStates(), "C(16,5)^2");
        assertEquals(1820L * 1820, FermionHilbert.spinful(16, 4, 4).nStates());
        // bosons: 10 bosons on 10 sites without truncation: C(19, 10) = 92378; with n_max = 2 fewer
        assertEquals(92378, BosonHilbert.fixedNumber(10, 10, 10).nStates());
        assertEquals(8953, BosonHilbert.fixedNumber(10, 2, 10).nStates(), "coefficient of x^10 in (1+x+x²)^10");
        assertThrows(ArithmeticException.class, () -> SpinHilbert.unconstrained(64).nStates());
        assertThrows(ArithmeticException.class, () -> FermionHilbert.spinful(64, 32, 32).nStates());
        double c6432 = 1832624140942590534.0;
        assertEquals(c6432 * c6432, FermionHilbert.spinful(64, 32, 32).dimension(), c6432 * c6432 * 1e-12, "C(64,32)^2");
        assertEquals(Math.pow(2, 64), SpinHilbert.unconstrained(64).dimension());
    }

    @Test
    void randomStatesLieInTheSector() {
        Random rng = new Random(11);
        for (Hilbert h : List.of(SpinHilbert.fixedMagnetization(9, -3), SpinHilbert.unconstrained(4),
                FermionHilbert.spinful(7, 3, 4), FermionHilbert.spinless(5, 5), BosonHilbert.fixedNumber(6, 2, 9),
                BosonHilbert.grandCanonical(4, 3), SpinSHilbert.fixedMagnetization(5, 3, -3),
                SpinSHilbert.unconstrained(3, 2))) {
            int[] x = new int[h.size()];
            for (int k = 0; k < 100; k++) {
                h.randomState(rng, x);
                assertTrue(h.contains(x), h.toString());
            }
        }
    }

    @Test
    void uniformFermionStatesVisitEveryBasisStateEvenly() {
        FermionHilbert h = FermionHilbert.spinful(4, 2, 1); // 6·4 = 24 states
        long[] counts = new long[24];
        Random rng = new Random(5);
        int[] x = new int[8];
        int draws = 48000;
        for (int k = 0; k < draws; k++) {
            h.randomState(rng, x);
            counts[(int) h.index(x)]++;
        }
        for (long c : counts) { // binomial with mean 2000 and σ ≈ 44: 5σ
            assertEquals(2000, c, 220);
        }
    }

    @Test
    void constraintsNameTheirRangeOfEntries() {
        FermionHilbert h = FermionHilbert.spinful(5, 2, 3);
        assertEquals(List.of(new SumConstraint("N↑", 0, 5, 2), new SumConstraint("N↓", 5, 10, 3)), h.constraints());
        assertEquals(7, h.orbital(2, 1));
        assertEquals(List.of(new SumConstraint("N", 0, 4, 3)), BosonHilbert.fixedNumber(4, 2, 3).constraints());
        assertTrue(BosonHilbert.grandCanonical(4, 2).constraints().isEmpty());
        assertFalse(h.contains(new int[] {1, 1, 0, 0, 0, 1, 1, 0, 0, 0}), "N↓ = 2");
        assertFalse(h.contains(new int[] {1, 1, 0, 0, 0, 1, 1, 2, 0, 0}), "occupation 2");
    }

    @Test
    void rejectsImpossibleSectors() {
        assertThrows(IllegalArgumentException.class, () -> FermionHilbert.spinful(3, 4, 0));
        assertThrows(IllegalArgumentException.class, () -> FermionHilbert.spinless(3, -1));
        assertThrows(IllegalArgumentException.class, () -> BosonHilbert.fixedNumber(3, 2, 7));
        assertThrows(IllegalArgumentException.class, () -> BosonHilbert.fixedNumber(3, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> FermionHilbert.spinless(3, 1).index(new int[] {1, 1, 0}));
    }
}
