package org.nqs4j.vmc.run;

import java.util.function.UnaryOperator;
import org.nqs4j.vmc.driver.DriverState;
import org.nqs4j.vmc.driver.VmcDriver;

/**
 * A stage of a run before the next one takes over: its own driver (ansatz, sampler, optimiser) for
 * the steps before {@link #end()}, whose state it then hands to the next stage's driver. The
 * hand-over is a function of the driver's state alone, so that a run checkpointed in any stage
 * resumes bit-identically.
 */
interface Stage {
    /** The first step after this stage. */
    int end();

    VmcDriver driver();

    /**
     * Puts {@code next} at the end of this stage: this stage's parameters carried into its ansatz,
     * the chains where they are, a fresh optimiser and preconditioner, no rejected steps, and this
     * stage's last step still to be judged by {@code next}'s first samples.
     */
    void handOver(VmcDriver next);

    /**
     * The hand-over of {@code from}'s state to {@code to}, the parameters mapped into {@code to}'s ansatz
     * by {@code carry}: the chains (configurations and random streams) go on, {@code to} keeps its fresh
     * optimiser and preconditioner, and {@code from}'s last step is judged by {@code to}'s first samples
     * (the same ψ).
     */
    static void carryOver(VmcDriver from, VmcDriver to, UnaryOperator<double[]> carry) {
        DriverState reached = from.saveState();
        DriverState fresh = to.saveState();
        to.restoreState(new DriverState(carry.apply(reached.parameters()), fresh.optimizer(), fresh.preconditioner(),
                reached.sampler(), 0, 1));
        to.continueJudgment(from, carry);
    }

    /** The value of the log lines' {@code "stage"} key for this stage's steps. */
    String label();

    /** What happened at the hand-over, for the progress messages ({@code next}: the next ansatz). */
    String handOverMessage(String next);
}
