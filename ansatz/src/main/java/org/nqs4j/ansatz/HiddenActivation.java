package org.nqs4j.ansatz;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The activation f of the hidden layers of a deep network ({@link Gcnn}, {@link FeedForwardNetwork}):
 * zˡ = f(θˡ) for every layer l &lt; L. The last layer is always log cosh, which enters ψ only through
 * exp(log cosh θ) = cosh θ, whatever its branch.
 *
 * <p>Why a choice, and why neither is the default for every network. The complex log cosh is not
 * single-valued: any branch of it (ours, NetKet's s z − ln 2 + log1p(e^{−2sz}) with s = sign Re z) jumps
 * by 2πi where Re θ changes sign with |Im θ| &gt; π/2, and in a hidden layer the jump is multiplied by the
 * next layer's weights, so ψ is a discontinuous function of its parameters. An entire f removes the
 * jumps, but an entire function that is not linear grows at least like a polynomial (Liouville), so it
 * cannot keep log cosh's linear growth. Measured (session 30): on the L = 10 Heisenberg ring with the
 * G-CNN [2, 2] of {@code examples/heisenberg-chain-gcnn.yaml}, log cosh steps of |Δp| ≈ 10⁻³ changed log ψ
 * of whole symmetry classes of samples by a fixed 0.5 − 0.97i, the step-infidelity guard refused them
 * whatever the diagonal shift (raised to 10¹⁸), and four of seven seeds ended SUSPECT (the sampled energy
 * 7–284 error bars below the state's exact energy: a region of |ψ|² the chains never entered) or lost the
 * ground they had reached; {@link #POLY6} with any-pair exchanges ended all seven with the sampled energy
 * on the exact one, 0.15–2.7·10⁻³ above the ground state. On the J1-J2 4 × 4 torus with the G-CNN [4, 4]
 * ({@code examples/j1j2-square-4x4-gcnn.yaml}), {@link #POLY6} split the chains from step 13 on and the
 * state blew up (trial-state energy +2.6 after 100 steps) where log cosh trained smoothly (−8.33, no step
 * refused): sums over 16 sites push |θ| to where θ⁶ dominates. For real parameters log cosh is
 * real-analytic and the jumps do not arise.
 */
public enum HiddenActivation {
    /** f(θ) = log cosh θ (the principal branch of {@link LogCoshVectorKernels#logCosh}), f′ = tanh. */
    LOG_COSH("log_cosh"),
    /**
     * f(θ) = θ²/2 − θ⁴/12 + θ⁶/45, the Taylor polynomial of log cosh to sixth order (jVMC's {@code poly6};
     * Schmitt &amp; Reh, SciPost Phys. Codebases 2 (2022)), f′(θ) = θ − θ³/3 + 2θ⁵/15: equal to log cosh to
     * O(θ⁸) near 0, where a network starts, entire everywhere.
     */
    POLY6("poly6");

    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    private final String key;

    HiddenActivation(String key) {
        this.key = key;
    }

    /** The config value ({@code ansatz.activation}). */
    public String key() {
        return key;
    }

    /** out = θ²(1/2 + θ²(−1/12 + θ²/45)) for n complex θ (Horner in w = θ²). */
    static void poly6(double[] re, double[] im, int n, double[] outRe, double[] outIm) {
        polynomialOfSquare(re, im, n, 0.5, -1.0 / 12, 1.0 / 45, false, outRe, outIm);
    }

    /** out = θ(1 + θ²(−1/3 + 2θ²/15)) for n complex θ: the derivative of {@link #poly6}. */
    static void poly6Derivative(double[] re, double[] im, int n, double[] outRe, double[] outIm) {
        polynomialOfSquare(re, im, n, 1.0, -1.0 / 3, 2.0 / 15, true, outRe, outIm);
    }

    /**
     * out = m(θ) · (c₀ + w(c₁ + w c₂)), w = θ², with m = θ ({@code odd}) or w. The same FMA order in the
     * vector loop and the scalar tail (equal bits for any vector width).
     */
    private static void polynomialOfSquare(double[] re, double[] im, int n, double c0, double c1, double c2,
                                           boolean odd, double[] outRe, double[] outIm) {
        int bound = SPECIES.loopBound(n);
        int k = 0;
        for (; k < bound; k += SPECIES.length()) {
            DoubleVector x = DoubleVector.fromArray(SPECIES, re, k);
            DoubleVector y = DoubleVector.fromArray(SPECIES, im, k);
            DoubleVector wr = x.fma(x, y.mul(y).neg());
            DoubleVector wi = x.mul(y).mul(2.0);
            DoubleVector qr = wr.fma(c2, c1);
            DoubleVector qi = wi.mul(c2);
            DoubleVector pr = wr.fma(qr, wi.mul(qi).neg()).add(c0);
            DoubleVector pi = wr.fma(qi, wi.mul(qr));
            DoubleVector mr = odd ? x : wr;
            DoubleVector mi = odd ? y : wi;
            mr.fma(pr, mi.mul(pi).neg()).intoArray(outRe, k);
            mr.fma(pi, mi.mul(pr)).intoArray(outIm, k);
        }
        for (; k < n; k++) {
            double x = re[k];
            double y = im[k];
            double wr = Math.fma(x, x, -(y * y));
            double wi = x * y * 2.0;
            double qr = Math.fma(wr, c2, c1);
            double qi = wi * c2;
            double pr = Math.fma(wr, qr, -(wi * qi)) + c0;
            double pi = Math.fma(wr, qi, wi * qr);
            double mr = odd ? x : wr;
            double mi = odd ? y : wi;
            outRe[k] = Math.fma(mr, pr, -(mi * pi));
            outIm[k] = Math.fma(mr, pi, mi * pr);
        }
    }
}
