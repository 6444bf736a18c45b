package org.nqs4j.validation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.nqs4j.hamiltonians.Connections;
import org.nqs4j.hamiltonians.LocalOperator;
import org.nqs4j.hamiltonians.Boundary;
import org.nqs4j.hamiltonians.Lattice;
import org.nqs4j.hamiltonians.PauliSumOperator;
import org.nqs4j.hamiltonians.SpinHilbert;
import org.nqs4j.hamiltonians.SpinModels;
import org.nqs4j.hamiltonians.Units;

class CsrMatrixTest {

    @Test
    void twoSiteExchangeHasHandDerivedElements() {
        // basis 0 = ↓↓, 1 = ↑↓, 2 = ↓↑, 3 = ↑↑ (bit i set ⇔ σ_i = +1); H = J S_0·S_1
        double j = 1.7;
        CsrMatrix h = CsrMatrix.fromOperator(SpinModels.heisenberg(Lattice.chain(2, Boundary.OPEN, false), j, Units.SPIN_HALF),
                SpinBasis.of(SpinHilbert.unconstrained(2)));
        assertEquals(6, h.nonZeros());
        assertEquals(j / 4, h.entry(0, 0), 0);
        assertEquals(-j / 4, h.entry(1, 1), 0);
        assertEquals(-j / 4, h.entry(2, 2), 0);
        assertEquals(j / 4, h.entry(3, 3), 0);
        assertEquals(j / 2, h.entry(1, 2), 0);
        assertEquals(j / 2, h.entry(2, 1), 0);
        assertEquals(0, h.entry(0, 3), 0);
        assertEquals(4L * 5 + 12L * 6, h.memoryBytes());
    }

    @Test
    void repeatedConnectionsAreSummedAndCancellationsDropped() {
        // XX + YY emitted as two terms: ⟨σ'|XX|σ⟩ = 1, ⟨σ'|YY|σ⟩ = −σ_0σ_1; parallel spins cancel
        LocalOperator xxPlusYy = new TwoTermExchange();
        CsrMatrix h = CsrMatrix.fromOperator(xxPlusYy, SpinBasis.of(SpinHilbert.unconstrained(2)));
        assertEquals(2, h.nonZeros());
        assertEquals(2.0, h.entry(1, 2), 0);
        assertEquals(2.0, h.entry(2, 1), 0);
    }

    @Test
    void productMatchesConnectionsRowByRow() {
        PauliSumOperator op = Models.heisenbergRing(18, 1.0);
        SpinBasis basis = SpinBasis.of(SpinHilbert.fixedMagnetization(18, 0));
        CsrMatrix h = CsrMatrix.fromOperator(op, basis);
        assertTrue(basis.dimension() > RowParallel.SERIAL_BELOW, "exercise the parallel path");
        Random rnd = new Random(5);
        double[] x = new double[basis.dimension()];
        for (int i = 0; i < x.length; i++) {
            x[i] = rnd.nextGaussian();
        }
        double[] y = new double[x.length];
        h.multiply(x, y);
        Connections conn = op.newConnections();
        int[] sigma = new int[18];
        for (int r = 0; r < x.length; r += 97) {
            basis.sigma(basis.state(r), sigma);
            op.connections(sigma, conn);
            double expected = 0;
            for (int k = 0; k < conn.size(); k++) {
                long t = basis.state(r);
                for (int f = 0; f < conn.flipCount(k); f++) {
                    t ^= 1L << conn.flipSite(k, f);
                }
                expected += conn.re(k) * x[basis.index(t)];
            }
            assertEquals(expected, y[r], 1e-12 * (1 + Math.abs(expected)));
        }
        CsrMatrix again = CsrMatrix.fromOperator(op, basis);
        double[] y2 = new double[x.length];
        again.multiply(x, y2);
        assertArrayEquals(y, y2, 0.0, "the build and product are deterministic");
    }

    @Test
    void complexOperatorIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CsrMatrix.fromOperator(new SigmaY(), SpinBasis.of(SpinHilbert.unconstrained(1))));
        assertTrue(e.getMessage().contains("complex"), e.getMessage());
    }

    @Test
    void operatorLeavingTheSectorIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CsrMatrix.fromOperator(Models.isingRing(4, 1, 0.5),
                        SpinBasis.of(SpinHilbert.fixedMagnetization(4, 0))));
        assertTrue(e.getMessage().contains("sector"), e.getMessage());
    }

    @Test
    void nonSymmetricOperatorIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CsrMatrix.fromOperator(new Lowering(), SpinBasis.of(SpinHilbert.unconstrained(1))));
        assertTrue(e.getMessage().contains("not symmetric"), e.getMessage());
    }

    /** XX + YY on sites 0, 1, written as two separate Pauli terms. */
    private static final class TwoTermExchange extends SingleBondOperator {
        @Override
        public void connections(int[] sigma, Connections out) {
            out.clear();
            out.add(1, 0, new int[] {0, 1}, 2);
            out.add(-sigma[0] * sigma[1], 0, new int[] {0, 1}, 2);
        }
    }

    /** σʸ on one site: ⟨↓|σʸ|↑⟩ = i, ⟨↑|σʸ|↓⟩ = −i. */
    private static final class SigmaY extends SingleBondOperator {
        @Override
        public int nSites() {
            return 1;
        }

        @Override
        public boolean isReal() {
            return false;
        }

        @Override
        public void connections(int[] sigma, Connections out) {
            out.clear();
            out.add(0, sigma[0], new int[] {0}, 1);
        }
    }

    /** σ⁻ on one site: real but not symmetric. */
    private static final class Lowering extends SingleBondOperator {
        @Override
        public int nSites() {
            return 1;
        }

        @Override
        public void connections(int[] sigma, Connections out) {
            out.clear();
            if (sigma[0] == 1) {
                out.add(1, 0, new int[] {0}, 1);
            }
        }
    }

    private abstract static class SingleBondOperator implements LocalOperator {
        @Override
        public int nSites() {
            return 2;
        }

        @Override
        public int maxFlips() {
            return 2;
        }

        @Override
        public int maxConnections() {
            return 2;
        }

        @Override
        public boolean isReal() {
            return true;
        }

        @Override
        public String description() {
            return getClass().getSimpleName();
        }
    }
}
