package org.nqs4j.ansatz;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API (SPECIES_PREFERRED) versions of the hot RBM kernels: the θ update, tanh θ and the
 * one- and two-flip ratio products. Same mathematics and refusal rule as {@link RbmKernels} (see
 * there for the formulas); they agree with the scalar kernels to rounding.
 *
 * <p>Why no masks: masked loads and masked lane-wise operations were not intrinsified by C2 on
 * the development machine (JDK 25, AVX-512) and fell back to boxed Java code, about 20× slower
 * than the scalar loop. Every loop here runs unmasked over whole vectors and hands the last
 * {@code M mod LANES} hidden units to the scalar kernel of {@link RbmKernels}.
 *
 * <p>Products: each lane keeps its own partial product, renormalised in exact steps of 2^±256
 * whenever it leaves [2^−256, 2^256]; the lanes are then folded into the scalar running product
 * ({@link RbmKernels#startProduct}). The refusal test Σ|terms|² ≤ (10⁵/M)²|f|² and |f|² ≥ 2^−400
 * is accumulated as a lane-wise maximum of the violation and minimum of |f|², one reduction at the
 * end. NaN anywhere propagates through max/min and refuses the product.
 */
public final class RbmVectorKernels {
    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    /** Lanes per vector; callers size their lane scratch as 3·LANES. */
    public static final int LANES = SPECIES.length();
    private static final double BIG = 0x1p256;
    private static final double SMALL = 0x1p-256;
    private static final int STEP_EXPONENT = 256;
    // broadcast constants as vectors: the scalar-argument forms of blend/compare boxed on JDK 25
    private static final DoubleVector ONE = DoubleVector.broadcast(SPECIES, 1.0);
    private static final DoubleVector MINUS_ONE = DoubleVector.broadcast(SPECIES, -1.0);
    private static final DoubleVector ZERO = DoubleVector.zero(SPECIES);
    private static final DoubleVector BIG_V = DoubleVector.broadcast(SPECIES, BIG);
    private static final DoubleVector SMALL_V = DoubleVector.broadcast(SPECIES, SMALL);

    private RbmVectorKernels() {
    }

    /** Vector form of {@link RbmKernels#flipTheta}; bitwise the same operations per element. */
    public static void flipTheta(double[] wRe, double[] wIm, int nHidden, int[] sigma, int[] sites,
                                 int offset, int count, double[] thetaRe, double[] thetaIm) {
        int bound = SPECIES.loopBound(nHidden);
        for (int f = offset; f < offset + count; f++) {
            int i = sites[f];
            double minusTwoS = -2.0 * sigma[i];
            int base = i * nHidden;
            int j = 0;
            for (; j < bound; j += LANES) {
                DoubleVector.fromArray(SPECIES, wRe, base + j).mul(minusTwoS)
                        .add(DoubleVector.fromArray(SPECIES, thetaRe, j)).intoArray(thetaRe, j);
                DoubleVector.fromArray(SPECIES, wIm, base + j).mul(minusTwoS)
                        .add(DoubleVector.fromArray(SPECIES, thetaIm, j)).intoArray(thetaIm, j);
            }
            for (; j < nHidden; j++) {
                thetaRe[j] += minusTwoS * wRe[base + j];
                thetaIm[j] += minusTwoS * wIm[base + j];
            }
        }
    }

    /**
     * Vector form of {@link RbmKernels#hiddenLogRatioOneFlip}:
     * log Πⱼ [cosh 2Wⱼᵢ − σᵢ tanh θⱼ sinh 2Wⱼᵢ], or false when refused.
     *
     * Allocates its 4-double running product; hot loops call {@link #productOneFlip}.
     *
     * @param lanes scratch of at least 3·{@link #LANES} doubles
     */
    public static boolean hiddenLogRatioOneFlip(double[] coshRe, double[] coshIm, double[] sinhRe,
                                                double[] sinhIm, int base, double sign,
                                                double[] tanhRe, double[] tanhIm, int nHidden,
                                                double[] lanes, double[] out) {
        double[] product = new double[RbmKernels.PRODUCT_LENGTH];
        productOneFlip(coshRe, coshIm, sinhRe, sinhIm, base, sign, tanhRe, tanhIm, nHidden, lanes,
                product);
        return RbmKernels.logOfProduct(product, out);
    }

    /**
     * Vector form of {@link RbmKernels#hiddenLogRatioTwoFlips}:
     * log Πⱼ [cosh(x₁ + x₂) − tanh θⱼ sinh(x₁ + x₂)] by the addition theorems, or false.
     *
     * Allocates its 4-double running product; hot loops call {@link #productTwoFlips}.
     *
     * @param lanes scratch of at least 3·{@link #LANES} doubles
     */
    public static boolean hiddenLogRatioTwoFlips(double[] coshRe, double[] coshIm, double[] sinhRe,
                                                 double[] sinhIm, int base1, double sign1,
                                                 int base2, double sign2,
                                                 double[] tanhRe, double[] tanhIm, int nHidden,
                                                 double[] lanes, double[] out) {
        double[] product = new double[RbmKernels.PRODUCT_LENGTH];
        productTwoFlips(coshRe, coshIm, sinhRe, sinhIm, base1, sign1, base2, sign2, tanhRe, tanhIm,
                nHidden, lanes, product);
        return RbmKernels.logOfProduct(product, out);
    }

    /**
     * The running product Πⱼ [cosh 2Wⱼᵢ − σᵢ tanh θⱼ sinh 2Wⱼᵢ] over all M hidden units into
     * {@code product} ({@link RbmKernels#PRODUCT_LENGTH} doubles); {@code lanes} holds 3·LANES.
     */
    static void productOneFlip(double[] coshRe, double[] coshIm, double[] sinhRe,
                               double[] sinhIm, int base, double sign, double[] tanhRe,
                               double[] tanhIm, int nHidden, double[] lanes, double[] product) {
        double perFactor = RbmKernels.MAX_ROUNDING_AMPLIFICATION / nHidden;
        double perFactor2 = perFactor * perFactor;
        int bound = SPECIES.loopBound(nHidden);
        DoubleVector pr = DoubleVector.broadcast(SPECIES, 1.0);
        DoubleVector pi = DoubleVector.zero(SPECIES);
        DoubleVector steps = DoubleVector.zero(SPECIES);
        DoubleVector worst = DoubleVector.broadcast(SPECIES, Double.NEGATIVE_INFINITY);
        DoubleVector smallest = DoubleVector.broadcast(SPECIES, Double.POSITIVE_INFINITY);
        for (int j = 0; j < bound; j += LANES) {
            DoubleVector cr = DoubleVector.fromArray(SPECIES, coshRe, base + j);
            DoubleVector ci = DoubleVector.fromArray(SPECIES, coshIm, base + j);
            DoubleVector sr = DoubleVector.fromArray(SPECIES, sinhRe, base + j).mul(sign);
            DoubleVector si = DoubleVector.fromArray(SPECIES, sinhIm, base + j).mul(sign);
            DoubleVector tr = DoubleVector.fromArray(SPECIES, tanhRe, j);
            DoubleVector ti = DoubleVector.fromArray(SPECIES, tanhIm, j);
            DoubleVector fr = cr.sub(tr.mul(sr).sub(ti.mul(si)));
            DoubleVector fi = ci.sub(tr.mul(si).add(ti.mul(sr)));
            DoubleVector terms = cr.abs().add(ci.abs())
                    .add(tr.abs().add(ti.abs()).mul(sr.abs().add(si.abs())));
            DoubleVector f2 = fr.mul(fr).add(fi.mul(fi));
            worst = worst.max(terms.mul(terms).sub(f2.mul(perFactor2)));
            smallest = smallest.min(f2);
            DoubleVector nr = pr.mul(fr).sub(pi.mul(fi));
            pi = pr.mul(fi).add(pi.mul(fr));
            pr = nr;
            DoubleVector scale = renormalisation(pr, pi);
            pr = pr.mul(scale);
            pi = pi.mul(scale);
            steps = steps.add(stepOf(scale));
        }
        foldLanes(pr, pi, steps, worst, smallest, lanes, product);
        RbmKernels.multiplyOneFlip(coshRe, coshIm, sinhRe, sinhIm, base, sign, tanhRe, tanhIm,
                bound, nHidden, nHidden, product);
    }

    /** The running product of {@link #hiddenLogRatioTwoFlips}, as {@link #productOneFlip}. */
    static void productTwoFlips(double[] coshRe, double[] coshIm, double[] sinhRe,
                                double[] sinhIm, int base1, double sign1, int base2,
                                double sign2, double[] tanhRe, double[] tanhIm, int nHidden,
                                double[] lanes, double[] product) {
        double perFactor = RbmKernels.MAX_ROUNDING_AMPLIFICATION / nHidden;
        double perFactor2 = perFactor * perFactor;
        int bound = SPECIES.loopBound(nHidden);
        DoubleVector pr = DoubleVector.broadcast(SPECIES, 1.0);
        DoubleVector pi = DoubleVector.zero(SPECIES);
        DoubleVector steps = DoubleVector.zero(SPECIES);
        DoubleVector worst = DoubleVector.broadcast(SPECIES, Double.NEGATIVE_INFINITY);
        DoubleVector smallest = DoubleVector.broadcast(SPECIES, Double.POSITIVE_INFINITY);
        for (int j = 0; j < bound; j += LANES) {
            DoubleVector c1r = DoubleVector.fromArray(SPECIES, coshRe, base1 + j);
            DoubleVector c1i = DoubleVector.fromArray(SPECIES, coshIm, base1 + j);
            DoubleVector s1r = DoubleVector.fromArray(SPECIES, sinhRe, base1 + j).mul(sign1);
            DoubleVector s1i = DoubleVector.fromArray(SPECIES, sinhIm, base1 + j).mul(sign1);
            DoubleVector c2r = DoubleVector.fromArray(SPECIES, coshRe, base2 + j);
            DoubleVector c2i = DoubleVector.fromArray(SPECIES, coshIm, base2 + j);
            DoubleVector s2r = DoubleVector.fromArray(SPECIES, sinhRe, base2 + j).mul(sign2);
            DoubleVector s2i = DoubleVector.fromArray(SPECIES, sinhIm, base2 + j).mul(sign2);
            DoubleVector chr = c1r.mul(c2r).sub(c1i.mul(c2i)).add(s1r.mul(s2r).sub(s1i.mul(s2i)));
            DoubleVector chi = c1r.mul(c2i).add(c1i.mul(c2r)).add(s1r.mul(s2i).add(s1i.mul(s2r)));
            DoubleVector shr = s1r.mul(c2r).sub(s1i.mul(c2i)).add(c1r.mul(s2r).sub(c1i.mul(s2i)));
            DoubleVector shi = s1r.mul(c2i).add(s1i.mul(c2r)).add(c1r.mul(s2i).add(c1i.mul(s2r)));
            DoubleVector tr = DoubleVector.fromArray(SPECIES, tanhRe, j);
            DoubleVector ti = DoubleVector.fromArray(SPECIES, tanhIm, j);
            DoubleVector fr = chr.sub(tr.mul(shr).sub(ti.mul(shi)));
            DoubleVector fi = chi.sub(tr.mul(shi).add(ti.mul(shr)));
            DoubleVector n1c = c1r.abs().add(c1i.abs());
            DoubleVector n1s = s1r.abs().add(s1i.abs());
            DoubleVector n2c = c2r.abs().add(c2i.abs());
            DoubleVector n2s = s2r.abs().add(s2i.abs());
            DoubleVector terms = n1c.mul(n2c).add(n1s.mul(n2s))
                    .add(tr.abs().add(ti.abs()).mul(n1s.mul(n2c).add(n1c.mul(n2s))));
            DoubleVector f2 = fr.mul(fr).add(fi.mul(fi));
            worst = worst.max(terms.mul(terms).sub(f2.mul(perFactor2)));
            smallest = smallest.min(f2);
            DoubleVector nr = pr.mul(fr).sub(pi.mul(fi));
            pi = pr.mul(fi).add(pi.mul(fr));
            pr = nr;
            DoubleVector scale = renormalisation(pr, pi);
            pr = pr.mul(scale);
            pi = pi.mul(scale);
            steps = steps.add(stepOf(scale));
        }
        foldLanes(pr, pi, steps, worst, smallest, lanes, product);
        RbmKernels.multiplyTwoFlips(coshRe, coshIm, sinhRe, sinhIm, base1, sign1, base2, sign2,
                tanhRe, tanhIm, bound, nHidden, nHidden, product);
    }

    /** Per lane 2^−256 where max(|re|, |im|) &gt; 2^256, 2^256 where it is &lt; 2^−256, else 1. */
    private static DoubleVector renormalisation(DoubleVector pr, DoubleVector pi) {
        DoubleVector magnitude = pr.abs().max(pi.abs());
        VectorMask<Double> big = magnitude.compare(VectorOperators.GT, BIG_V);
        VectorMask<Double> small = magnitude.compare(VectorOperators.LT, SMALL_V);
        return ONE.blend(SMALL_V, big).blend(BIG_V, small);
    }

    /** +1 for a scale of 2^−256, −1 for 2^256, 0 for 1 (the exponent steps removed). */
    private static DoubleVector stepOf(DoubleVector scale) {
        return ZERO.blend(ONE, scale.compare(VectorOperators.LT, ONE))
                .blend(MINUS_ONE, scale.compare(VectorOperators.GT, ONE));
    }

    /**
     * Folds the lane products Π_lanes (pr + i·pi)·2^{256·steps} into the scalar running
     * {@code product}, trusted iff every lane passed the refusal test.
     */
    private static void foldLanes(DoubleVector pr, DoubleVector pi, DoubleVector steps,
                                  DoubleVector worst, DoubleVector smallest, double[] lanes,
                                  double[] product) {
        pr.intoArray(lanes, 0);
        pi.intoArray(lanes, LANES);
        steps.intoArray(lanes, 2 * LANES);
        double re = 1.0;
        double im = 0.0;
        int exponent = 0;
        for (int l = 0; l < LANES; l++) {
            double lr = lanes[l];
            double li = lanes[LANES + l];
            exponent += STEP_EXPONENT * (int) lanes[2 * LANES + l];
            double nr = re * lr - im * li;
            im = re * li + im * lr;
            re = nr;
            int k = RbmKernels.exponentToRemove(re, im);
            if (k != 0) {
                re = Math.scalb(re, -k);
                im = Math.scalb(im, -k);
                exponent += k;
            }
        }
        double worstViolation = worst.reduceLanes(VectorOperators.MAX);
        double smallestF2 = smallest.reduceLanes(VectorOperators.MIN);
        // an empty vector loop leaves −∞/+∞, which pass; NaN fails both comparisons
        boolean trusted = !(worstViolation > 0.0) && !Double.isNaN(worstViolation)
                && smallestF2 >= RbmKernels.MIN_FACTOR_MODULUS2;
        RbmKernels.storeProduct(re, im, exponent, trusted, product);
    }
}
