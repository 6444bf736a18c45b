package org.nqs4j.optimizers.sr;

import org.nqs4j.optimizers.LogDerivativeSamples;
import org.nqs4j.optimizers.SolverException;
import org.nqs4j.optimizers.linalg.RankExchange;
import org.nqs4j.optimizers.linalg.TaskRunner;

/** Argument and result checks shared by the {@link SrSolver}s. */
final class SolverChecks {
    private SolverChecks() {
    }

    /** Checks the array lengths shared by every solver. */
    static void checkShapes(LogDerivativeSamples centeredO, double[] force, double[] shift, double[] direction) {
        int row = centeredO.rowLength();
        if (force.length < row || direction.length < row) {
            throw new IllegalArgumentException("force and direction need " + row + " doubles (parameter layout), got "
                    + force.length + " and " + direction.length);
        }
        if (shift.length < centeredO.nParameters()) {
            throw new IllegalArgumentException("shift needs one real entry per parameter (" + centeredO.nParameters()
                    + "), got " + shift.length);
        }
    }

    /** Throws {@link SolverException} unless δ is finite. */
    static void checkFinite(double[] direction, int len, String solver) {
        for (int j = 0; j < len; j++) {
            if (!Double.isFinite(direction[j])) {
                throw new SolverException(solver + " produced a non-finite SR direction (entry " + j + " = "
                        + direction[j] + "); check the log-derivatives and forces for NaN/Inf or increase the shift");
            }
        }
    }

    /** The runner, unless null. */
    static TaskRunner checkRunner(TaskRunner runner) {
        if (runner == null) {
            throw new IllegalArgumentException("the task runner must not be null (use TaskRunner.SERIAL)");
        }
        return runner;
    }

    /** The exchange, unless null. */
    static RankExchange checkExchange(RankExchange exchange) {
        if (exchange == null) {
            throw new IllegalArgumentException("the rank exchange must not be null (use RankExchange.SINGLE)");
        }
        return exchange;
    }
}
