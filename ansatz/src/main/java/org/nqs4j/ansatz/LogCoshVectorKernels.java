package org.nqs4j.ansatz;

import java.util.Arrays;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API (SPECIES_PREFERRED) complex log cosh, tanh and the pieces of log cosh that a network's
 * last layer and its log-sum-exp need, element-wise over re/im arrays. With s = sign Re z and the decay
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
    private static final DoubleVector MINUS_ONE = DoubleVector.broadcast(SPECIES, -1.0);
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
    private static final LongVector ONE_BITS_V = LongVector.broadcast(LongVector.SPECIES_PREFERRED,
            Double.doubleToRawLongBits(1.0));
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
     * log cosh z for the n elements of z into out (out must not be z), with the branch of
     * {@link RbmKernels#logCosh}: the decay w = e^{−2sz} ({@link #exp}, {@link #polar}) in out,
     * then log(1 + w) (e^{−2|Re z|} below e^{−700} is taken as e^{−700}, which changes no bit of 1 + w).
     */
    static void logCosh(double[] zRe, double[] zIm, int n, double[] outRe, double[] outIm) {
        decay(zRe, zIm, n, outRe, outIm);
        int bound = SPECIES.loopBound(n);
        for (int k = 0; k < bound; k += LANES) {
            DoubleVector x = DoubleVector.fromArray(SPECIES, zRe, k);
            DoubleVector y = DoubleVector.fromArray(SPECIES, zIm, k);
            DoubleVector wr = DoubleVector.fromArray(SPECIES, outRe, k);
            DoubleVector wi = DoubleVector.fromArray(SPECIES, outIm, k);
            DoubleVector t = wr.fma(wr, wi.mul(wi)).add(wr.add(wr));
            // u = 1 + t and its rounding error e (2Sum): log1p t = log u + e/u to first order
            DoubleVector u = t.add(ONE);
            DoubleVector tRounded = u.sub(ONE);
            DoubleVector e = ONE.sub(u.sub(tRounded)).add(t.sub(tRounded));
            if (!u.compare(VectorOperators.GE, MIN_MODULUS2_V).and(y.abs().compare(VectorOperators.LE, HALF_MAX_PHASE_V))
                    .allTrue()) {
                RbmKernels.logCosh(zRe, zIm, k, k + LANES, outRe, outIm);
                continue;
            }
            // log u = k ln 2 + log m, m ∈ [√½, √2): the bits of u minus those of √½ split off k
            LongVector offset = u.reinterpretAsLongs().sub(SQRT_HALF_BITS_V);
            DoubleVector exponent = offset.lanewise(VectorOperators.ASHR, 52).add(ROUNDER_BITS_V).reinterpretAsDoubles()
                    .sub(ROUNDER_V);
            DoubleVector m = offset.and(MANTISSA_V).add(SQRT_HALF_BITS_V).reinterpretAsDoubles();
            DoubleVector f = m.sub(ONE);
            DoubleVector zeta = f.div(f.add(TWO));
            DoubleVector zeta2 = zeta.mul(zeta);
            DoubleVector atanh = DoubleVector.broadcast(SPECIES, ATANH2[10]);
            atanh = atanh.fma(zeta2, DoubleVector.broadcast(SPECIES, ATANH2[9]));
            atanh = atanh.fma(zeta2, DoubleVector.broadcast(SPECIES, ATANH2[8]));
            atanh = atanh.fma(zeta2, DoubleVector.broadcast(SPECIES, ATANH2[7]));
            atanh = atanh.fma(zeta2, DoubleVector.broadcast(SPECIES, ATANH2[6]));
            atanh = atanh.fma(zeta2, DoubleVector.broadcast(SPECIES, ATANH2[5]));
            atanh = atanh.fma(zeta2, DoubleVector.broadcast(SPECIES, ATANH2[4]));
            atanh = atanh.fma(zeta2, DoubleVector.broadcast(SPECIES, ATANH2[3]));
            atanh = atanh.fma(zeta2, DoubleVector.broadcast(SPECIES, ATANH2[2]));
            atanh = atanh.fma(zeta2, DoubleVector.broadcast(SPECIES, ATANH2[1]));
            atanh = atanh.fma(zeta2, DoubleVector.broadcast(SPECIES, ATANH2[0]));
            DoubleVector logU = exponent.fma(LN2_HI_V, exponent.fma(LN2_LO_V, zeta.mul(atanh)));
            x.abs().add(MINUS_LN2_V).add(logU.add(e.div(u)).mul(HALF)).intoArray(outRe, k);
            // arg(1 + w) = atan2(Im w, 1 + Re w), 1 + Re w ≥ 0: atan of ρ = min/max ≤ 1 by one halving
            DoubleVector a = wr.add(ONE);
            DoubleVector magnitude = wi.abs();
            DoubleVector rho = magnitude.min(a).div(magnitude.max(a));
            DoubleVector half = rho.div(rho.fma(rho, ONE).sqrt().add(ONE));
            DoubleVector half2 = half.mul(half);
            DoubleVector atan = DoubleVector.broadcast(SPECIES, ATAN[20]);
            atan = atan.fma(half2, DoubleVector.broadcast(SPECIES, ATAN[19]));
            atan = atan.fma(half2, DoubleVector.broadcast(SPECIES, ATAN[18]));
            atan = atan.fma(half2, DoubleVector.broadcast(SPECIES, ATAN[17]));
            atan = atan.fma(half2, DoubleVector.broadcast(SPECIES, ATAN[16]));
            atan = atan.fma(half2, DoubleVector.broadcast(SPECIES, ATAN[15]));
            atan = atan.fma(half2, DoubleVector.broadcast(SPECIES, ATAN[14]));
            atan = atan.fma(half2, DoubleVector.broadcast(SPECIES, ATAN[13]));
            atan = atan.fma(half2, DoubleVector.broadcast(SPECIES, ATAN[12]));
            atan = atan.fma(half2, DoubleVector.broadcast(SPECIES, ATAN[11]));
            atan = atan.fma(half2, DoubleVector.broadcast(SPECIES, ATAN[10]));
            atan = atan.fma(half2, DoubleVector.broadcast(SPECIES, ATAN[9]));
            atan = atan.fma(half2, DoubleVector.broadcast(SPECIES, ATAN[8]));
            atan = atan.fma(half2, DoubleVector.broadcast(SPECIES, ATAN[7]));
            atan = atan.fma(half2, DoubleVector.broadcast(SPECIES, ATAN[6]));
            atan = atan.fma(half2, DoubleVector.broadcast(SPECIES, ATAN[5]));
            atan = atan.fma(half2, DoubleVector.broadcast(SPECIES, ATAN[4]));
            atan = atan.fma(half2, DoubleVector.broadcast(SPECIES, ATAN[3]));
            atan = atan.fma(half2, DoubleVector.broadcast(SPECIES, ATAN[2]));
            atan = atan.fma(half2, DoubleVector.broadcast(SPECIES, ATAN[1]));
            atan = atan.fma(half2, DoubleVector.broadcast(SPECIES, ATAN[0]));
            DoubleVector angle = half.mul(atan).mul(TWO);
            DoubleVector folded = angle.blend(PI_2_HI_V.sub(angle).add(PI_2_LO_V), magnitude.compare(VectorOperators.GT, a));
            DoubleVector arg = folded.reinterpretAsLongs().or(wi.reinterpretAsLongs().and(SIGN_V)).reinterpretAsDoubles();
            y.blend(y.neg(), x.compare(VectorOperators.LT, ZERO)).add(arg).intoArray(outIm, k);
        }
        RbmKernels.logCosh(zRe, zIm, bound, n, outRe, outIm);
    }

    /**
     * tanh z for the n elements of z into out (out must not be z): with the decay w = e^{−2sz}
     * ({@link #exp}, {@link #polar}), tanh z = s (1 − w)/(1 + w) = s (1 − |w|² − 2i Im w)/|1 + w|²,
     * as {@link RbmKernels#tanh} but with 1 − |w|² formed directly (an absolute, not a relative, ε
     * for small Re z; the back-propagation that uses it adds absolute errors anyway). A vector with
     * |1 + w|² &lt; 2^−1000 (a pole) or a phase beyond {@value #MAX_REDUCIBLE_PHASE} is the scalar kernel's.
     */
    static void tanh(double[] zRe, double[] zIm, int n, double[] outRe, double[] outIm) {
        decay(zRe, zIm, n, outRe, outIm);
        int bound = SPECIES.loopBound(n);
        for (int k = 0; k < bound; k += LANES) {
            DoubleVector x = DoubleVector.fromArray(SPECIES, zRe, k);
            DoubleVector y = DoubleVector.fromArray(SPECIES, zIm, k);
            DoubleVector wr = DoubleVector.fromArray(SPECIES, outRe, k);
            DoubleVector wi = DoubleVector.fromArray(SPECIES, outIm, k);
            DoubleVector a = wr.add(ONE);
            DoubleVector denominator = a.fma(a, wi.mul(wi));
            if (!denominator.compare(VectorOperators.GE, MIN_MODULUS2_V)
                    .and(y.abs().compare(VectorOperators.LE, HALF_MAX_PHASE_V)).allTrue()) {
                RbmKernels.tanh(zRe, zIm, k, k + LANES, outRe, outIm);
                continue;
            }
            DoubleVector s = ONE.blend(MINUS_ONE, x.compare(VectorOperators.LT, ZERO)).div(denominator);
            wr.fma(wr.neg(), wi.fma(wi.neg(), ONE)).mul(s).intoArray(outRe, k);
            wi.mul(MINUS_TWO).mul(s).intoArray(outIm, k);
        }
        RbmKernels.tanh(zRe, zIm, bound, n, outRe, outIm);
    }

    /** The decay w = e^{−2sz}, s = sign Re z, of the n elements of z into w (w must not be z). */
    private static void decay(double[] zRe, double[] zIm, int n, double[] wRe, double[] wIm) {
        halfDecayArguments(zRe, zIm, n, wRe, wIm);
        exp(wRe, n);
        polar(wRe, wIm, n);
    }

    /** (−2|Re z|, −2s Im z), s = sign Re z: the log-modulus and phase of the decay e^{−2sz}. */
    private static void halfDecayArguments(double[] zRe, double[] zIm, int n, double[] modulusOut, double[] phaseOut) {
        int bound = SPECIES.loopBound(n);
        for (int k = 0; k < bound; k += LANES) {
            DoubleVector x = DoubleVector.fromArray(SPECIES, zRe, k);
            DoubleVector y = DoubleVector.fromArray(SPECIES, zIm, k);
            y.blend(y.neg(), x.compare(VectorOperators.LT, ZERO)).mul(MINUS_TWO).intoArray(phaseOut, k);
            x.abs().mul(MINUS_TWO).intoArray(modulusOut, k);
        }
        for (int k = bound; k < n; k++) {
            double x = zRe[k];
            phaseOut[k] = (x < 0.0 ? -zIm[k] : zIm[k]) * -2.0;
            modulusOut[k] = Math.abs(x) * -2.0;
        }
    }

    /**
     * u ← e^u in place for u ≤ 0 (u below −700 taken as −700): u = k ln 2 + r, |r| ≤ ln2/2, e^u = 2^k (1 + expm1 r),
     * 2^k from the bits of k.
     */
    static void exp(double[] u, int n) {
        int bound = SPECIES.loopBound(n);
        for (int k = 0; k < bound; k += LANES) {
            DoubleVector clamped = DoubleVector.fromArray(SPECIES, u, k).max(MIN_EXPONENT_V);
            DoubleVector shifted = clamped.fma(INV_LN2_V, ROUNDER_V);
            DoubleVector q = shifted.sub(ROUNDER_V);
            DoubleVector r = q.neg().fma(LN2_HI_V, clamped);
            r = q.neg().fma(LN2_LO_V, r);
            DoubleVector p = DoubleVector.broadcast(SPECIES, EXPM1[13]);
            p = p.fma(r, DoubleVector.broadcast(SPECIES, EXPM1[12]));
            p = p.fma(r, DoubleVector.broadcast(SPECIES, EXPM1[11]));
            p = p.fma(r, DoubleVector.broadcast(SPECIES, EXPM1[10]));
            p = p.fma(r, DoubleVector.broadcast(SPECIES, EXPM1[9]));
            p = p.fma(r, DoubleVector.broadcast(SPECIES, EXPM1[8]));
            p = p.fma(r, DoubleVector.broadcast(SPECIES, EXPM1[7]));
            p = p.fma(r, DoubleVector.broadcast(SPECIES, EXPM1[6]));
            p = p.fma(r, DoubleVector.broadcast(SPECIES, EXPM1[5]));
            p = p.fma(r, DoubleVector.broadcast(SPECIES, EXPM1[4]));
            p = p.fma(r, DoubleVector.broadcast(SPECIES, EXPM1[3]));
            p = p.fma(r, DoubleVector.broadcast(SPECIES, EXPM1[2]));
            p = p.fma(r, DoubleVector.broadcast(SPECIES, EXPM1[1]));
            p = p.fma(r, DoubleVector.broadcast(SPECIES, EXPM1[0]));
            DoubleVector twoK = shifted.reinterpretAsLongs().sub(ROUNDER_BITS_V).add(BIAS_V)
                    .lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();
            twoK.fma(r.mul(p), twoK).intoArray(u, k);
        }
        for (int k = bound; k < n; k++) {
            u[k] = Math.exp(Math.max(u[k], MIN_EXPONENT));
        }
    }

    /**
     * (modulus, phase) ← (modulus cos phase, modulus sin phase) in place: φ = q π/2 + r, |r| ≤ π/4;
     * the quadrant q selects and signs sin r and cos r (exact 0/1 weights and a sign-bit flip, no
     * masks). A vector with a phase beyond {@value #MAX_REDUCIBLE_PHASE} uses Math.cos/sin.
     */
    static void polar(double[] modulusRe, double[] phaseIm, int n) {
        int bound = SPECIES.loopBound(n);
        for (int k = 0; k < bound; k += LANES) {
            DoubleVector phase = DoubleVector.fromArray(SPECIES, phaseIm, k);
            if (!phase.abs().compare(VectorOperators.LE, MAX_PHASE_V).allTrue()) {
                scalarPolar(modulusRe, phaseIm, k, k + LANES);
                continue;
            }
            DoubleVector modulus = DoubleVector.fromArray(SPECIES, modulusRe, k);
            DoubleVector shifted = phase.fma(TWO_OVER_PI_V, ROUNDER_V);
            DoubleVector q = shifted.sub(ROUNDER_V);
            DoubleVector r = q.neg().fma(PIO2_1_V, phase);
            r = q.neg().fma(PIO2_2_V, r);
            r = q.neg().fma(PIO2_3_V, r);
            DoubleVector r2 = r.mul(r);
            DoubleVector sinSeries = DoubleVector.broadcast(SPECIES, SIN[8]);
            sinSeries = sinSeries.fma(r2, DoubleVector.broadcast(SPECIES, SIN[7]));
            sinSeries = sinSeries.fma(r2, DoubleVector.broadcast(SPECIES, SIN[6]));
            sinSeries = sinSeries.fma(r2, DoubleVector.broadcast(SPECIES, SIN[5]));
            sinSeries = sinSeries.fma(r2, DoubleVector.broadcast(SPECIES, SIN[4]));
            sinSeries = sinSeries.fma(r2, DoubleVector.broadcast(SPECIES, SIN[3]));
            sinSeries = sinSeries.fma(r2, DoubleVector.broadcast(SPECIES, SIN[2]));
            sinSeries = sinSeries.fma(r2, DoubleVector.broadcast(SPECIES, SIN[1]));
            sinSeries = sinSeries.fma(r2, DoubleVector.broadcast(SPECIES, SIN[0]));
            DoubleVector cosR = DoubleVector.broadcast(SPECIES, COS[8]);
            cosR = cosR.fma(r2, DoubleVector.broadcast(SPECIES, COS[7]));
            cosR = cosR.fma(r2, DoubleVector.broadcast(SPECIES, COS[6]));
            cosR = cosR.fma(r2, DoubleVector.broadcast(SPECIES, COS[5]));
            cosR = cosR.fma(r2, DoubleVector.broadcast(SPECIES, COS[4]));
            cosR = cosR.fma(r2, DoubleVector.broadcast(SPECIES, COS[3]));
            cosR = cosR.fma(r2, DoubleVector.broadcast(SPECIES, COS[2]));
            cosR = cosR.fma(r2, DoubleVector.broadcast(SPECIES, COS[1]));
            cosR = cosR.fma(r2, DoubleVector.broadcast(SPECIES, COS[0]));
            DoubleVector sinR = r.mul(sinSeries);
            LongVector quadrant = shifted.reinterpretAsLongs();
            DoubleVector odd = quadrant.and(ONE_L).neg().and(ONE_BITS_V).reinterpretAsDoubles();
            DoubleVector even = ONE.sub(odd);
            // sin φ: (sin r, cos r, −sin r, −cos r) for q mod 4 = 0…3; cos φ = sin(φ + π/2): quadrant q + 1
            DoubleVector sin = even.mul(sinR).add(odd.mul(cosR)).reinterpretAsLongs()
                    .lanewise(VectorOperators.XOR, quadrant.lanewise(VectorOperators.LSHL, 62).and(SIGN_V)).reinterpretAsDoubles();
            DoubleVector cos = even.mul(cosR).add(odd.mul(sinR)).reinterpretAsLongs()
                    .lanewise(VectorOperators.XOR, quadrant.add(ONE_L).lanewise(VectorOperators.LSHL, 62).and(SIGN_V))
                    .reinterpretAsDoubles();
            modulus.mul(cos).intoArray(modulusRe, k);
            modulus.mul(sin).intoArray(phaseIm, k);
        }
        scalarPolar(modulusRe, phaseIm, bound, n);
    }

    private static void scalarPolar(double[] modulusRe, double[] phaseIm, int from, int to) {
        for (int k = from; k < to; k++) {
            double modulus = modulusRe[k];
            double phase = phaseIm[k];
            modulusRe[k] = modulus * Math.cos(phase);
            phaseIm[k] = modulus * Math.sin(phase);
        }
    }

    /**
     * The last layer's cosh terms, g by g for g &lt; stride, from θ_{c,g} at c·stride + g: with
     * s_c = sign Re θ_{c,g} and the decay w_{c,g} = e^{−2s_cθ_{c,g}},
     * Π_c cosh θ_{c,g} = exp Σ_c (s_c θ_{c,g} − ln 2) · Π_c (1 + w_{c,g}), and
     * <pre>
     *   A_g += Σ_c (s_c θ_{c,g} − ln 2) + e_g ln 2,   P_g = 2^{−e_g} Π_c (1 + w_{c,g})   (max(|Re P|, |Im P|) ∈ [1, 2)),
     * </pre>
     * A and P at {@code at} + g (A holding its start, e.g. the log of a coefficient; e_g ln 2 added
     * factor by factor). The product is brought back to [1, 2) by an exact power of two after every
     * factor (|1 + w| ≤ 2), so it neither overflows nor underflows; no logarithm is taken, so the branch of Im log cosh never enters
     * (e^{log cosh} = cosh). The decays go through {@code wRe, wIm} (channels·stride each).
     */
    static void coshProduct(double[] thetaRe, double[] thetaIm, int channels, int stride, double[] aRe, double[] aIm,
                            double[] productRe, double[] productIm, int at, double[] wRe, double[] wIm) {
        int n = channels * stride;
        decay(thetaRe, thetaIm, n, wRe, wIm);
        Arrays.fill(productRe, at, at + stride, 1.0);
        Arrays.fill(productIm, at, at + stride, 0.0);
        int bound = SPECIES.loopBound(stride);
        // channel by channel over contiguous g, A and P kept in their arrays (no vector lives across the loops)
        for (int c = 0; c < channels; c++) {
            for (int g = 0; g < bound; g += LANES) {
                int k = c * stride + g;
                DoubleVector x = DoubleVector.fromArray(SPECIES, thetaRe, k);
                DoubleVector y = DoubleVector.fromArray(SPECIES, thetaIm, k);
                DoubleVector fr = DoubleVector.fromArray(SPECIES, wRe, k).add(ONE);
                DoubleVector fi = DoubleVector.fromArray(SPECIES, wIm, k);
                DoubleVector pr = DoubleVector.fromArray(SPECIES, productRe, at + g);
                DoubleVector pi = DoubleVector.fromArray(SPECIES, productIm, at + g);
                DoubleVector nr = pr.mul(fr).sub(pi.mul(fi));
                DoubleVector ni = pr.mul(fi).add(pi.mul(fr));
                // exact renormalisation by 2^{1023 − E}, E the biased exponent of max(|Re P|, |Im P|)
                LongVector exponent = nr.abs().max(ni.abs()).reinterpretAsLongs().lanewise(VectorOperators.LSHR, 52);
                DoubleVector scale = TWICE_BIAS_V.sub(exponent).lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();
                nr.mul(scale).intoArray(productRe, at + g);
                ni.mul(scale).intoArray(productIm, at + g);
                DoubleVector step = exponent.sub(BIAS_V).add(ROUNDER_BITS_V).reinterpretAsDoubles().sub(ROUNDER_V);
                DoubleVector sumRe = DoubleVector.fromArray(SPECIES, aRe, at + g).add(x.abs().add(MINUS_LN2_V));
                step.fma(LN2_V, sumRe).intoArray(aRe, at + g);
                DoubleVector.fromArray(SPECIES, aIm, at + g).add(y.blend(y.neg(), x.compare(VectorOperators.LT, ZERO)))
                        .intoArray(aIm, at + g);
            }
            for (int g = bound; g < stride; g++) {
                int k = c * stride + g;
                double x = thetaRe[k];
                double fr = wRe[k] + 1.0;
                double fi = wIm[k];
                double pr = productRe[at + g];
                double pi = productIm[at + g];
                double nr = pr * fr - pi * fi;
                double ni = pr * fi + pi * fr;
                long exponent = Double.doubleToRawLongBits(Math.max(Math.abs(nr), Math.abs(ni))) >>> 52;
                double scale = Double.longBitsToDouble((2046 - exponent) << 52);
                productRe[at + g] = nr * scale;
                productIm[at + g] = ni * scale;
                aRe[at + g] = Math.fma((double) (exponent - 1023), LN2, aRe[at + g] + (Math.abs(x) + -LN2));
                aIm[at + g] += x < 0.0 ? -thetaIm[k] : thetaIm[k];
            }
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
        for (int k = 0; k < n; k++) {
            aRe[k] -= max;
        }
        exp(aRe, n);
        polar(aRe, aIm, n);
        double re = 0.0;
        double im = 0.0;
        double total = 0.0;
        for (int k = 0; k < n; k++) {
            double a = aRe[k] * productRe[k] - aIm[k] * productIm[k];
            double b = aRe[k] * productIm[k] + aIm[k] * productRe[k];
            aRe[k] = a;
            aIm[k] = b;
            re += a;
            im += b;
            total += Math.sqrt(a * a + b * b);
        }
        sum[0] = re;
        sum[1] = im;
        double norm = re * re + im * im;
        boolean cancelled = !(norm > ProjectedWaveFunction.CANCELLED * ProjectedWaveFunction.CANCELLED * total * total);
        out[0] = cancelled ? Double.NEGATIVE_INFINITY : max + 0.5 * Math.log(norm);
        out[1] = cancelled ? 0.0 : Math.atan2(im, re);
    }
}
