package org.nqs4j.ansatz;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API (SPECIES_PREFERRED) complex log cosh and the pieces of it that a network's last layer
 * and its log-sum-exp need, element-wise over re/im arrays. With s = sign Re z and the decay
 * w = e^{−2sz} (|w| ≤ 1), as {@link RbmKernels#logCosh}:
 * <pre>
 *   log cosh z = s z − ln 2 + log(1 + w),
 *   Re log(1 + w) = ½ log1p(t),  t = 2 Re w + |w|²,      Im log(1 + w) = atan2(Im w, 1 + Re w) ∈ (−π/2, π/2),
 * </pre>
 * the same branch of Im log cosh as the scalar kernel (it matters in hidden layers).
 *
 * <p>Elementary functions from +, ×, FMA, ÷, √ and bit operations only, never the Vector API's
 * EXP/SIN/COS/LOG1P/ATAN2: those call SVML in compiled code and a StrictMath-like fallback when
 * interpreted, so the bits (and with them a run's energies) would depend on when the JIT kicks in.
 * Every operation used here is correctly rounded lane by lane, so interpreted and compiled code
 * agree. Each function is accurate to a few ulp:
 * <ul>
 *   <li>e^u, −700 ≤ u ≤ 0: u = k ln 2 + r, |r| ≤ ln2/2 (Cody–Waite), Taylor series of expm1 r to r¹⁴;</li>
 *   <li>sin φ, cos φ: φ = q π/2 + r, |r| ≤ π/4 (π/2 in three parts: exact for |φ| ≤ {@value #MAX_REDUCIBLE_PHASE}),
 *       Taylor series to r¹⁷ and r¹⁶, the quadrant q selecting and signing them;</li>
 *   <li>log u = k ln 2 + log m, m ∈ [√½, √2), log m = 2 atanh ζ, ζ = (m − 1)/(m + 1), |ζ| ≤ 0.172, series to ζ²¹;
 *       log1p t = log u + e/u, u = 1 + t rounded and e its exact rounding error (2Sum);</li>
 *   <li>atan2(b, a), a ≥ 0: ρ = min/max of |b| and a, atan ρ = 2 atan(ρ/(1 + √(1 + ρ²))), series to the
 *       41st power (argument ≤ tan π/8), then π/2 − atan ρ if |b| &gt; a, signed as b.</li>
 * </ul>
 * A vector with a phase beyond {@value #MAX_REDUCIBLE_PHASE}, |1 + w|² &lt; 2^−1000 (near a zero of
 * cosh) or NaN goes whole to the scalar kernel, and so do the last n mod LANES elements.
 */
final class LogCoshVectorKernels {
    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    static final int LANES = SPECIES.length();
    /** Phases beyond this go to the scalar kernel: q·PIO2_1 stays exact for |q| &lt; 2^20. */
    static final double MAX_REDUCIBLE_PHASE = 1e6;
    private static final double MIN_EXPONENT = -700.0;
    private static final double LN2 = RbmKernels.LN2;
    /** ln 2 = LN2_HI + LN2_LO, LN2_HI with 32 trailing zero bits: k·LN2_HI is exact. */
    private static final double LN2_HI = 6.93147180369123816490e-01;
    private static final double LN2_LO = 1.90821492927058770002e-10;
    /** π/2 in three parts of 33 bits: q·PIO2_1 and q·PIO2_2 are exact for |q| &lt; 2^20. */
    private static final double PIO2_1 = 1.57079632673412561417e+00;
    private static final double PIO2_2 = 6.07710050630396597660e-11;
    private static final double PIO2_3 = 2.02226624879595063154e-21;
    /** π/2 = PI_2_HI + PI_2_LO. */
    private static final double PI_2_HI = 1.5707963267948966;
    private static final double PI_2_LO = 6.123233995736766e-17;
    /** 1.5·2^52: adding it rounds to an integer held in the low mantissa bits. */
    private static final double ROUNDER = 0x1.8p52;
    private static final long ROUNDER_BITS = Double.doubleToRawLongBits(ROUNDER);
    /** Bits of √½: u's bits minus these split u = 2^k m with m ∈ [√½, √2). */
    private static final long SQRT_HALF_BITS = Double.doubleToRawLongBits(Math.sqrt(0.5));
    private static final long MANTISSA = 0x000fffffffffffffL;
    private static final long SIGN = 0x8000000000000000L;
    /** Below this |1 + w|² the scalar kernel takes the vector (the log's argument must be normal). */
    private static final double MIN_MODULUS2 = 0x1p-1000;
    /** expm1(r)/r = Σ r^m/(m+1)!, m ≤ 13. */
    private static final double[] EXPM1 = series(14, m -> 1.0 / factorial(m + 1));
    /** sin(r)/r = Σ (−1)^m r^{2m}/(2m+1)!, cos r = Σ (−1)^m r^{2m}/(2m)!, m ≤ 8. */
    private static final double[] SIN = series(9, m -> (m % 2 == 0 ? 1.0 : -1.0) / factorial(2 * m + 1));
    private static final double[] COS = series(9, m -> (m % 2 == 0 ? 1.0 : -1.0) / factorial(2 * m));
    /** log m = ζ Σ 2ζ^{2m}/(2m+1), m ≤ 10. */
    private static final double[] ATANH2 = series(11, m -> 2.0 / (2 * m + 1));
    /** atan ρ = ρ Σ (−1)^m ρ^{2m}/(2m+1), m ≤ 20. */
    private static final double[] ATAN = series(21, m -> (m % 2 == 0 ? 1.0 : -1.0) / (2 * m + 1));

    // broadcast constants as vectors: the scalar-argument forms of blend/compare boxed on JDK 25
    private static final DoubleVector ZERO = DoubleVector.zero(SPECIES);
    private static final DoubleVector ONE = DoubleVector.broadcast(SPECIES, 1.0);
    private static final DoubleVector HALF = DoubleVector.broadcast(SPECIES, 0.5);
    private static final DoubleVector TWO = DoubleVector.broadcast(SPECIES, 2.0);
    private static final DoubleVector MINUS_TWO = DoubleVector.broadcast(SPECIES, -2.0);
    private static final DoubleVector LN2_V = DoubleVector.broadcast(SPECIES, LN2);
    private static final LongVector TWICE_BIAS_V = LongVector.broadcast(LongVector.SPECIES_PREFERRED, 2046L);
    private static final DoubleVector MINUS_LN2_V = DoubleVector.broadcast(SPECIES, -LN2);
    private static final DoubleVector INV_LN2_V = DoubleVector.broadcast(SPECIES, 1.0 / LN2);
    private static final DoubleVector LN2_HI_V = DoubleVector.broadcast(SPECIES, LN2_HI);
    private static final DoubleVector LN2_LO_V = DoubleVector.broadcast(SPECIES, LN2_LO);
    private static final DoubleVector MIN_EXPONENT_V = DoubleVector.broadcast(SPECIES, MIN_EXPONENT);
    private static final DoubleVector MAX_PHASE_V = DoubleVector.broadcast(SPECIES, MAX_REDUCIBLE_PHASE);
    private static final DoubleVector HALF_MAX_PHASE_V = DoubleVector.broadcast(SPECIES, 0.5 * MAX_REDUCIBLE_PHASE);
    private static final DoubleVector MIN_MODULUS2_V = DoubleVector.broadcast(SPECIES, MIN_MODULUS2);
    private static final DoubleVector TWO_OVER_PI_V = DoubleVector.broadcast(SPECIES, 2.0 / Math.PI);
    private static final DoubleVector PIO2_1_V = DoubleVector.broadcast(SPECIES, PIO2_1);
    private static final DoubleVector PIO2_2_V = DoubleVector.broadcast(SPECIES, PIO2_2);
    private static final DoubleVector PIO2_3_V = DoubleVector.broadcast(SPECIES, PIO2_3);
    private static final DoubleVector PI_2_HI_V = DoubleVector.broadcast(SPECIES, PI_2_HI);
    private static final DoubleVector PI_2_LO_V = DoubleVector.broadcast(SPECIES, PI_2_LO);
    private static final DoubleVector ROUNDER_V = DoubleVector.broadcast(SPECIES, ROUNDER);
    private static final LongVector ROUNDER_BITS_V = LongVector.broadcast(LongVector.SPECIES_PREFERRED, ROUNDER_BITS);
    private static final LongVector BIAS_V = LongVector.broadcast(LongVector.SPECIES_PREFERRED, 1023L);
    private static final LongVector ONE_L = LongVector.broadcast(LongVector.SPECIES_PREFERRED, 1L);
    private static final LongVector SQRT_HALF_BITS_V = LongVector.broadcast(LongVector.SPECIES_PREFERRED, SQRT_HALF_BITS);
    private static final LongVector MANTISSA_V = LongVector.broadcast(LongVector.SPECIES_PREFERRED, MANTISSA);
    private static final LongVector SIGN_V = LongVector.broadcast(LongVector.SPECIES_PREFERRED, SIGN);

    private LogCoshVectorKernels() {
    }

    private static double factorial(int n) {
        double f = 1.0;
        for (int k = 2; k <= n; k++) {
            f *= k;
        }
        return f;
    }

    private static double[] series(int count, java.util.function.IntToDoubleFunction coefficient) {
        double[] c = new double[count];
        for (int m = 0; m < count; m++) {
            c[m] = coefficient.applyAsDouble(m);
        }
        return c;
    }

    /**
     * log cosh z for the n elements of z into out (out may be z), with the branch of
     * {@link RbmKernels#logCosh}. One pass per vector: the decay w = e^{−2sz} (e^{−2|Re z|} below
     * e^{−700} taken as e^{−700}, which changes no bit of 1 + w), then log(1 + w).
     */
    static void logCosh(double[] zRe, double[] zIm, int n, double[] outRe, double[] outIm) {
        int bound = SPECIES.loopBound(n);
        for (int k = 0; k < bound; k += LANES) {
            DoubleVector x = DoubleVector.fromArray(SPECIES, zRe, k);
            DoubleVector y = DoubleVector.fromArray(SPECIES, zIm, k);
            VectorMask<Double> negative = x.compare(VectorOperators.LT, ZERO);
            DoubleVector sy = y.blend(y.neg(), negative);
            DoubleVector phase = sy.mul(MINUS_TWO);
            DoubleVector modulus = exp(x.abs().mul(MINUS_TWO));
            DoubleVector shifted = phase.fma(TWO_OVER_PI_V, ROUNDER_V);
            DoubleVector r = reduce(phase, shifted);
            DoubleVector r2 = r.mul(r);
            DoubleVector sinR = r.mul(polynomial(r2, SIN));
            DoubleVector cosR = polynomial(r2, COS);
            LongVector quadrant = shifted.reinterpretAsLongs();
            DoubleVector wr = modulus.mul(sinOfQuadrant(sinR, cosR, quadrant.add(ONE_L)));
            DoubleVector wi = modulus.mul(sinOfQuadrant(sinR, cosR, quadrant));
            DoubleVector t = wr.fma(wr, wi.mul(wi)).add(wr.add(wr));
            // u = 1 + t and its rounding error e (2Sum): log1p t = log u + e/u to first order
            DoubleVector u = t.add(ONE);
            DoubleVector tRounded = u.sub(ONE);
            DoubleVector e = ONE.sub(u.sub(tRounded)).add(t.sub(tRounded));
            if (!u.compare(VectorOperators.GE, MIN_MODULUS2_V).and(phase.abs().compare(VectorOperators.LE, MAX_PHASE_V))
                    .allTrue()) {
                RbmKernels.logCosh(zRe, zIm, k, k + LANES, outRe, outIm);
                continue;
            }
            x.abs().add(MINUS_LN2_V).add(log(u).add(e.div(u)).mul(HALF)).intoArray(outRe, k);
            sy.add(atan2(wi, wr.add(ONE))).intoArray(outIm, k);
        }
        RbmKernels.logCosh(zRe, zIm, bound, n, outRe, outIm);
    }

    /**
     * The last layer's cosh terms, g by g for g &lt; stride, from θ_{c,g} at c·stride + g: with
     * s_c = sign Re θ_{c,g} and the decay w_{c,g} = e^{−2s_cθ_{c,g}},
     * Π_c cosh θ_{c,g} = exp Σ_c (s_c θ_{c,g} − ln 2) · Π_c (1 + w_{c,g}), and
     * <pre>
     *   A_g += Σ_c (s_c θ_{c,g} − ln 2) + e_g ln 2,   P_g = 2^{−e_g} Π_c (1 + w_{c,g})   (max(|Re P|, |Im P|) ∈ [1, 2)),
     * </pre>
     * A and P at {@code at} + g (A holding its start, e.g. the log of a coefficient). The product is
     * brought back to [1, 2) by an exact power of two after every factor (|1 + w| ≤ 2), so it neither
     * overflows nor underflows; no logarithm is taken, so the branch of Im log cosh never enters
     * (e^{log cosh} = cosh). A block of g with a phase beyond {@value #MAX_REDUCIBLE_PHASE} and the
     * last stride mod LANES go to the scalar form (Math.exp/cos/sin).
     */
    static void coshProduct(double[] thetaRe, double[] thetaIm, int channels, int stride, double[] aRe, double[] aIm,
                            double[] productRe, double[] productIm, int at) {
        int bound = SPECIES.loopBound(stride);
        for (int g = 0; g < bound; g += LANES) {
            DoubleVector sumRe = DoubleVector.fromArray(SPECIES, aRe, at + g);
            DoubleVector sumIm = DoubleVector.fromArray(SPECIES, aIm, at + g);
            DoubleVector pr = ONE;
            DoubleVector pi = ZERO;
            LongVector steps = LongVector.zero(LongVector.SPECIES_PREFERRED);
            boolean reducible = true;
            for (int c = 0; c < channels; c++) {
                int k = c * stride + g;
                DoubleVector x = DoubleVector.fromArray(SPECIES, thetaRe, k);
                DoubleVector y = DoubleVector.fromArray(SPECIES, thetaIm, k);
                DoubleVector sy = y.blend(y.neg(), x.compare(VectorOperators.LT, ZERO));
                DoubleVector phase = sy.mul(MINUS_TWO);
                reducible &= phase.abs().compare(VectorOperators.LE, MAX_PHASE_V).allTrue();
                sumRe = sumRe.add(x.abs().add(MINUS_LN2_V));
                sumIm = sumIm.add(sy);
                DoubleVector modulus = exp(x.abs().mul(MINUS_TWO));
                DoubleVector shifted = phase.fma(TWO_OVER_PI_V, ROUNDER_V);
                DoubleVector r = reduce(phase, shifted);
                DoubleVector r2 = r.mul(r);
                DoubleVector sinR = r.mul(polynomial(r2, SIN));
                DoubleVector cosR = polynomial(r2, COS);
                LongVector quadrant = shifted.reinterpretAsLongs();
                DoubleVector fr = modulus.fma(sinOfQuadrant(sinR, cosR, quadrant.add(ONE_L)), ONE);
                DoubleVector fi = modulus.mul(sinOfQuadrant(sinR, cosR, quadrant));
                DoubleVector nr = pr.mul(fr).sub(pi.mul(fi));
                pi = pr.mul(fi).add(pi.mul(fr));
                pr = nr;
                // exact renormalisation by 2^{1023 − E}, E the biased exponent of max(|Re P|, |Im P|)
                LongVector exponent = pr.abs().max(pi.abs()).reinterpretAsLongs().lanewise(VectorOperators.LSHR, 52);
                DoubleVector scale = TWICE_BIAS_V.sub(exponent).lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();
                pr = pr.mul(scale);
                pi = pi.mul(scale);
                steps = steps.add(exponent).sub(BIAS_V);
            }
            if (!reducible) {
                scalarCoshProduct(thetaRe, thetaIm, channels, stride, aRe, aIm, productRe, productIm, at, g, g + LANES);
                continue;
            }
            DoubleVector e = (DoubleVector) steps.convert(VectorOperators.L2D, 0);
            e.fma(LN2_V, sumRe).intoArray(aRe, at + g);
            sumIm.intoArray(aIm, at + g);
            pr.intoArray(productRe, at + g);
            pi.intoArray(productIm, at + g);
        }
        scalarCoshProduct(thetaRe, thetaIm, channels, stride, aRe, aIm, productRe, productIm, at, bound, stride);
    }

    /** {@link #coshProduct} for g in [from, to), with Math.exp/cos/sin. */
    private static void scalarCoshProduct(double[] thetaRe, double[] thetaIm, int channels, int stride, double[] aRe,
                                          double[] aIm, double[] productRe, double[] productIm, int at, int from,
                                          int to) {
        for (int g = from; g < to; g++) {
            double sumRe = aRe[at + g];
            double sumIm = aIm[at + g];
            double pr = 1.0;
            double pi = 0.0;
            long steps = 0;
            for (int c = 0; c < channels; c++) {
                int k = c * stride + g;
                double x = thetaRe[k];
                double sy = x < 0.0 ? -thetaIm[k] : thetaIm[k];
                sumRe += Math.abs(x) + -LN2;
                sumIm += sy;
                double modulus = Math.exp(Math.max(-2.0 * Math.abs(x), MIN_EXPONENT));
                double fr = Math.fma(modulus, Math.cos(-2.0 * sy), 1.0);
                double fi = modulus * Math.sin(-2.0 * sy);
                double nr = pr * fr - pi * fi;
                pi = pr * fi + pi * fr;
                pr = nr;
                long exponent = Double.doubleToRawLongBits(Math.max(Math.abs(pr), Math.abs(pi))) >>> 52;
                double scale = Double.longBitsToDouble((2046 - exponent) << 52);
                pr *= scale;
                pi *= scale;
                steps += exponent - 1023;
            }
            aRe[at + g] = Math.fma((double) steps, LN2, sumRe);
            aIm[at + g] = sumIm;
            productRe[at + g] = pr;
            productIm[at + g] = pi;
        }
    }

    /**
     * log Σ_k e^{A_k} P_k over n terms (the output of {@link #coshProduct}), relative to max_k Re A_k:
     * the terms e^{A_k − max} P_k replace A in (aRe, aIm), their sum goes to {@code sum} (so that the
     * total is e^{max} sum) and its log to {@code out}. A sum that cancels to below
     * {@link ProjectedWaveFunction#CANCELLED} of Σ|terms| is a zero: out = (−∞, 0). Terms are summed
     * in index order (no lane reduction, whose order is unspecified).
     */
    static void logSumExp(double[] aRe, double[] aIm, double[] productRe, double[] productIm, int n, double[] sum,
                          double[] out) {
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < n; k++) {
            max = Math.max(max, aRe[k]);
        }
        DoubleVector shift = DoubleVector.broadcast(SPECIES, max);
        int bound = SPECIES.loopBound(n);
        for (int k = 0; k < bound; k += LANES) {
            DoubleVector phase = DoubleVector.fromArray(SPECIES, aIm, k);
            if (!phase.abs().compare(VectorOperators.LE, MAX_PHASE_V).allTrue()) {
                scalarExpTimes(aRe, aIm, productRe, productIm, max, k, k + LANES);
                continue;
            }
            DoubleVector modulus = exp(DoubleVector.fromArray(SPECIES, aRe, k).sub(shift));
            DoubleVector shifted = phase.fma(TWO_OVER_PI_V, ROUNDER_V);
            DoubleVector r = reduce(phase, shifted);
            DoubleVector r2 = r.mul(r);
            DoubleVector sinR = r.mul(polynomial(r2, SIN));
            DoubleVector cosR = polynomial(r2, COS);
            LongVector quadrant = shifted.reinterpretAsLongs();
            DoubleVector er = modulus.mul(sinOfQuadrant(sinR, cosR, quadrant.add(ONE_L)));
            DoubleVector ei = modulus.mul(sinOfQuadrant(sinR, cosR, quadrant));
            DoubleVector pr = DoubleVector.fromArray(SPECIES, productRe, k);
            DoubleVector pi = DoubleVector.fromArray(SPECIES, productIm, k);
            er.mul(pr).sub(ei.mul(pi)).intoArray(aRe, k);
            er.mul(pi).add(ei.mul(pr)).intoArray(aIm, k);
        }
        scalarExpTimes(aRe, aIm, productRe, productIm, max, bound, n);
        double re = 0.0;
        double im = 0.0;
        double total = 0.0;
        for (int k = 0; k < n; k++) {
            re += aRe[k];
            im += aIm[k];
            total += Math.sqrt(aRe[k] * aRe[k] + aIm[k] * aIm[k]);
        }
        sum[0] = re;
        sum[1] = im;
        double norm = re * re + im * im;
        boolean cancelled = !(norm > ProjectedWaveFunction.CANCELLED * ProjectedWaveFunction.CANCELLED * total * total);
        out[0] = cancelled ? Double.NEGATIVE_INFINITY : max + 0.5 * Math.log(norm);
        out[1] = cancelled ? 0.0 : Math.atan2(im, re);
    }

    /** a_k ← e^{a_k − shift} p_k for k in [from, to), with Math.exp/cos/sin. */
    private static void scalarExpTimes(double[] aRe, double[] aIm, double[] productRe, double[] productIm,
                                       double shift, int from, int to) {
        for (int k = from; k < to; k++) {
            double modulus = Math.exp(Math.max(aRe[k] - shift, MIN_EXPONENT));
            double er = modulus * Math.cos(aIm[k]);
            double ei = modulus * Math.sin(aIm[k]);
            aRe[k] = er * productRe[k] - ei * productIm[k];
            aIm[k] = er * productIm[k] + ei * productRe[k];
        }
    }

    /** e^u for u ≤ 0 (u below −700 taken as −700): 2^k (1 + expm1 r), 2^k from the bits of k. */
    private static DoubleVector exp(DoubleVector u) {
        DoubleVector clamped = u.max(MIN_EXPONENT_V);
        DoubleVector shifted = clamped.fma(INV_LN2_V, ROUNDER_V);
        DoubleVector k = shifted.sub(ROUNDER_V);
        DoubleVector r = k.neg().fma(LN2_HI_V, clamped);
        r = k.neg().fma(LN2_LO_V, r);
        DoubleVector p = r.mul(polynomial(r, EXPM1));
        DoubleVector twoK = shifted.reinterpretAsLongs().sub(ROUNDER_BITS_V).add(BIAS_V)
                .lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();
        return twoK.fma(p, twoK);
    }

    /** r = φ − q π/2 with q the integer held in the low bits of {@code shifted} = φ·2/π + 1.5·2^52. */
    private static DoubleVector reduce(DoubleVector phase, DoubleVector shifted) {
        DoubleVector q = shifted.sub(ROUNDER_V);
        DoubleVector r = q.neg().fma(PIO2_1_V, phase);
        r = q.neg().fma(PIO2_2_V, r);
        return q.neg().fma(PIO2_3_V, r);
    }

    /**
     * sin(r + q π/2) from sin r and cos r: q mod 4 = 0, 1, 2, 3 gives sin r, cos r, −sin r, −cos r
     * (exact 0/1 weights, no masks).
     */
    private static DoubleVector sinOfQuadrant(DoubleVector sinR, DoubleVector cosR, LongVector quadrant) {
        DoubleVector odd = quadrant.and(ONE_L).convert(VectorOperators.L2D, 0).reinterpretAsDoubles();
        DoubleVector sign = quadrant.lanewise(VectorOperators.LSHR, 1).and(ONE_L).convert(VectorOperators.L2D, 0)
                .reinterpretAsDoubles().mul(MINUS_TWO).add(ONE);
        return ONE.sub(odd).mul(sinR).add(odd.mul(cosR)).mul(sign);
    }

    /** log u for normal u &gt; 0: u = 2^k m, m ∈ [√½, √2), log m = 2 atanh((m − 1)/(m + 1)). */
    private static DoubleVector log(DoubleVector u) {
        LongVector offset = u.reinterpretAsLongs().sub(SQRT_HALF_BITS_V);
        DoubleVector k = offset.lanewise(VectorOperators.ASHR, 52).convert(VectorOperators.L2D, 0)
                .reinterpretAsDoubles();
        DoubleVector m = offset.and(MANTISSA_V).add(SQRT_HALF_BITS_V).reinterpretAsDoubles();
        DoubleVector f = m.sub(ONE);
        DoubleVector zeta = f.div(f.add(TWO));
        DoubleVector logM = zeta.mul(polynomial(zeta.mul(zeta), ATANH2));
        return k.fma(LN2_HI_V, k.fma(LN2_LO_V, logM));
    }

    /** atan2(b, a) for a ≥ 0 (not both 0): the angle of a + ib in [−π/2, π/2]. */
    private static DoubleVector atan2(DoubleVector b, DoubleVector a) {
        DoubleVector magnitude = b.abs();
        DoubleVector rho = magnitude.min(a).div(magnitude.max(a));
        DoubleVector half = rho.div(rho.fma(rho, ONE).sqrt().add(ONE));
        DoubleVector angle = half.mul(polynomial(half.mul(half), ATAN)).mul(TWO);
        VectorMask<Double> steep = magnitude.compare(VectorOperators.GT, a);
        DoubleVector folded = angle.blend(PI_2_HI_V.sub(angle).add(PI_2_LO_V), steep);
        return folded.reinterpretAsLongs().or(b.reinterpretAsLongs().and(SIGN_V)).reinterpretAsDoubles();
    }

    /** Σ_m c_m x^m by Horner's rule (c₀ first). */
    private static DoubleVector polynomial(DoubleVector x, double[] c) {
        DoubleVector acc = DoubleVector.broadcast(SPECIES, c[c.length - 1]);
        for (int m = c.length - 2; m >= 0; m--) {
            acc = acc.fma(x, DoubleVector.broadcast(SPECIES, c[m]));
        }
        return acc;
    }
}
