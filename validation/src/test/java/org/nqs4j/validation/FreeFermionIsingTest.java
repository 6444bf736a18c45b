package org.nqs4j.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.nqs4j.hamiltonians.SpinHilbert;

class FreeFermionIsingTest {
    /** (J, h): ordered, critical, paramagnetic, ferro/antiferro signs, negative field. */
    private static final double[][] COUPLINGS = {{1, 0.5}, {1, 1}, {1, 2}, {-1, 0.7}, {0.8, -1.3}, {-1.2, -1.2}};

    @Test
    void bothParitySectorsMatchExactDiagonalisation() {
        Lanczos.Settings settings = Lanczos.Settings.defaults().withTolerance(1e-11);
        for (int length = 4; length <= 14; length++) {
            SpinHilbert hilbert = SpinHilbert.unconstrained(length);
            for (double[] jh : COUPLINGS) {
                FreeFermionIsing ff = FreeFermionIsing.periodicChain(length, jh[0], jh[1]);
                double even = ExactDiagonalization.lowest(
                        Models.parityProjectedIsingRing(length, jh[0], jh[1], +1), hilbert, 1, settings).groundEnergy();
                double odd = ExactDiagonalization.lowest(
                        Models.parityProjectedIsingRing(length, jh[0], jh[1], -1), hilbert, 1, settings).groundEnergy();
                String at = "L=" + length + " J=" + jh[0] + " h=" + jh[1];
                assertEquals(even, ff.evenParityEnergy(), 1e-9 * Math.abs(even), "even sector " + at);
                assertEquals(odd, ff.oddParityEnergy(), 1e-9 * Math.abs(odd), "odd sector " + at);
                assertEquals(Math.min(even, odd), ff.groundEnergy(), 1e-9 * Math.abs(even), at);
            }
        }
    }

    @Test
    void unprojectedGroundStateMatchesExactDiagonalisation() {
        for (int length : new int[] {5, 8}) {
            double ed = FullDiagonalization.of(CsrMatrix.fromOperator(Models.isingRing(length, 1, 0.6),
                    SpinBasis.of(SpinHilbert.unconstrained(length)))).groundEnergy();
            assertEquals(ed, FreeFermionIsing.periodicChain(length, 1, 0.6).groundEnergy(), 1e-12 * Math.abs(ed));
        }
    }

    @Test
    void criticalChainClosedForm() {
        // h = J = 1: ε_k = 4|sin(k/2)| over antiperiodic k, so E_0 = −2/sin(π/(2L))
        for (int length : new int[] {3, 7, 40, 80, 1001}) {
            double exact = -2 / Math.sin(Math.PI / (2 * length));
            assertEquals(exact, FreeFermionIsing.periodicChain(length, 1, 1).groundEnergy(), 1e-12 * Math.abs(exact));
        }
    }

    @Test
    void literatureValuesAtCriticality() {
        // quoted to 10 decimals: half a unit of the last digit per site
        assertEquals(-1.2735668529, FreeFermionIsing.periodicChain(40, 1, 1).groundEnergy() / 40, 5e-11);
        assertEquals(-1.2733213607, FreeFermionIsing.periodicChain(80, 1, 1).groundEnergy() / 80, 5e-11);
    }

    @Test
    void classicalAndFreeSpinLimits() {
        // h = 0: the two cat states |↑…↑⟩ ± |↓…↓⟩ have parity ±1 and energy −|J|L
        FreeFermionIsing classical = FreeFermionIsing.periodicChain(6, 1.5, 0);
        assertEquals(-9, classical.evenParityEnergy(), 1e-12);
        assertEquals(-9, classical.oddParityEnergy(), 1e-12);
        // J = 0, h > 0: all X = +1 (parity +1) at −hL; one flipped spin costs 2h
        FreeFermionIsing free = FreeFermionIsing.periodicChain(7, 0, 0.5);
        assertEquals(-3.5, free.evenParityEnergy(), 1e-12);
        assertEquals(-2.5, free.oddParityEnergy(), 1e-12);
    }

    @Test
    void badInputIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> FreeFermionIsing.periodicChain(2, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> FreeFermionIsing.periodicChain(5, Double.NaN, 1));
    }
}
