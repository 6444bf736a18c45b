package org.nqs4j.optimizers;

/** v_p = max(v₀ bᵖ, v_min); b = 1 is a constant. */
final class ExponentialDecaySchedule implements Schedule {
    private final double initial;
    private final double factor;
    private final double floor;

    ExponentialDecaySchedule(double initial, double factor, double floor) {
        if (!(initial > 0) || !Double.isFinite(initial)) {
            throw new IllegalArgumentException("schedule initial value must be finite and > 0, got " + initial);
        }
        if (!(factor > 0 && factor <= 1)) {
            throw new IllegalArgumentException("schedule decay factor must be in (0, 1], got " + factor);
        }
        if (!(floor >= 0 && floor <= initial)) {
            throw new IllegalArgumentException("schedule floor must be in [0, initial = " + initial + "], got " + floor);
        }
        this.initial = initial;
        this.factor = factor;
        this.floor = floor;
    }

    @Override
    public double valueAt(int iteration) {
        if (iteration < 0) {
            throw new IllegalArgumentException("iteration must be >= 0, got " + iteration);
        }
        // bᵖ underflows harmlessly to 0 for large p, leaving the floor
        return Math.max(initial * Math.pow(factor, iteration), floor);
    }

    @Override
    public String description() {
        return factor == 1.0 ? "constant " + initial
                : "max(" + initial + " * " + factor + "^p, " + floor + ")";
    }
}
