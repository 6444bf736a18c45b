package org.nqs4j.ansatz.fermion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nqs4j.hamiltonians.Boundary;
import org.nqs4j.hamiltonians.Lattice;

/** Pairs tied by the lattice translations, and the pair product whose parameters are their classes. */
class PairClassesTest {
    /**
     * n_basis·L classes of L/n_basis pairs each; the Fermi sea of the hopping, with and without antiperiodic twists,
     * is invariant under them (F_{Tr,Tr′} = θθ′F_{rr′}), and a twisted one is not invariant under the untwisted
     * classes (its signs matter).
     */
    @Test
    void theFermiSeaIsInvariantUnderTheTranslationsWithTheTwistsSigns() {
        Lattice triangular = Lattice.triangular(6, 3, Boundary.PERIODIC, 1);
        Lattice kagome = Lattice.kagome(3, 4, Boundary.PERIODIC, 1);
        Lattice square = Lattice.square(4, Boundary.PERIODIC, false);
        for (Lattice lattice : new Lattice[] {triangular, kagome, square}) {
            for (boolean[] twist : new boolean[][] {{false, false}, {true, false}, {true, true}}) {
                int n = lattice.nSites();
                PairClasses classes = PairClasses.translations(lattice, twist);
                assertEquals(lattice.nBasis() * n, classes.count(), lattice.name());
                int[] members = new int[classes.count()];
                for (int c : classes.classOf()) {
                    members[c]++;
                }
                for (int m : members) {
                    assertEquals(n / lattice.nBasis(), m, "pairs per class on the " + lattice.name());
                }
                double[] f = TightBinding.fermiSeaPairing(lattice, 1, 0, n / 2, twist);
                double[] values = classes.valuesOf(f); // throws unless invariant
                for (int k = 0; k < f.length; k++) {
                    assertEquals(f[k], classes.signOf()[k] * values[classes.classOf()[k]], 1e-12);
                }
            }
        }
        double[] twisted = TightBinding.fermiSeaPairing(triangular, 1, 0, 9, new boolean[] {true, false});
        PairClasses plain = PairClasses.translations(triangular, new boolean[] {false, false});
        assertThrows(IllegalArgumentException.class, () -> plain.valuesOf(twisted));
        assertThrows(IllegalArgumentException.class,
                () -> PairClasses.translations(Lattice.square(4, Boundary.OPEN, false), new boolean[2]));
    }

    /**
     * The tied pair product is the pair product of its expanded F: the same amplitudes, ratios along a walk, and
     * log-derivatives that are the class sums of the free ones (checked against central differences).
     */
    @Test
    void theTiedPairProductIsThePairProductOfItsExpandedF() {
        Lattice lattice = Lattice.kagome(2, 2, Boundary.PERIODIC, 1);
        int n = lattice.nSites();
        PairClasses classes = PairClasses.translations(lattice, new boolean[2]);
        PairProduct tied = PairProduct.tied(classes, n / 2, TightBinding.fermiSeaPairing(lattice, 1, 0, n / 2,
                new boolean[2]));
        assertEquals(classes.count(), tied.nParameters());
        SplittableRandom rng = new SplittableRandom(3);
        double[] values = new double[tied.nParameters()];
        for (int c = 0; c < values.length; c++) {
            values[c] = rng.nextDouble(-1, 1);
        }
        tied.setParameters(values);
        double[] f = new double[n * n];
        for (int k = 0; k < f.length; k++) {
            f[k] = classes.signOf()[k] * values[classes.classOf()[k]];
        }
        PairProduct free = PairProduct.of(n, n / 2, f);
        FermionCache cache = tied.newCache();
        cache.reset(SlaterDeterminantTest.startState(tied, n, new int[] {n / 2, n / 2}, rng));
        assertEquals(FermionTestSupport.psi(free, cache.configuration()), FermionTestSupport.psi(tied,
                cache.configuration()), 1e-12);
        FermionTestSupport.assertRatiosAlongWalk(tied, cache, 300, rng);
        double[] o = new double[tied.nParameters()];
        cache.logDerivatives(o, 0);
        SlaterDeterminantTest.assertFiniteDifferences(tied, cache.configuration().clone(), o);
        double[] back = new double[values.length];
        tied.getParameters(back);
        assertEquals(java.util.Arrays.toString(values), java.util.Arrays.toString(back));
        assertTrue(tied.description().contains("tied in " + classes.count() + " classes"), tied.description());
    }
}
