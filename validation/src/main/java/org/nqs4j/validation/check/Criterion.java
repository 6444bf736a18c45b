package org.nqs4j.validation.check;

import java.util.Locale;

/**
 * When a VMC energy E ± δ passes against the exact ground energy E_0: it is accurate,
 * |E − E_0| / |E_0| ≤ tolerance, and consistent with the variational principle, E ≥ E_0 − 4δ
 * (a VMC estimate below the exact energy by more than four error bars means biased sampling or
 * an underestimated error, not a good wave function).
 */
public record Criterion(double tolerance) {
    public static final double DEFAULT_TOLERANCE = 1e-3;
    /** Error bars the estimate may lie below E_0 (4σ: a 3e-5 false-alarm rate for Gaussian errors). */
    public static final double SIGMAS = 4;

    public Criterion {
        if (!(tolerance > 0) || !Double.isFinite(tolerance)) {
            throw new IllegalArgumentException("the relative tolerance must be a positive number, got " + tolerance);
        }
    }

    public static Criterion defaults() {
        return new Criterion(DEFAULT_TOLERANCE);
    }

    public boolean accurate(double energy, double exact) {
        return Math.abs((energy - exact) / exact) <= tolerance;
    }

    public boolean variational(double energy, double error, double exact) {
        return energy >= exact - SIGMAS * error;
    }

    /** The criterion in words, printed with every result. */
    public String statement() {
        return String.format(Locale.ROOT, "pass when |E - E0|/|E0| <= %.1e and E >= E0 - %.0f·error", tolerance, SIGMAS);
    }
}
