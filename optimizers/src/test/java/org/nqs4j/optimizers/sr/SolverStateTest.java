package org.nqs4j.optimizers.sr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.nqs4j.optimizers.HandExamples;
import org.nqs4j.optimizers.IdentityPreconditioner;
import org.nqs4j.optimizers.LogDerivativeSamples;
import org.nqs4j.optimizers.Preconditioner;
import org.nqs4j.optimizers.Schedule;

/** Checkpoint hooks of the SR solvers and the shift scale raised after a rejected step. */
class SolverStateTest {
    @Test
    void scalingTheShiftIsTheSameAsScalingEpsilon() {
        // relative ε = 1/4 raised twofold is ε = 1/2, whose hand solution is known
        StochasticReconfiguration sr = new StochasticReconfiguration(SrSolvers.denseCholesky(),
                DiagonalShift.relative(Schedule.constant(0.25)));
        sr.setShiftScale(2);
        double[] delta = new double[2];
        sr.apply(HandExamples.realO(), HandExamples.REAL_FORCE, delta, 0);
        assertArrayEquals(HandExamples.REAL_DIRECTION_RELATIVE_HALF, delta, 1e-14);
        assertThrows(IllegalArgumentException.class, () -> sr.setShiftScale(0.5));
        assertThrows(IllegalArgumentException.class, () -> sr.setShiftScale(Double.NaN));
    }

    /** With one CG iteration per solve the warm start decides the result, so it must travel. */
    @Test
    void restoredWarmStartReproducesTheNextSolveBitForBit() {
        LogDerivativeSamples o = Reference.randomO(30, 12, true, 7);
        double[] f1 = Reference.randomVector(24, 8);
        double[] f2 = Reference.randomVector(24, 9);
        double[] d = new double[12];
        Arrays.fill(d, 0.1);
        for (SrSolver a : new SrSolver[] {SrSolvers.conjugateGradient(1e-14, 1), new AutoSolver(4, 1e-14, 1)}) {
            double[] out = new double[24];
            a.solve(o, f1, d, out);
            double[] state = a.saveState();
            assertEquals(24, state.length, a.description());
            a.solve(o, f2, d, out);

            SrSolver b = a instanceof AutoSolver ? new AutoSolver(4, 1e-14, 1) : SrSolvers.conjugateGradient(1e-14, 1);
            b.restoreState(state);
            double[] resumed = new double[24];
            b.solve(o, f2, d, resumed);
            assertArrayEquals(out, resumed, 0.0, a.description());

            SrSolver cold = a instanceof AutoSolver ? new AutoSolver(4, 1e-14, 1) : SrSolvers.conjugateGradient(1e-14, 1);
            double[] fresh = new double[24];
            cold.solve(o, f2, d, fresh);
            assertFalse(Arrays.equals(out, fresh), "the warm start must matter in this test");
        }
    }

    @Test
    void statelessSolversAndPreconditionersRefuseForeignState() {
        assertEquals(0, SrSolvers.denseCholesky().saveState().length);
        assertThrows(IllegalArgumentException.class, () -> SrSolvers.denseCholesky().restoreState(new double[3]));
        Preconditioner none = new IdentityPreconditioner();
        assertEquals(0, none.saveState().length);
        none.setShiftScale(10); // no shift to raise: accepted and ignored
        assertThrows(IllegalArgumentException.class, () -> none.restoreState(new double[1]));
    }
}
