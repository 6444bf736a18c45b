package org.nqs4j.vmc.run;

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

    /** The value of the log lines' {@code "stage"} key for this stage's steps. */
    String label();

    /** What happened at the hand-over, for the progress messages ({@code next}: the next ansatz). */
    String handOverMessage(String next);
}
