package org.nqs4j.chemistry.basis;

/**
 * A contracted Cartesian Gaussian shell on one centre: angular momentum l, primitive exponents
 * alpha_k (bohr^-2) and the coefficients as published, i.e. of normalised primitives.
 *
 * <p>{@link #weight(int, int)} gives the coefficient d_k that multiplies the <em>bare</em>
 * primitive x^i y^j z^k exp(-alpha r^2) of one Cartesian component: the published coefficient
 * times the primitive norm (2 alpha/pi)^{3/4} (4 alpha)^{l/2} / sqrt((2i-1)!!(2j-1)!!(2k-1)!!),
 * rescaled so that the contraction has unit norm (Helgaker, Jorgensen &amp; Olsen, Molecular
 * Electronic-Structure Theory, ch. 6). For l &lt;= 1 the double factorials are 1 for every component.
 */
public final class Shell {
    private final int l;
    private final double[] center;
    private final double[] exponents;
    private final double[] published;
    private final double[] weights;

    public Shell(int l, double[] center, double[] exponents, double[] coefficients) {
        if (l < 0 || l > 1) {
            throw new IllegalArgumentException("only s and p shells are supported, got l = " + l);
        }
        if (exponents.length != coefficients.length || exponents.length == 0) {
            throw new IllegalArgumentException("a shell needs as many coefficients as exponents (>= 1)");
        }
        this.l = l;
        this.center = center.clone();
        this.exponents = exponents.clone();
        this.published = coefficients.clone();
        this.weights = new double[exponents.length];
        for (int k = 0; k < exponents.length; k++) {
            double a = exponents[k];
            weights[k] = coefficients[k] * Math.pow(2 * a / Math.PI, 0.75) * Math.pow(4 * a, 0.5 * l);
        }
        double norm = 1 / Math.sqrt(selfOverlap(exponents, weights, l));
        for (int k = 0; k < weights.length; k++) {
            weights[k] *= norm;
        }
    }

    /**
     * <x^l e^{-a r^2} | x^l e^{-b r^2}> summed with the given weights: the norm^2 of one
     * Cartesian component, (pi/p)^{3/2} (2l-1)!!/(2p)^l with p = a + b.
     */
    private static double selfOverlap(double[] exps, double[] w, int l) {
        double s = 0;
        for (int i = 0; i < exps.length; i++) {
            for (int j = 0; j < exps.length; j++) {
                double p = exps[i] + exps[j];
                s += w[i] * w[j] * Math.pow(Math.PI / p, 1.5) / Math.pow(2 * p, l);
            }
        }
        return s;
    }

    /**
     * The norm^2 of the contraction with the published coefficients taken literally as
     * coefficients of normalised primitives: 1 up to the rounding of the published digits. A
     * transcription error in a basis file shows here.
     */
    public double publishedNorm() {
        double[] w = new double[exponents.length];
        for (int k = 0; k < w.length; k++) {
            w[k] = published[k] * Math.pow(2 * exponents[k] / Math.PI, 0.75) * Math.pow(4 * exponents[k], 0.5 * l);
        }
        return selfOverlap(exponents, w, l);
    }

    public int angularMomentum() {
        return l;
    }

    /** Number of Cartesian components: 1 for s, 3 for p. */
    public int size() {
        return (l + 1) * (l + 2) / 2;
    }

    /** Cartesian powers {i, j, k} of component c, in the order x, y, z for p. */
    public int power(int component, int axis) {
        return l == 0 ? 0 : (component == axis ? 1 : 0);
    }

    public double center(int axis) {
        return center[axis];
    }

    public int primitives() {
        return exponents.length;
    }

    public double exponent(int k) {
        return exponents[k];
    }

    /** Coefficient of the bare primitive k of any Cartesian component (see class comment). */
    public double weight(int k) {
        return weights[k];
    }
}
