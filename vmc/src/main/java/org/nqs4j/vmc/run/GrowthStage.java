package org.nqs4j.vmc.run;

import org.nqs4j.ansatz.WaveFunction;
import org.nqs4j.vmc.driver.VmcDriver;

/**
 * One α of an RBM grown in steps (Carleo &amp; Troyer, Science 2017, trained each α from the optimum of
 * the smaller one): after this stage the next, larger RBM keeps the trained features and adds new ones
 * of small random weights, so it starts next to the state reached and has new directions to go.
 *
 * <p>Why (measured; validation/README.md): on frustrated clusters the smaller RBM levels off and a
 * larger one from a random start does worse than the grown one. Kagome 2×3 at k ≠ 0: α = 8 levels off
 * at 3.3e-3, grown to 16 it reaches 1.4e-3, α = 16 from the start is at 5.5e-2 after 600 steps; kagome
 * 2×4: α = 8 flat at 7.4e-2, grown to 16 it left that plateau and fell to 1.3e-2 in 800 steps.
 */
final class GrowthStage implements Stage {
    private final VmcDriver driver;
    private final int end;
    private final int alpha;
    private final WaveFunction next;
    private final int nextSamples;
    private final double[] drawn;

    /**
     * {@code next}: the next stage's ansatz, as drawn (its added units keep these values);
     * {@code nextSamples}: the samples of each of its steps.
     */
    GrowthStage(VmcDriver driver, int end, int alpha, WaveFunction next, int nextSamples) {
        this.driver = driver;
        this.end = end;
        this.alpha = alpha;
        this.next = next;
        this.nextSamples = nextSamples;
        this.drawn = new double[next.parameterArrayLength()];
        next.getParameters(drawn);
    }

    @Override
    public int end() {
        return end;
    }

    @Override
    public VmcDriver driver() {
        return driver;
    }

    @Override
    public void handOver(VmcDriver nextDriver) {
        Stage.carryOver(driver, nextDriver, this::grown);
    }

    /** The smaller RBM's parameters with the added units at their drawn values. */
    private double[] grown(double[] smaller) {
        double[] params = drawn.clone();
        if (!next.embedSmaller(smaller, params)) {
            throw new IllegalStateException("the alpha = " + alpha + " parameters do not fit " + next.description());
        }
        return params;
    }

    @Override
    public String label() {
        return "alpha " + alpha;
    }

    @Override
    public String handOverMessage(String nextAnsatz) {
        return "growth: the alpha = " + alpha + " RBM after " + end + " iterations grown into " + nextAnsatz + "; "
                + nextSamples + " samples per step from here";
    }
}
