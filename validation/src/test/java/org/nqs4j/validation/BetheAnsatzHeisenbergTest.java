package org.nqs4j.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nqs4j.hamiltonians.SpinHilbert;

class BetheAnsatzHeisenbergTest {

    @Test
    void matchesExactDiagonalisationForEvenRingsUpTo22() {
        Lanczos.Settings settings = Lanczos.Settings.defaults();
        for (int length = 4; length <= 22; length += 2) {
            double ed = ExactDiagonalization.lowest(Models.heisenbergRing(length, 1),
                    SpinHilbert.fixedMagnetization(length, 0), 1, settings).groundEnergy();
            double ba = BetheAnsatzHeisenberg.groundState(length, 1).groundEnergy();
            assertEquals(ed, ba, 1e-9 * Math.abs(ed), "L = " + length);
        }
    }

    @Test
    void smallRingsByHand() {
        // L = 2: 2J S_1·S_2 (the bond twice), singlet −3J/2; L = 4: −2J (sublattice-spin argument)
        assertEquals(-1.5 * 0.7, BetheAnsatzHeisenberg.groundState(2, 0.7).groundEnergy(), 1e-15);
        assertEquals(-2 * 1.3, BetheAnsatzHeisenberg.groundState(4, 1.3).groundEnergy(), 1e-14);
    }

    @Test
    void literatureValues() {
        // quoted to 10 decimals: half a unit of the last digit per site
        assertEquals(-0.4436630697, BetheAnsatzHeisenberg.groundState(40, 1).groundEnergy() / 40, 5e-11);
        assertEquals(-0.4432759519, BetheAnsatzHeisenberg.groundState(80, 1).groundEnergy() / 80, 5e-11);
    }

    @Test
    void approachesTheHulthenLimitWithConformalCorrection() {
        // E_0/L = 1/4 − ln 2 − π²/(12 L²)·(1 + 3/(8 ln³L) + …): CFT with c = 1, v = πJ/2, and the
        // marginal-operator correction (Affleck, Gepner, Schulz, Ziman, J. Phys. A 22, 511 (1989));
        // the log correction enhances the gap to the Hulthén value by at most that amount.
        double hulthen = 0.25 - Math.log(2);
        for (int length : new int[] {100, 200, 400}) {
            BetheAnsatzXxz ba = BetheAnsatzHeisenberg.groundState(length, 1);
            double perSite = ba.groundEnergy() / length;
            double excess = (perSite - hulthen) / (-Math.PI * Math.PI / (12.0 * length * length)) - 1;
            double logCorrection = 3 / (8 * Math.pow(Math.log(length), 3));
            assertTrue(excess > 0 && excess < logCorrection, "L = " + length + ": excess " + excess);
            assertEquals(length / 2, ba.rapidities().length);
        }
    }

    @Test
    void rapiditiesAreSymmetricAndEquationsSolved() {
        BetheAnsatzXxz ba = BetheAnsatzHeisenberg.groundState(200, 1);
        double[] l = ba.rapidities();
        for (int j = 0; j < l.length; j++) {
            assertEquals(-l[l.length - 1 - j], l[j], 1e-12);
        }
        assertTrue(ba.residual() < 1e-10, "‖F‖ = " + ba.residual());
    }

    @Test
    void badInputIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> BetheAnsatzHeisenberg.groundState(8, -1));
        assertThrows(IllegalArgumentException.class, () -> BetheAnsatzHeisenberg.groundState(0, 1));
    }
}
