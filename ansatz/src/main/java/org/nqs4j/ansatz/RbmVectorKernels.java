package org.nqs4j.ansatz;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API (SPECIES_PREFERRED) versions of the hot RBM kernels: the update of an accepted move
 * (θ, tanh θ, c) and the one- and two-flip ratio products. Same mathematics and refusal rule as {@link RbmKernels} (see
 * there for the formulas); they agree with the scalar kernels to rounding.
 *
 * <p>Why no masks: masked loads and masked lane-wise operations were not intrinsified by C2 on
 * the development machine (JDK 25, AVX-512) and fell back to boxed Java code, about 20× slower
 * than the scalar loop. Every loop here runs unmasked over whole vectors and hands the last
 * {@code M mod LANES} hidden units to the scalar kernel of {@link RbmKernels}.
 *
 * <p>Products: each lane keeps its own partial product, renormalised after every factor (two
 * flips) or every {@link #RENORMALISE_EVERY} factors and after the last (one flip) by the
 * exact power of two 2^{−e} that brings max(|re|, |im|) into [1, 2), e read from the exponent
 * bits (no compare or blend: masks and helper methods taking vectors pushed the kernels over
 * C2's node-count inlining cutoff, and every vector then lived in a heap box, ≈ 4 KB per call);
 * Σe is kept per lane. The lanes are then folded into the scalar running product
 * ({@link RbmKernels#startProduct}) through the {@code lanes} scratch. A lane that overflows
 * anyway (a factor ≥ 2^1022) becomes 0 or NaN, which the product's consumers refuse. The refusal
 * test |terms|² − (10⁵/M)²|f|² ≤ 0 and |f|² ≥ 2^−400 (and, for one flip, |f|² ≤ 2^400) is accumulated
 * as a mask of the lanes that passed, tested once at the end ({@code allTrue}, no lane reduction: the
 * min/max reductions it replaced cost 6 shuffles and blends each); a NaN fails every comparison. A
 * product whose mask is not full goes to the scalar kernel (one flip) or is refused (two flips),
 * exactly as the scalar kernel would decide, so the same bits as before.
 *
 * <p>No branch on the data inside a vector kernel: a verdict (a refusal, a bound) is returned or folded in
 * with {@code &}, and the choice it leads to is made by a small caller ({@link #productOneFlip} around
 * {@code productOneFlipLanes}). A branch whose other side first comes hundreds of steps into a run (θ growing,
 * a first refusal) was compiled by C2 as never taken, and taking it deoptimised the kernel, which then ran on
 * the Vector API's boxed fallback until compiled again (0.2–0.7 s each; benchmarks/README.md, "Session 28").
 * The remaining one is {@link #applyStep}'s hand-over of an out-of-bounds vector to the scalar kernel.
 */
public final class RbmVectorKernels {
    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    /** Lanes per vector; callers size their lane scratch as 2·LANES (4·LANES for {@link #productsOneFlip}). */
    public static final int LANES = SPECIES.length();
    /** 2046 − e is the biased exponent of 2^{1023−e}, the scale removing exponent e − 1023. */
    private static final LongVector TWICE_BIAS = LongVector.broadcast(LongVector.SPECIES_PREFERRED, 2046);
    private static final LongVector BIAS = LongVector.broadcast(LongVector.SPECIES_PREFERRED, 1023);
    private static final LongVector ONE_L = LongVector.broadcast(LongVector.SPECIES_PREFERRED, 1);
    /** 1.5·2^52: adding it rounds to an integer held in the low mantissa bits. */
    private static final DoubleVector ROUNDER_V = DoubleVector.broadcast(SPECIES, 0x1.8p52);
    private static final LongVector ROUNDER_BITS = LongVector.broadcast(LongVector.SPECIES_PREFERRED,
            Double.doubleToRawLongBits(0x1.8p52));
    private static final DoubleVector MIN_EXPONENT_V = DoubleVector.broadcast(SPECIES, -700.0);
    private static final DoubleVector INV_LN2_V = DoubleVector.broadcast(SPECIES, 1.4426950408889634);
    /** ln 2 = LN2_HI + LN2_LO, LN2_HI with 32 trailing zero bits (fdlibm). */
    private static final DoubleVector LN2_HI_V = DoubleVector.broadcast(SPECIES, 6.93147180369123816490e-01);
    private static final DoubleVector LN2_LO_V = DoubleVector.broadcast(SPECIES, 1.90821492927058770002e-10);
    /** Phases beyond this go to the scalar kernel: q·PIO2_1 stays exact for |q| &lt; 2^20. */
    static final double MAX_REDUCIBLE_PHASE = 1e6;
    private static final DoubleVector MAX_PHASE_V = DoubleVector.broadcast(SPECIES, MAX_REDUCIBLE_PHASE);
    private static final DoubleVector TWO_OVER_PI_V = DoubleVector.broadcast(SPECIES, 0.6366197723675814);
    /** π/2 in three parts of 33 bits (fdlibm's pio2_1, pio2_2, pio2_2t). */
    private static final DoubleVector PIO2_1_V = DoubleVector.broadcast(SPECIES, 1.57079632673412561417e+00);
    private static final DoubleVector PIO2_2_V = DoubleVector.broadcast(SPECIES, 6.07710050630396597660e-11);
    private static final DoubleVector PIO2_3_V = DoubleVector.broadcast(SPECIES, 2.02226624879595063154e-21);
    /** expm1(r)/r = Σ r^m/(m+1)!, m ≤ 13. */
    private static final double[] EXPM1_COEFFICIENTS = taylor(1, 14, 1);
    /** sin(r)/r = Σ (−1)^m r^{2m}/(2m+1)!, cos r = Σ (−1)^m r^{2m}/(2m)!, |r| ≤ π/4. */
    private static final double[] SIN_COEFFICIENTS = taylor(1, 9, 2);
    private static final double[] COS_COEFFICIENTS = taylor(0, 9, 2);
    // broadcast constants as vectors: the scalar-argument forms of blend/compare boxed on JDK 25
    private static final DoubleVector ONE = DoubleVector.broadcast(SPECIES, 1.0);
    private static final DoubleVector MINUS_ONE = DoubleVector.broadcast(SPECIES, -1.0);
    private static final DoubleVector ZERO = DoubleVector.zero(SPECIES);
    private static final DoubleVector HALF = DoubleVector.broadcast(SPECIES, 0.5);
    private static final DoubleVector TWO = DoubleVector.broadcast(SPECIES, 2.0);
    /**
     * The one-flip product renormalises its lanes after every {@value} factors and after the last:
     * with every |f|² ≤ 2^400 and ≥ 2^−400 (else refused), a lane
     * starting in [1, 2) stays within 2^{±802}, far from overflow and subnormals, so the skipped
     * scalings by powers of two would not have changed a mantissa bit.
     */
    private static final int RENORMALISE_EVERY = 4;
    private static final DoubleVector MAX_UNSCALED_FACTOR2_V = DoubleVector.broadcast(SPECIES, 0x1p400);
    private static final DoubleVector MIN_FACTOR2_V = DoubleVector.broadcast(SPECIES, RbmKernels.MIN_FACTOR_MODULUS2);

    private RbmVectorKernels() {
    }

    /**
     * Coefficients c_m = ε^m / (first + step·m)! for m &lt; count, with ε = 1 for step 1 and
     * ε = −1 for step 2 (the alternating sin/cos series in r²).
     */
    private static double[] taylor(int first, int count, int step) {
        double[] c = new double[count];
        for (int m = 0; m < count; m++) {
            double factorial = 1.0;
            for (int f = 2; f <= first + step * m; f++) {
                factorial *= f;
            }
            c[m] = (step == 2 && m % 2 == 1 ? -1.0 : 1.0) / factorial;
        }
        return c;
    }

    /**
     * {@link RbmKernels#applyFlips} on whole vectors of hidden units: the same operations lane by
     * lane (the table selection by exact 0/1 weights, the choice between the two forms of c' by
     * a blend), so θ, tanh θ and c are the same bits as the scalar kernel's. A vector with a lane
     * outside the bounds is handed, whole and untouched, to the scalar kernel, which recomputes
     * that lane from θ; so is the tail of M mod LANES units. The flips are applied one pass each
     * ({@link #applyStep}), so where a lane of a move of several flips leaves the bounds, the scalar kernel
     * recomputes it after that flip, not after the last, and later flips update it from there (to rounding
     * the same c; the scalar kernel itself recomputes after the last).
     *
     * @param sigma spins before the move (left unchanged)
     */
    public static void applyFlips(double[] wRe, double[] wIm, double[] tanh2wRe, double[] tanh2wIm,
                                  double[] plusRe, double[] plusIm, double[] minusRe, double[] minusIm,
                                  int nHidden, int[] sigma, int[] sites, int offset, int count,
                                  double[] thetaRe, double[] thetaIm, double[] tanhRe, double[] tanhIm,
                                  double[] compRe, double[] compIm, double[] upper) {
        applyMove(wRe, wIm, tanh2wRe, tanh2wIm, plusRe, plusIm, minusRe, minusIm, nHidden, sigma, sites, offset, count,
                -1, 0.0, thetaRe, thetaIm, tanhRe, tanhIm, compRe, compIm, upper);
    }

    /**
     * {@link RbmKernels#applyMove} on whole vectors, as {@link #applyFlips}: a list of flips, one {@link #applyStep
     * step} each, or with {@code pairBase} ≥ 0 the exchange of a tabulated pair in one step over the pair's tables.
     * Returns whether every |cⱼ|² ≤ {@link RbmKernels#COMPLEMENT_BOUND2} afterwards (what the sufficient trust test
     * of {@link #productOneFlip} needs), from the |c|² the bounds check computes anyway.
     */
    static boolean applyMove(double[] wRe, double[] wIm, double[] tanh2wRe, double[] tanh2wIm,
                             double[] plusRe, double[] plusIm, double[] minusRe, double[] minusIm,
                             int nHidden, int[] sigma, int[] sites, int offset, int count, int pairBase,
                             double pairSign, double[] thetaRe, double[] thetaIm, double[] tanhRe, double[] tanhIm,
                             double[] compRe, double[] compIm, double[] upper) {
        if (pairBase >= 0) {
            return applyStep(wRe, wIm, tanh2wRe, tanh2wIm, plusRe, plusIm, minusRe, minusIm, nHidden, sigma, sites,
                    offset, 2, pairBase, pairSign, thetaRe, thetaIm, tanhRe, tanhIm, compRe, compIm, upper);
        }
        boolean bounded = count > 0 || RbmKernels.complementsBounded(compRe, compIm, 0, nHidden);
        for (int f = offset; f < offset + count; f++) {
            // the flips one after the other: per unit the same operations in the same order as all in one pass
            bounded = applyStep(wRe, wIm, tanh2wRe, tanh2wIm, plusRe, plusIm, minusRe, minusIm, nHidden, sigma, sites,
                    f, 1, sites[f] * nHidden, sigma[sites[f]], thetaRe, thetaIm, tanhRe, tanhIm, compRe, compIm,
                    upper);
        }
        return bounded;
    }

    /**
     * One step of {@link #applyMove}: θ += −2σᵢWᵢ for the step's one or two sites {@code sites[offset ..
     * offset + count)}, then c' over the table row at {@code tableBase} with sign {@code tableSign} (a flip: the
     * site's row of tanh 2W, 1 ± tanh 2W and σᵢ; an exchange: the pair's row and σ_lo). Written out without a
     * loop over the sites or a branch on their number: vectors carried through either made the update 10–20 %
     * slower (C2); a flip computes the second site's θ too (of its own row) and blends it away.
     * A vector with a lane outside the bounds goes, whole and untouched, to the scalar kernel for this step.
     */
    static boolean applyStep(double[] wRe, double[] wIm, double[] tanh2wRe, double[] tanh2wIm,
                             double[] plusRe, double[] plusIm, double[] minusRe, double[] minusIm,
                             int nHidden, int[] sigma, int[] sites, int offset, int count, int tableBase,
                             double tableSign, double[] thetaRe, double[] thetaIm, double[] tanhRe,
                             double[] tanhIm, double[] compRe, double[] compIm, double[] upper) {
        DoubleVector complementBound2V = DoubleVector.broadcast(SPECIES, RbmKernels.COMPLEMENT_BOUND2);
        boolean bounded = true;
        DoubleVector floor2V = DoubleVector.broadcast(SPECIES, RbmKernels.UPDATE_FLOOR2);
        DoubleVector ceiling2V = DoubleVector.broadcast(SPECIES, RbmKernels.UPDATE_CEILING2);
        boolean two = count == 2;
        int base1 = sites[offset] * nHidden;
        int base2 = two ? sites[offset + 1] * nHidden : base1;
        double minusTwoS1 = -2.0 * sigma[sites[offset]];
        double minusTwoS2 = -2.0 * sigma[sites[two ? offset + 1 : offset]];
        int pairBase = two ? tableBase : -1; // the scalar kernel's form of the step
        VectorMask<Double> second = SPECIES.maskAll(two);
        int bound = SPECIES.loopBound(nHidden);
        for (int j = 0; j < bound; j += LANES) {
            DoubleVector thr = DoubleVector.fromArray(SPECIES, thetaRe, j);
            DoubleVector thi = DoubleVector.fromArray(SPECIES, thetaIm, j);
            DoubleVector h = DoubleVector.fromArray(SPECIES, upper, j);
            DoubleVector s = h.mul(2.0).sub(ONE);
            DoubleVector cr = DoubleVector.fromArray(SPECIES, compRe, j);
            DoubleVector ci = DoubleVector.fromArray(SPECIES, compIm, j);
            thr = DoubleVector.fromArray(SPECIES, wRe, base1 + j).mul(minusTwoS1).add(thr);
            thi = DoubleVector.fromArray(SPECIES, wIm, base1 + j).mul(minusTwoS1).add(thi);
            // an exchange updates c once, after θ has both of its sites; a blend, not a branch (see above)
            thr = thr.blend(DoubleVector.fromArray(SPECIES, wRe, base2 + j).mul(minusTwoS2).add(thr), second);
            thi = thi.blend(DoubleVector.fromArray(SPECIES, wIm, base2 + j).mul(minusTwoS2).add(thi), second);
            int w = tableBase + j;
            DoubleVector ur = DoubleVector.fromArray(SPECIES, tanh2wRe, w).mul(-tableSign);
            DoubleVector ui = DoubleVector.fromArray(SPECIES, tanh2wIm, w).mul(-tableSign);
            DoubleVector g = tableSign > 0 ? h : ONE.sub(h);
            DoubleVector k = ONE.sub(g);
            DoubleVector pr = DoubleVector.fromArray(SPECIES, plusRe, w);
            DoubleVector pi = DoubleVector.fromArray(SPECIES, plusIm, w);
            DoubleVector qr = DoubleVector.fromArray(SPECIES, minusRe, w);
            DoubleVector qi = DoubleVector.fromArray(SPECIES, minusIm, w);
            DoubleVector ar = g.mul(pr).add(k.mul(qr));
            DoubleVector ai = g.mul(pi).add(k.mul(qi));
            DoubleVector br = g.mul(qr).add(k.mul(pr));
            DoubleVector bi = g.mul(qi).add(k.mul(pi));
            DoubleVector dr = br.sub(cr.mul(ur).sub(ci.mul(ui)));
            DoubleVector di = bi.sub(cr.mul(ui).add(ci.mul(ur)));
            var nonNegative = thr.compare(VectorOperators.GE, ZERO);
            DoubleVector sNew = MINUS_ONE.blend(ONE, nonNegative);
            var same = sNew.compare(VectorOperators.EQ, s);
            DoubleVector xr = s.neg().mul(TWO.sub(s.mul(cr))).blend(cr, same);
            DoubleVector yr = br.blend(ar, same);
            DoubleVector yi = bi.blend(ai, same);
            DoubleVector nr = xr.mul(yr).sub(ci.mul(yi));
            DoubleVector ni = xr.mul(yi).add(ci.mul(yr));
            DoubleVector d2 = dr.mul(dr).add(di.mul(di));
            DoubleVector inv = ONE.div(d2);
            cr = nr.mul(dr).add(ni.mul(di)).mul(inv);
            ci = ni.mul(dr).sub(nr.mul(di)).mul(inv);
            s = sNew;
            h = HALF.add(HALF.mul(sNew));
            DoubleVector c2 = cr.mul(cr).add(ci.mul(ci));
            boolean inBounds = d2.compare(VectorOperators.GE, floor2V).and(d2.compare(VectorOperators.LE, ceiling2V))
                    .and(c2.compare(VectorOperators.GE, floor2V))
                    .and(c2.compare(VectorOperators.LE, ceiling2V)).allTrue();
            if (inBounds) {
                thr.intoArray(thetaRe, j);
                thi.intoArray(thetaIm, j);
                cr.intoArray(compRe, j);
                ci.intoArray(compIm, j);
                h.intoArray(upper, j);
                s.sub(cr).intoArray(tanhRe, j);
                ci.neg().intoArray(tanhIm, j);
                bounded &= cr.mul(cr).add(ci.mul(ci)).compare(VectorOperators.LE, complementBound2V).allTrue();
            } else {
                RbmKernels.applyMove(wRe, wIm, tanh2wRe, tanh2wIm, plusRe, plusIm, minusRe, minusIm, nHidden, sigma,
                        sites, offset, count, pairBase, tableSign, thetaRe, thetaIm, tanhRe, tanhIm, compRe, compIm,
                        upper, j, j + LANES);
                bounded &= complementsBounded(compRe, compIm, j);
            }
        }
        if (bound == nHidden) {
            return bounded;
        }
        RbmKernels.applyMove(wRe, wIm, tanh2wRe, tanh2wIm, plusRe, plusIm, minusRe, minusIm, nHidden, sigma, sites,
                offset, count, pairBase, tableSign, thetaRe, thetaIm, tanhRe, tanhIm, compRe, compIm, upper, bound,
                nHidden);
        // the last LANES units (overlapping checked ones: the conjunction is the same) rather than the scalar tail
        return bounded & (nHidden >= LANES ? complementsBounded(compRe, compIm, nHidden - LANES)
                : RbmKernels.complementsBounded(compRe, compIm, bound, nHidden));
    }

    /**
     * {@link RbmKernels#complementsBounded} for the {@link #LANES} units from {@code j}, as one mask test. The
     * bounds checks of {@link #applyStep} have no branch on the data: a state where some |cⱼ| &gt; 2 can first
     * appear hundreds of steps into a run (a complex RBM's θ growing), and a branch that C2 had compiled as
     * never taken then deoptimised the sampling loop, which ran on the Vector API's boxed fallback (0.2 s) until
     * compiled again. Arrays in, a boolean out: C2 does not inline it into the large {@link #applyStep}
     * (node count), and a vector argument would then be boxed at every call.
     */
    private static boolean complementsBounded(double[] compRe, double[] compIm, int j) {
        DoubleVector cr = DoubleVector.fromArray(SPECIES, compRe, j);
        DoubleVector ci = DoubleVector.fromArray(SPECIES, compIm, j);
        return cr.mul(cr).add(ci.mul(ci)).compare(VectorOperators.LE, RbmKernels.COMPLEMENT_BOUND2).allTrue();
    }

    /**
     * Vector form of {@link RbmKernels#hiddenLogRatioOneFlip}:
     * log Πⱼ [e^{−sⱼxⱼ} + cⱼ sinh xⱼ], or false when refused.
     *
     * Allocates its 4-double running product; hot loops call {@link #productOneFlip}.
     *
     * @param lanes scratch of at least 2·{@link #LANES} doubles
     */
    public static boolean hiddenLogRatioOneFlip(double[] ePosRe, double[] ePosIm, double[] eNegRe,
                                                double[] eNegIm, int base, double sign,
                                                double[] compRe, double[] compIm, double[] upper,
                                                int nHidden, double[] lanes, double[] out) {
        double[] product = new double[RbmKernels.PRODUCT_LENGTH];
        productOneFlip(ePosRe, ePosIm, eNegRe, eNegIm, base, sign, compRe, compIm, upper, nHidden, 0.0, lanes,
                product);
        return RbmKernels.logOfProduct(product, out);
    }

    /**
     * Vector form of {@link RbmKernels#hiddenLogRatioTwoFlips}:
     * log Πⱼ [e^{−sⱼx} + cⱼ sinh x], x = x₁ + x₂, e^{±x} = e^{±x₁}e^{±x₂}, or false.
     *
     * Allocates its 4-double running product; hot loops call {@link #productTwoFlips}.
     *
     * @param lanes scratch of at least 2·{@link #LANES} doubles
     */
    public static boolean hiddenLogRatioTwoFlips(double[] ePosRe, double[] ePosIm, double[] eNegRe,
                                                 double[] eNegIm, int base1, double sign1,
                                                 int base2, double sign2, double[] compRe,
                                                 double[] compIm, double[] upper, int nHidden,
                                                 double[] lanes, double[] out) {
        double[] product = new double[RbmKernels.PRODUCT_LENGTH];
        productTwoFlips(ePosRe, ePosIm, eNegRe, eNegIm, base1, sign1, base2, sign2, compRe, compIm, upper,
                nHidden, lanes, product);
        return RbmKernels.logOfProduct(product, out);
    }

    /**
     * The running product of {@link #hiddenLogRatioOneFlip} over all M hidden units into
     * {@code product} ({@link RbmKernels#PRODUCT_LENGTH} doubles); {@code lanes} holds 2·LANES.
     *
     * <p>With {@code sufficientFloor2} &gt; 0 (from {@link RbmKernels#sufficientFloor2}) the refusal test
     * of each factor is replaced by the sufficient one |f|² ≥ sufficientFloor2, valid when every
     * |cⱼ| ≤ 2: it costs one comparison instead of the 8 absolute values and 9 operations of the exact
     * test, and when every factor passes it, every factor passes the exact test too, so the product is
     * the same bits. Otherwise the product is computed again with the exact test.
     */
    static void productOneFlip(double[] ePosRe, double[] ePosIm, double[] eNegRe,
                               double[] eNegIm, int base, double sign, double[] compRe,
                               double[] compIm, double[] upper, int nHidden, double sufficientFloor2,
                               double[] lanes, double[] product) {
        boolean sufficient = sufficientFloor2 > 0.0;
        if (productOneFlipLanes(ePosRe, ePosIm, eNegRe, eNegIm, base, sign, compRe, compIm, upper, nHidden,
                sufficientFloor2, lanes, product)
                || sufficient && productOneFlipLanes(ePosRe, ePosIm, eNegRe, eNegIm, base, sign, compRe, compIm,
                upper, nHidden, 0.0, lanes, product)) {
            multiplyTail(ePosRe, ePosIm, eNegRe, eNegIm, base, sign, compRe, compIm, upper, nHidden, product);
        } else {
            // a factor beyond 2^200, a refused or NaN factor: the scalar kernel, which renormalises after
            // every factor and refuses what the lanes would have refused
            RbmKernels.multiplyOneFlip(ePosRe, ePosIm, eNegRe, eNegIm, base, sign, compRe, compIm, upper, 0,
                    nHidden, nHidden, RbmKernels.startProduct(product));
        }
    }

    /** The units M − (M mod LANES) .. M − 1 of a one-flip product, by the scalar kernel. */
    private static void multiplyTail(double[] ePosRe, double[] ePosIm, double[] eNegRe, double[] eNegIm, int base,
                                     double sign, double[] compRe, double[] compIm, double[] upper, int nHidden,
                                     double[] product) {
        int bound = SPECIES.loopBound(nHidden);
        if (bound < nHidden) {
            RbmKernels.multiplyOneFlip(ePosRe, ePosIm, eNegRe, eNegIm, base, sign, compRe, compIm, upper, bound,
                    nHidden, nHidden, product);
        }
    }

    /**
     * The lanes of {@link #productOneFlip} under the given test, folded into {@code product}; returns whether
     * every factor passed it (else the caller computes the product again). The choices are the caller's: a first
     * refusal can come deep into a run, and a branch here that C2 had compiled as never taken deoptimised this
     * kernel, which then ran on the Vector API's boxed fallback until compiled again (0.2–0.6 s). C2 does not
     * inline the kernel (its size), so such a trap lands in the small caller, whose kernels stay compiled.
     */
    private static boolean productOneFlipLanes(double[] ePosRe, double[] ePosIm, double[] eNegRe,
                                               double[] eNegIm, int base, double sign, double[] compRe,
                                               double[] compIm, double[] upper, int nHidden, double sufficientFloor2,
                                               double[] lanes, double[] product) {
        boolean sufficient = sufficientFloor2 > 0.0;
        DoubleVector floor2V = DoubleVector.broadcast(SPECIES, sufficientFloor2);
        double[] plusRe = sign > 0 ? ePosRe : eNegRe;
        double[] plusIm = sign > 0 ? ePosIm : eNegIm;
        double[] minusRe = sign > 0 ? eNegRe : ePosRe;
        double[] minusIm = sign > 0 ? eNegIm : ePosIm;
        double perFactor = RbmKernels.MAX_ROUNDING_AMPLIFICATION / nHidden;
        double perFactor2 = perFactor * perFactor;
        int bound = SPECIES.loopBound(nHidden);
        DoubleVector pr = DoubleVector.broadcast(SPECIES, 1.0);
        DoubleVector pi = DoubleVector.zero(SPECIES);
        LongVector steps = LongVector.zero(LongVector.SPECIES_PREFERRED);
        VectorMask<Double> good = SPECIES.maskAll(true);
        for (int j = 0; j < bound; j += LANES) {
            DoubleVector ar = DoubleVector.fromArray(SPECIES, plusRe, base + j);
            DoubleVector ai = DoubleVector.fromArray(SPECIES, plusIm, base + j);
            DoubleVector br = DoubleVector.fromArray(SPECIES, minusRe, base + j);
            DoubleVector bi = DoubleVector.fromArray(SPECIES, minusIm, base + j);
            DoubleVector h = DoubleVector.fromArray(SPECIES, upper, j);
            DoubleVector g = ONE.sub(h);
            DoubleVector er = h.mul(br).add(g.mul(ar));
            DoubleVector ei = h.mul(bi).add(g.mul(ai));
            DoubleVector shr = ar.sub(br).mul(0.5);
            DoubleVector shi = ai.sub(bi).mul(0.5);
            DoubleVector cr = DoubleVector.fromArray(SPECIES, compRe, j);
            DoubleVector ci = DoubleVector.fromArray(SPECIES, compIm, j);
            DoubleVector fr = er.add(cr.mul(shr).sub(ci.mul(shi)));
            DoubleVector fi = ei.add(cr.mul(shi).add(ci.mul(shr)));
            DoubleVector f2 = fr.mul(fr).add(fi.mul(fi));
            if (sufficient) {
                // implies |f|² ≤ 2^400 too: a floor > 0 needs floor·R² ≤ 1, so R² ≤ (10⁵/M)/(1 + 2√2) and
                // |f|² ≤ (1 + 2√2)²R² < 4·10⁵ ({@link RbmKernels#sufficientFloor2})
                good = good.and(f2.compare(VectorOperators.GE, floor2V));
            } else {
                DoubleVector terms = er.abs().add(ei.abs()).add(cr.abs().add(ci.abs())
                        .mul(ar.abs().add(ai.abs()).add(br.abs().add(bi.abs())).mul(0.5)));
                good = good.and(terms.mul(terms).sub(f2.mul(perFactor2)).compare(VectorOperators.LE, ZERO))
                        .and(f2.compare(VectorOperators.GE, MIN_FACTOR2_V))
                        .and(f2.compare(VectorOperators.LE, MAX_UNSCALED_FACTOR2_V));
            }
            DoubleVector nr = pr.mul(fr).sub(pi.mul(fi));
            pi = pr.mul(fi).add(pi.mul(fr));
            pr = nr;
            if ((j / LANES) % RENORMALISE_EVERY == RENORMALISE_EVERY - 1 || j + LANES >= bound) {
                // exact renormalisation, written out here (see the class comment)
                LongVector exponent = pr.abs().max(pi.abs()).reinterpretAsLongs()
                        .lanewise(VectorOperators.LSHR, 52);
                DoubleVector scale = TWICE_BIAS.sub(exponent).lanewise(VectorOperators.LSHL, 52)
                        .reinterpretAsDoubles();
                pr = pr.mul(scale);
                pi = pi.mul(scale);
                steps = steps.add(exponent).sub(BIAS);
            }
        }
        pr.intoArray(lanes, 0);
        pi.intoArray(lanes, LANES);
        foldLanes(lanes, 0, (int) steps.reduceLanes(VectorOperators.ADD), product);
        return good.allTrue();
    }

    /**
     * Two independent products of {@link #productOneFlip} with the sufficient trust test (floors from
     * {@link RbmKernels#sufficientFloor2}, both &gt; 0, every |cⱼ| ≤ 2), side by side in one loop over the
     * hidden units: at M = 40 a product is a chain of 5 dependent complex multiplications, a fold of 8
     * lanes and a few scalar steps, mostly latency; two chains in one loop fill each other's gaps and
     * share the loads of c and (1 + s)/2. Each product's operations are those of {@link #productOneFlip},
     * in the same order, so the same bits, also where one of them takes the exact test or the scalar kernel.
     *
     * @param lanes scratch of at least 4·{@link #LANES} doubles
     */
    static void productsOneFlip(double[] ePos1Re, double[] ePos1Im, double[] eNeg1Re, double[] eNeg1Im, int base1,
                                double sign1, double floor1, double[] ePos2Re, double[] ePos2Im, double[] eNeg2Re,
                                double[] eNeg2Im, int base2, double sign2, double floor2, double[] compRe,
                                double[] compIm, double[] upper, int nHidden, double[] lanes, double[] product1,
                                double[] product2) {
        if (productsOneFlipLanes(ePos1Re, ePos1Im, eNeg1Re, eNeg1Im, base1, sign1, floor1, ePos2Re, ePos2Im, eNeg2Re,
                eNeg2Im, base2, sign2, floor2, compRe, compIm, upper, nHidden, lanes, product1, product2)) {
            multiplyTail(ePos1Re, ePos1Im, eNeg1Re, eNeg1Im, base1, sign1, compRe, compIm, upper, nHidden, product1);
            multiplyTail(ePos2Re, ePos2Im, eNeg2Re, eNeg2Im, base2, sign2, compRe, compIm, upper, nHidden, product2);
        } else {
            // a factor of either failed the sufficient test: each alone, which is the same bits where it passes
            productOneFlip(ePos1Re, ePos1Im, eNeg1Re, eNeg1Im, base1, sign1, compRe, compIm, upper, nHidden, floor1,
                    lanes, product1);
            productOneFlip(ePos2Re, ePos2Im, eNeg2Re, eNeg2Im, base2, sign2, compRe, compIm, upper, nHidden, floor2,
                    lanes, product2);
        }
    }

    /**
     * The lanes of {@link #productsOneFlip}, folded into the two products; returns whether every factor of both
     * passed the sufficient test (else neither product is to be used). No branch on the data, as
     * {@link #productOneFlipLanes}.
     */
    private static boolean productsOneFlipLanes(double[] ePos1Re, double[] ePos1Im, double[] eNeg1Re,
                                                double[] eNeg1Im, int base1, double sign1, double floor1,
                                                double[] ePos2Re, double[] ePos2Im, double[] eNeg2Re,
                                                double[] eNeg2Im, int base2, double sign2, double floor2,
                                                double[] compRe, double[] compIm, double[] upper, int nHidden,
                                                double[] lanes, double[] product1, double[] product2) {
        DoubleVector floor1V = DoubleVector.broadcast(SPECIES, floor1);
        DoubleVector floor2V = DoubleVector.broadcast(SPECIES, floor2);
        double[] plus1Re = sign1 > 0 ? ePos1Re : eNeg1Re;
        double[] plus1Im = sign1 > 0 ? ePos1Im : eNeg1Im;
        double[] minus1Re = sign1 > 0 ? eNeg1Re : ePos1Re;
        double[] minus1Im = sign1 > 0 ? eNeg1Im : ePos1Im;
        double[] plus2Re = sign2 > 0 ? ePos2Re : eNeg2Re;
        double[] plus2Im = sign2 > 0 ? ePos2Im : eNeg2Im;
        double[] minus2Re = sign2 > 0 ? eNeg2Re : ePos2Re;
        double[] minus2Im = sign2 > 0 ? eNeg2Im : ePos2Im;
        int bound = SPECIES.loopBound(nHidden);
        DoubleVector p1r = DoubleVector.broadcast(SPECIES, 1.0);
        DoubleVector p1i = DoubleVector.zero(SPECIES);
        DoubleVector p2r = p1r;
        DoubleVector p2i = p1i;
        LongVector steps1 = LongVector.zero(LongVector.SPECIES_PREFERRED);
        LongVector steps2 = steps1;
        VectorMask<Double> good1 = SPECIES.maskAll(true);
        VectorMask<Double> good2 = good1;
        for (int j = 0; j < bound; j += LANES) {
            DoubleVector h = DoubleVector.fromArray(SPECIES, upper, j);
            DoubleVector g = ONE.sub(h);
            DoubleVector cr = DoubleVector.fromArray(SPECIES, compRe, j);
            DoubleVector ci = DoubleVector.fromArray(SPECIES, compIm, j);
            DoubleVector a1r = DoubleVector.fromArray(SPECIES, plus1Re, base1 + j);
            DoubleVector a1i = DoubleVector.fromArray(SPECIES, plus1Im, base1 + j);
            DoubleVector b1r = DoubleVector.fromArray(SPECIES, minus1Re, base1 + j);
            DoubleVector b1i = DoubleVector.fromArray(SPECIES, minus1Im, base1 + j);
            DoubleVector a2r = DoubleVector.fromArray(SPECIES, plus2Re, base2 + j);
            DoubleVector a2i = DoubleVector.fromArray(SPECIES, plus2Im, base2 + j);
            DoubleVector b2r = DoubleVector.fromArray(SPECIES, minus2Re, base2 + j);
            DoubleVector b2i = DoubleVector.fromArray(SPECIES, minus2Im, base2 + j);
            DoubleVector e1r = h.mul(b1r).add(g.mul(a1r));
            DoubleVector e1i = h.mul(b1i).add(g.mul(a1i));
            DoubleVector e2r = h.mul(b2r).add(g.mul(a2r));
            DoubleVector e2i = h.mul(b2i).add(g.mul(a2i));
            DoubleVector sh1r = a1r.sub(b1r).mul(0.5);
            DoubleVector sh1i = a1i.sub(b1i).mul(0.5);
            DoubleVector sh2r = a2r.sub(b2r).mul(0.5);
            DoubleVector sh2i = a2i.sub(b2i).mul(0.5);
            DoubleVector f1r = e1r.add(cr.mul(sh1r).sub(ci.mul(sh1i)));
            DoubleVector f1i = e1i.add(cr.mul(sh1i).add(ci.mul(sh1r)));
            DoubleVector f2r = e2r.add(cr.mul(sh2r).sub(ci.mul(sh2i)));
            DoubleVector f2i = e2i.add(cr.mul(sh2i).add(ci.mul(sh2r)));
            DoubleVector m1 = f1r.mul(f1r).add(f1i.mul(f1i));
            DoubleVector m2 = f2r.mul(f2r).add(f2i.mul(f2i));
            good1 = good1.and(m1.compare(VectorOperators.GE, floor1V)); // implies |f|² ≤ 2^400 (productOneFlip)
            good2 = good2.and(m2.compare(VectorOperators.GE, floor2V));
            DoubleVector n1r = p1r.mul(f1r).sub(p1i.mul(f1i));
            DoubleVector n2r = p2r.mul(f2r).sub(p2i.mul(f2i));
            p1i = p1r.mul(f1i).add(p1i.mul(f1r));
            p2i = p2r.mul(f2i).add(p2i.mul(f2r));
            p1r = n1r;
            p2r = n2r;
            if ((j / LANES) % RENORMALISE_EVERY == RENORMALISE_EVERY - 1 || j + LANES >= bound) {
                // exact renormalisation of both, as productOneFlip's
                LongVector x1 = p1r.abs().max(p1i.abs()).reinterpretAsLongs().lanewise(VectorOperators.LSHR, 52);
                LongVector x2 = p2r.abs().max(p2i.abs()).reinterpretAsLongs().lanewise(VectorOperators.LSHR, 52);
                DoubleVector s1 = TWICE_BIAS.sub(x1).lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();
                DoubleVector s2 = TWICE_BIAS.sub(x2).lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();
                p1r = p1r.mul(s1);
                p1i = p1i.mul(s1);
                p2r = p2r.mul(s2);
                p2i = p2i.mul(s2);
                steps1 = steps1.add(x1).sub(BIAS);
                steps2 = steps2.add(x2).sub(BIAS);
            }
        }
        p1r.intoArray(lanes, 0);
        p1i.intoArray(lanes, LANES);
        p2r.intoArray(lanes, 2 * LANES);
        p2i.intoArray(lanes, 3 * LANES);
        foldLanes(lanes, 0, (int) steps1.reduceLanes(VectorOperators.ADD), product1);
        foldLanes(lanes, 2 * LANES, (int) steps2.reduceLanes(VectorOperators.ADD), product2);
        return good1.and(good2).allTrue();
    }

    /** The running product of {@link #hiddenLogRatioTwoFlips}, as {@link #productOneFlip}. */
    static void productTwoFlips(double[] ePosRe, double[] ePosIm, double[] eNegRe,
                                double[] eNegIm, int base1, double sign1, int base2,
                                double sign2, double[] compRe, double[] compIm, double[] upper,
                                int nHidden, double[] lanes, double[] product) {
        double[] plus1Re = sign1 > 0 ? ePosRe : eNegRe;
        double[] plus1Im = sign1 > 0 ? ePosIm : eNegIm;
        double[] minus1Re = sign1 > 0 ? eNegRe : ePosRe;
        double[] minus1Im = sign1 > 0 ? eNegIm : ePosIm;
        double[] plus2Re = sign2 > 0 ? ePosRe : eNegRe;
        double[] plus2Im = sign2 > 0 ? ePosIm : eNegIm;
        double[] minus2Re = sign2 > 0 ? eNegRe : ePosRe;
        double[] minus2Im = sign2 > 0 ? eNegIm : ePosIm;
        double perFactor = RbmKernels.MAX_ROUNDING_AMPLIFICATION / nHidden;
        double perFactor2 = perFactor * perFactor;
        int bound = SPECIES.loopBound(nHidden);
        DoubleVector pr = DoubleVector.broadcast(SPECIES, 1.0);
        DoubleVector pi = DoubleVector.zero(SPECIES);
        LongVector steps = LongVector.zero(LongVector.SPECIES_PREFERRED);
        VectorMask<Double> good = SPECIES.maskAll(true);
        for (int j = 0; j < bound; j += LANES) {
            DoubleVector p1r = DoubleVector.fromArray(SPECIES, plus1Re, base1 + j);
            DoubleVector p1i = DoubleVector.fromArray(SPECIES, plus1Im, base1 + j);
            DoubleVector p2r = DoubleVector.fromArray(SPECIES, plus2Re, base2 + j);
            DoubleVector p2i = DoubleVector.fromArray(SPECIES, plus2Im, base2 + j);
            DoubleVector m1r = DoubleVector.fromArray(SPECIES, minus1Re, base1 + j);
            DoubleVector m1i = DoubleVector.fromArray(SPECIES, minus1Im, base1 + j);
            DoubleVector m2r = DoubleVector.fromArray(SPECIES, minus2Re, base2 + j);
            DoubleVector m2i = DoubleVector.fromArray(SPECIES, minus2Im, base2 + j);
            DoubleVector ar = p1r.mul(p2r).sub(p1i.mul(p2i));
            DoubleVector ai = p1r.mul(p2i).add(p1i.mul(p2r));
            DoubleVector br = m1r.mul(m2r).sub(m1i.mul(m2i));
            DoubleVector bi = m1r.mul(m2i).add(m1i.mul(m2r));
            DoubleVector h = DoubleVector.fromArray(SPECIES, upper, j);
            DoubleVector g = ONE.sub(h);
            DoubleVector er = h.mul(br).add(g.mul(ar));
            DoubleVector ei = h.mul(bi).add(g.mul(ai));
            DoubleVector shr = ar.sub(br).mul(0.5);
            DoubleVector shi = ai.sub(bi).mul(0.5);
            DoubleVector cr = DoubleVector.fromArray(SPECIES, compRe, j);
            DoubleVector ci = DoubleVector.fromArray(SPECIES, compIm, j);
            DoubleVector fr = er.add(cr.mul(shr).sub(ci.mul(shi)));
            DoubleVector fi = ei.add(cr.mul(shi).add(ci.mul(shr)));
            DoubleVector terms = er.abs().add(ei.abs()).add(cr.abs().add(ci.abs())
                    .mul(ar.abs().add(ai.abs()).add(br.abs().add(bi.abs())).mul(0.5)));
            DoubleVector f2 = fr.mul(fr).add(fi.mul(fi));
            good = good.and(terms.mul(terms).sub(f2.mul(perFactor2)).compare(VectorOperators.LE, ZERO))
                    .and(f2.compare(VectorOperators.GE, MIN_FACTOR2_V));
            DoubleVector nr = pr.mul(fr).sub(pi.mul(fi));
            pi = pr.mul(fi).add(pi.mul(fr));
            pr = nr;
            // exact renormalisation, written out here (see the class comment)
            LongVector exponent = pr.abs().max(pi.abs()).reinterpretAsLongs()
                    .lanewise(VectorOperators.LSHR, 52);
            DoubleVector scale = TWICE_BIAS.sub(exponent).lanewise(VectorOperators.LSHL, 52)
                    .reinterpretAsDoubles();
            pr = pr.mul(scale);
            pi = pi.mul(scale);
            steps = steps.add(exponent).sub(BIAS);
        }
        if (!good.allTrue()) {
            RbmKernels.storeProduct(1.0, 0.0, 0, false, product); // refused, as the scalar kernel would
            return;
        }
        pr.intoArray(lanes, 0);
        pi.intoArray(lanes, LANES);
        foldLanes(lanes, 0, (int) steps.reduceLanes(VectorOperators.ADD), product);
        if (bound == nHidden) {
            return;
        }
        RbmKernels.multiplyTwoFlips(ePosRe, ePosIm, eNegRe, eNegIm, base1, sign1, base2, sign2,
                compRe, compIm, upper, bound, nHidden, nHidden, product);
    }

    /**
     * Folds the lane products Π_lanes (re + i·im) held in {@code lanes} from {@code from} (re and im
     * blocks of LANES), times 2^{exponent} (the lanes' steps, summed by a lane reduction: integers, so in
     * any order), into the scalar running {@code product}, which starts trusted: the callers fold
     * only lanes whose every factor passed the refusal test. Every lane was renormalised last
     * (max(|re|, |im|) in [1, 2)), so the product of the LANES ≤ 8 lanes lies in [1, 2^12) and needs no
     * rescaling on the way. Scalars only, so that no vector crosses a call.
     */
    private static void foldLanes(double[] lanes, int from, int exponent, double[] product) {
        double re = 1.0;
        double im = 0.0;
        for (int l = from; l < from + LANES; l++) {
            double lr = lanes[l];
            double li = lanes[LANES + l];
            double nr = re * lr - im * li;
            im = re * li + im * lr;
            re = nr;
        }
        RbmKernels.storeProduct(re, im, exponent, true, product);
    }
}
