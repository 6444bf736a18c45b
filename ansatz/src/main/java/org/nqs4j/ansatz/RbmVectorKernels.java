package org.nqs4j.ansatz;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API (SPECIES_PREFERRED) versions of the hot RBM kernels: the θ update and the one- and
 * two-flip ratio products. Same mathematics, arguments and refusal rule as {@link RbmKernels}
 * (see there for the formulas); they agree with the scalar kernels to rounding.
 *
 * <p>Each lane keeps its own partial product, renormalised in fixed steps of 2^±256 (exact
 * multiplications) whenever it leaves [2^−256, 2^256]; the lanes are combined at the end with
 * the scalar exact renormalisation. A lane whose single factor exceeds ≈ 2^767 (|Re W| ≳ 265)
 * overflows and the product is refused, so the caller's log-cosh path takes over. Tails are
 * handled with {@code indexInRange} masks (neutral factor 1 in the inactive lanes).
 */
public final class RbmVectorKernels {
    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    /** Lanes per vector; callers size their lane scratch as 3·LANES. */
    public static final int LANES = SPECIES.length();
    private static final double BIG = 0x1p256;
    private static final double SMALL = 0x1p-256;
    private static final int STEP_EXPONENT = 256;

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
     * @param lanes scratch of at least 3·{@link #LANES} doubles
     */
    public static boolean hiddenLogRatioOneFlip(double[] coshRe, double[] coshIm, double[] sinhRe,
                                                double[] sinhIm, int base, double sign,
                                                double[] tanhRe, double[] tanhIm, int nHidden,
                                                double[] lanes, double[] out) {
        double perFactor = RbmKernels.MAX_ROUNDING_AMPLIFICATION / nHidden;
        double perFactor2 = perFactor * perFactor;
        DoubleVector pr = DoubleVector.broadcast(SPECIES, 1.0);
        DoubleVector pi = DoubleVector.zero(SPECIES);
        DoubleVector steps = DoubleVector.zero(SPECIES);
        VectorMask<Double> trusted = SPECIES.maskAll(true);
        for (int j = 0; j < nHidden; j += LANES) {
            VectorMask<Double> in = SPECIES.indexInRange(j, nHidden);
            DoubleVector cr = DoubleVector.fromArray(SPECIES, coshRe, base + j, in);
            DoubleVector ci = DoubleVector.fromArray(SPECIES, coshIm, base + j, in);
            DoubleVector sr = DoubleVector.fromArray(SPECIES, sinhRe, base + j, in).mul(sign);
            DoubleVector si = DoubleVector.fromArray(SPECIES, sinhIm, base + j, in).mul(sign);
            DoubleVector tr = DoubleVector.fromArray(SPECIES, tanhRe, j, in);
            DoubleVector ti = DoubleVector.fromArray(SPECIES, tanhIm, j, in);
            DoubleVector fr = cr.sub(tr.mul(sr).sub(ti.mul(si)));
            DoubleVector fi = ci.sub(tr.mul(si).add(ti.mul(sr)));
            DoubleVector terms = cr.abs().add(ci.abs())
                    .add(tr.abs().add(ti.abs()).mul(sr.abs().add(si.abs())));
            DoubleVector f2 = fr.mul(fr).add(fi.mul(fi));
            trusted = trusted.and(terms.mul(terms).compare(VectorOperators.LE, f2.mul(perFactor2))
                    .and(f2.compare(VectorOperators.GE, RbmKernels.MIN_FACTOR_MODULUS2))
                    .or(in.not()));
            fr = fr.blend(1.0, in.not());
            fi = fi.blend(0.0, in.not());
            DoubleVector nr = pr.mul(fr).sub(pi.mul(fi));
            pi = pr.mul(fi).add(pi.mul(fr));
            pr = nr;
            DoubleVector magnitude = pr.abs().max(pi.abs());
            VectorMask<Double> big = magnitude.compare(VectorOperators.GT, BIG);
            VectorMask<Double> small = magnitude.compare(VectorOperators.LT, SMALL);
            pr = pr.mul(SMALL, big).mul(BIG, small);
            pi = pi.mul(SMALL, big).mul(BIG, small);
            steps = steps.add(1.0, big).sub(1.0, small);
        }
        return trusted.allTrue() && combineLanes(pr, pi, steps, lanes, out);
    }

    /**
     * Vector form of {@link RbmKernels#hiddenLogRatioTwoFlips}:
     * log Πⱼ [cosh(x₁ + x₂) − tanh θⱼ sinh(x₁ + x₂)] by the addition theorems, or false.
     *
     * @param lanes scratch of at least 3·{@link #LANES} doubles
     */
    public static boolean hiddenLogRatioTwoFlips(double[] coshRe, double[] coshIm, double[] sinhRe,
                                                 double[] sinhIm, int base1, double sign1,
                                                 int base2, double sign2,
                                                 double[] tanhRe, double[] tanhIm, int nHidden,
                                                 double[] lanes, double[] out) {
        double perFactor = RbmKernels.MAX_ROUNDING_AMPLIFICATION / nHidden;
        double perFactor2 = perFactor * perFactor;
        DoubleVector pr = DoubleVector.broadcast(SPECIES, 1.0);
        DoubleVector pi = DoubleVector.zero(SPECIES);
        DoubleVector steps = DoubleVector.zero(SPECIES);
        VectorMask<Double> trusted = SPECIES.maskAll(true);
        for (int j = 0; j < nHidden; j += LANES) {
            VectorMask<Double> in = SPECIES.indexInRange(j, nHidden);
            DoubleVector c1r = DoubleVector.fromArray(SPECIES, coshRe, base1 + j, in);
            DoubleVector c1i = DoubleVector.fromArray(SPECIES, coshIm, base1 + j, in);
            DoubleVector s1r = DoubleVector.fromArray(SPECIES, sinhRe, base1 + j, in).mul(sign1);
            DoubleVector s1i = DoubleVector.fromArray(SPECIES, sinhIm, base1 + j, in).mul(sign1);
            DoubleVector c2r = DoubleVector.fromArray(SPECIES, coshRe, base2 + j, in);
            DoubleVector c2i = DoubleVector.fromArray(SPECIES, coshIm, base2 + j, in);
            DoubleVector s2r = DoubleVector.fromArray(SPECIES, sinhRe, base2 + j, in).mul(sign2);
            DoubleVector s2i = DoubleVector.fromArray(SPECIES, sinhIm, base2 + j, in).mul(sign2);
            DoubleVector chr = c1r.mul(c2r).sub(c1i.mul(c2i)).add(s1r.mul(s2r).sub(s1i.mul(s2i)));
            DoubleVector chi = c1r.mul(c2i).add(c1i.mul(c2r)).add(s1r.mul(s2i).add(s1i.mul(s2r)));
            DoubleVector shr = s1r.mul(c2r).sub(s1i.mul(c2i)).add(c1r.mul(s2r).sub(c1i.mul(s2i)));
            DoubleVector shi = s1r.mul(c2i).add(s1i.mul(c2r)).add(c1r.mul(s2i).add(c1i.mul(s2r)));
            DoubleVector tr = DoubleVector.fromArray(SPECIES, tanhRe, j, in);
            DoubleVector ti = DoubleVector.fromArray(SPECIES, tanhIm, j, in);
            DoubleVector fr = chr.sub(tr.mul(shr).sub(ti.mul(shi)));
            DoubleVector fi = chi.sub(tr.mul(shi).add(ti.mul(shr)));
            DoubleVector n1c = c1r.abs().add(c1i.abs());
            DoubleVector n1s = s1r.abs().add(s1i.abs());
            DoubleVector n2c = c2r.abs().add(c2i.abs());
            DoubleVector n2s = s2r.abs().add(s2i.abs());
            DoubleVector terms = n1c.mul(n2c).add(n1s.mul(n2s))
                    .add(tr.abs().add(ti.abs()).mul(n1s.mul(n2c).add(n1c.mul(n2s))));
            DoubleVector f2 = fr.mul(fr).add(fi.mul(fi));
            trusted = trusted.and(terms.mul(terms).compare(VectorOperators.LE, f2.mul(perFactor2))
                    .and(f2.compare(VectorOperators.GE, RbmKernels.MIN_FACTOR_MODULUS2))
                    .or(in.not()));
            fr = fr.blend(1.0, in.not());
            fi = fi.blend(0.0, in.not());
            DoubleVector nr = pr.mul(fr).sub(pi.mul(fi));
            pi = pr.mul(fi).add(pi.mul(fr));
            pr = nr;
            DoubleVector magnitude = pr.abs().max(pi.abs());
            VectorMask<Double> big = magnitude.compare(VectorOperators.GT, BIG);
            VectorMask<Double> small = magnitude.compare(VectorOperators.LT, SMALL);
            pr = pr.mul(SMALL, big).mul(BIG, small);
            pi = pi.mul(SMALL, big).mul(BIG, small);
            steps = steps.add(1.0, big).sub(1.0, small);
        }
        return trusted.allTrue() && combineLanes(pr, pi, steps, lanes, out);
    }

    /**
     * log Π_lanes (pr + i·pi)·2^{256·steps} into out[0..1] with the scalar exact
     * renormalisation; false when the product is zero or not finite.
     */
    private static boolean combineLanes(DoubleVector pr, DoubleVector pi, DoubleVector steps,
                                        double[] lanes, double[] out) {
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
        return RbmKernels.logOfScaledProduct(re, im, exponent, out);
    }
}
