package org.nqs4j.optimizers;

/**
 * A positive scalar that depends on the 0-based optimisation step p: learning rates η_p and SR
 * diagonal shifts ε_p.
 */
public interface Schedule {
    double valueAt(int iteration);

    String description();

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
