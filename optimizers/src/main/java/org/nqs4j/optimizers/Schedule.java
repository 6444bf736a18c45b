package org.nqs4j.optimizers;

/**
 * A positive scalar that depends on the 0-based optimisation step p: learning rates η_p and SR
 * diagonal shifts ε_p.
 */
public interface Schedule {
    double valueAt(int iteration);

    String description();

    /**
     * This schedule counted from step {@code start} on: v'_p = v_{p − start} (v₀ before it). A stage
     * that starts at {@code start} (a grown ansatz) gets the schedule a new run would.
     */
    default Schedule restartedAt(int start) {
        if (start < 0) {
            throw new IllegalArgumentException("a schedule restarts at a step >= 0, got " + start);
        }
        Schedule base = this;
        return start == 0 ? this : new Schedule() {
            @Override
            public double valueAt(int iteration) {
                return base.valueAt(Math.max(0, iteration - start));
            }

            @Override
            public String description() {
                return base.description() + " with p counted from step " + start;
            }
        };
    }

    /** The same value at every step. */
    static Schedule constant(double value) {
        return new ExponentialDecaySchedule(value, 1.0, value);
    }

    /**
     * v_p = max(v₀ bᵖ, v_min), the SR shift of Carleo &amp; Troyer 2017 (supplement: v₀ = 100,
     * b = 0.9, v_min = 10⁻⁴ for the relative shift).
     *
     * @param initial v₀ &gt; 0
     * @param factor  b in (0, 1]
     * @param floor   v_min in [0, v₀]
     */
    static Schedule exponentialDecay(double initial, double factor, double floor) {
        return new ExponentialDecaySchedule(initial, factor, floor);
    }
}
