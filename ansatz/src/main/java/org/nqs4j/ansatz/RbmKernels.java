package org.nqs4j.ansatz;

/**
 * Arithmetic kernels of the restricted Boltzmann machine
 * log ψ(σ) = Σᵢ aᵢσᵢ + Σⱼ log cosh θⱼ(σ), θⱼ = bⱼ + Σᵢ Wⱼᵢσᵢ
 * (Carleo &amp; Troyer, Science 355, 602 (2017)), in complex arithmetic on separate re/im arrays.
 *
 * <p>Storage: M hidden units, N sites; the weights are stored by site, {@code w[i·M + j]} = Wⱼᵢ,
 * so that every loop over hidden units for one site is contiguous. A real RBM passes imaginary
 * arrays that are identically zero. All loops run over flat arrays; nothing allocates except the
 * 4-double running product of the convenience forms {@link #hiddenLogRatioOneFlip} and
 * {@link #hiddenLogRatioTwoFlips} (hot loops use {@code multiply…} with a scratch product).
 */
public final class RbmKernels {
    /** ln 2, correctly rounded. */
    static final double LN2 = 0.6931471805599453;

    /**
     * Bound on the first-order rounding amplification Σⱼ |terms of factorⱼ| / |factorⱼ| that the
     * fast ratio products accept: their relative error then stays below ≈ 6ε · 1e5 ≈ 7e-11.
     */
    static final double MAX_ROUNDING_AMPLIFICATION = 1e5;

    /** The running product is renormalised by a power of two once its exponent leaves ±this. */
    private static final int RESCALE_EXPONENT = 256;

    /**
     * Smallest accepted |factor|² (2^−400): with the product kept above 2^−257, a factor of
     * modulus ≥ 2^−200 cannot make it subnormal, so no precision is lost silently.
     */
    static final double MIN_FACTOR_MODULUS2 = 0x1p-400;

    private RbmKernels() {
    }

    /**
     * θⱼ = bⱼ + Σᵢ Wⱼᵢ σᵢ for all j, from scratch (O(M·N)).
     */
    public static void theta(double[] bRe, double[] bIm, double[] wRe, double[] wIm, int[] sigma,
                             int nSites, int nHidden, double[] thetaRe, double[] thetaIm) {
        System.arraycopy(bRe, 0, thetaRe, 0, nHidden);
        System.arraycopy(bIm, 0, thetaIm, 0, nHidden);
        for (int i = 0; i < nSites; i++) {
            double s = sigma[i];
            int base = i * nHidden;
            for (int j = 0; j < nHidden; j++) {
                thetaRe[j] += s * wRe[base + j];
                thetaIm[j] += s * wIm[base + j];
            }
        }
    }

    /**
     * θⱼ ← θⱼ − 2 Σ_{i flipped} Wⱼᵢ σᵢ, with σ the configuration <em>before</em> the flips
     * (flipping σᵢ → −σᵢ changes θⱼ by −2Wⱼᵢσᵢ). O(M · count).
     */
    public static void flipTheta(double[] wRe, double[] wIm, int nHidden, int[] sigma, int[] sites,
                                 int offset, int count, double[] thetaRe, double[] thetaIm) {
        for (int f = offset; f < offset + count; f++) {
            int i = sites[f];
            double minusTwoS = -2.0 * sigma[i];
            int base = i * nHidden;
            for (int j = 0; j < nHidden; j++) {
                thetaRe[j] += minusTwoS * wRe[base + j];
                thetaIm[j] += minusTwoS * wIm[base + j];
            }
        }
    }

    /**
     * Stable complex tanh, element-wise (in place allowed). With s = sign(Re z) and
     * w = e^{−2sz} (|w| = e^{−2|Re z|} ≤ 1, so nothing overflows):
     * <pre>
     *   tanh z = s (1 − w)/(1 + w) = s (1 − |w|² − 2i Im w) / |1 + w|²,
     * </pre>
     * with 1 − |w|² = −expm1(−4|Re z|) to keep full relative precision for small |Re z|.
     */
    public static void tanh(double[] zRe, double[] zIm, int n, double[] outRe, double[] outIm) {
        tanh(zRe, zIm, 0, n, outRe, outIm);
    }

    /** {@link #tanh(double[], double[], int, double[], double[])} on the index range [from, to); out may be z. */
    static void tanh(double[] zRe, double[] zIm, int from, int to, double[] outRe, double[] outIm) {
        for (int k = from; k < to; k++) {
            double x = zRe[k];
            double y = zIm[k];
            double s = x >= 0.0 ? 1.0 : -1.0;
            double ax = Math.abs(x);
            double decay = Math.exp(-2.0 * ax);
            double phase = -2.0 * s * y;
            double wr = decay * Math.cos(phase);
            double wi = decay * Math.sin(phase);
            double denominator = 1.0 + 2.0 * wr + decay * decay;
            outRe[k] = s * -Math.expm1(-4.0 * ax) / denominator;
            outIm[k] = s * -2.0 * wi / denominator;
        }
    }

    /** Bounds on |1 + t u|² and on |c|² below/above which {@link #applyFlips} recomputes a unit from θ. */
    static final double UPDATE_FLOOR2 = 1e-280;
    static final double UPDATE_CEILING2 = 1e280;

    /**
     * An accepted move σᵢ → −σᵢ for the listed sites, applied to the per-unit state of a chain
     * without transcendentals: θⱼ += −2σᵢWⱼᵢ (the same operations as {@link #flipTheta}), and the
     * signed complement c = s − tanh θ (s = sign Re θ, {@link #signedComplement}) by
     * <pre>
     *   u = tanh Δ = −σᵢ tanh 2Wⱼᵢ,   1 + t u = (1 + s u) − c u,
     *   c' = c (1 − s u)/(1 + t u)                      while sign Re θ stays s,
     *   c' = −s (2 − s c)(1 + s u)/(1 + t u),  s' = −s   when it changes,
     * </pre>
     * which is the addition theorem tanh(θ + Δ) = (t + u)/(1 + t u) rewritten for c, with
     * 1 ± s u = 1 ∓ sσᵢ tanh 2W read from the tables of {@link #onePlusMinusTanhOfTwiceW}. No
     * difference of nearly equal numbers remains for real θ, so c keeps its relative precision
     * however saturated the unit (c ≈ 2s e^{−2|θ|}); then tanh θ = s − c. A unit whose update
     * leaves the bounds {@link #UPDATE_FLOOR2}, {@link #UPDATE_CEILING2} (a near-pole of complex
     * tanh, an underflowing c, a non-finite table) is recomputed from θ. Only IEEE arithmetic and
     * the deterministic {@link Math} functions are used, so a resumed or re-run chain reproduces
     * itself exactly.
     *
     * @param sigma spins before the move (left unchanged)
     */
    public static void applyFlips(double[] wRe, double[] wIm, double[] tanh2wRe, double[] tanh2wIm,
                                  double[] plusRe, double[] plusIm, double[] minusRe, double[] minusIm,
                                  int nHidden, int[] sigma, int[] sites, int offset, int count,
                                  double[] thetaRe, double[] thetaIm, double[] tanhRe, double[] tanhIm,
                                  double[] compRe, double[] compIm, double[] upper) {
        applyMove(wRe, wIm, tanh2wRe, tanh2wIm, plusRe, plusIm, minusRe, minusIm, nHidden, sigma, sites, offset,
                count, -1, 0.0, thetaRe, thetaIm, tanhRe, tanhIm, compRe, compIm, upper, 0, nHidden);
    }

    /**
     * {@link #applyFlips} for the hidden units from ≤ j &lt; to; with {@code pairBase} ≥ 0 the move is the
     * exchange of a tabulated pair (lo, hi), σ_lo = −σ_hi, applied as <em>one</em> step: θ changes by
     * Δ = −2σ_lo(W_lo − W_hi) (still added site by site from W, so θ is the same bits as two flips), and c
     * by the same formulas with u = tanh Δ = −σ_lo tanh 2(W_lo − W_hi) and 1 ± s u read at
     * {@code pairBase + j} of the pair's tables ({@link Rbm#tabulateExchanges}), which the caller passes
     * instead of the weight tables; {@code pairSign} is σ_lo. One division per unit instead of two; c agrees
     * with two sequential flips to rounding.
     */
    static void applyMove(double[] wRe, double[] wIm, double[] tanh2wRe, double[] tanh2wIm,
                          double[] plusRe, double[] plusIm, double[] minusRe, double[] minusIm,
                          int nHidden, int[] sigma, int[] sites, int offset, int count, int pairBase, double pairSign,
                          double[] thetaRe, double[] thetaIm, double[] tanhRe, double[] tanhIm,
                          double[] compRe, double[] compIm, double[] upper, int from, int to) {
        boolean exchange = pairBase >= 0;
        for (int j = from; j < to; j++) {
            double thr = thetaRe[j];
            double thi = thetaIm[j];
            double h = upper[j];
            double s = 2.0 * h - 1.0;
            double cr = compRe[j];
            double ci = compIm[j];
            boolean exact = false;
            for (int f = offset; f < offset + count; f++) {
                int i = sites[f] * nHidden + j;
                double minusTwoS = -2.0 * sigma[sites[f]];
                thr += minusTwoS * wRe[i];
                thi += minusTwoS * wIm[i];
                if (exchange && f < offset + count - 1) {
                    continue; // an exchange updates c once, after θ has both of its sites
                }
                int w = exchange ? pairBase + j : i;
                double sg = exchange ? pairSign : sigma[sites[f]];
                double ur = -sg * tanh2wRe[w];
                double ui = -sg * tanh2wIm[w];
                // g = 1 when sσ > 0: then 1 − s u = 1 + tanh 2W and 1 + s u = 1 − tanh 2W (exact selection)
                double g = sg > 0 ? h : 1.0 - h;
                double ar = g * plusRe[w] + (1.0 - g) * minusRe[w];  // 1 − s u
                double ai = g * plusIm[w] + (1.0 - g) * minusIm[w];
                double br = g * minusRe[w] + (1.0 - g) * plusRe[w];  // 1 + s u
                double bi = g * minusIm[w] + (1.0 - g) * plusIm[w];
                double dr = br - (cr * ur - ci * ui);                 // 1 + t u
                double di = bi - (cr * ui + ci * ur);
                double sNew = thr >= 0.0 ? 1.0 : -1.0;
                // numerator x·y: c (1 − s u), or −s(2 − s c) (1 + s u) when the sign changes;
                // Im x = Im c either way, as −s(2 − s c) = (−s(2 − s Re c), Im c) exactly
                boolean same = sNew == s;
                double xr = same ? cr : -s * (2.0 - s * cr);
                double yr = same ? ar : br;
                double yi = same ? ai : bi;
                double nr = xr * yr - ci * yi;
                double ni = xr * yi + ci * yr;
                double d2 = dr * dr + di * di;
                double inv = 1.0 / d2;
                cr = (nr * dr + ni * di) * inv;
                ci = (ni * dr - nr * di) * inv;
                s = sNew;
                h = 0.5 + 0.5 * sNew;
                double c2 = cr * cr + ci * ci;
                exact |= !(d2 >= UPDATE_FLOOR2 && d2 <= UPDATE_CEILING2 && c2 >= UPDATE_FLOOR2
                        && c2 <= UPDATE_CEILING2);
            }
            thetaRe[j] = thr;
            thetaIm[j] = thi;
            if (exact) {
                tanh(thetaRe, thetaIm, j, j + 1, tanhRe, tanhIm);
                signedComplement(thetaRe, thetaIm, tanhRe, tanhIm, j, j + 1, compRe, compIm, upper);
            } else {
                compRe[j] = cr;
                compIm[j] = ci;
                upper[j] = h;
                tanhRe[j] = s - cr;
                tanhIm[j] = -ci;
            }
        }
    }

    /**
     * Stable complex log cosh, element-wise (in place allowed). With s = sign(Re z) and
     * w = e^{−2sz}:
     * <pre>
     *   log cosh z = s z − ln 2 + log(1 + w),
     *   log|1 + w| = ½ log1p(2 Re w + |w|²),  arg(1 + w) = atan2(Im w, 1 + Re w).
     * </pre>
     * No overflow for any |Re z|; the imaginary part is one branch of arg cosh z (mod 2π).
     */
    public static void logCosh(double[] zRe, double[] zIm, int n, double[] outRe, double[] outIm) {
        logCosh(zRe, zIm, 0, n, outRe, outIm);
    }

    /** {@link #logCosh(double[], double[], int, double[], double[])} on the index range [from, to). */
    static void logCosh(double[] zRe, double[] zIm, int from, int to, double[] outRe, double[] outIm) {
        for (int k = from; k < to; k++) {
            double x = zRe[k];
            double y = zIm[k];
            double s = x >= 0.0 ? 1.0 : -1.0;
            double decay = Math.exp(-2.0 * Math.abs(x));
            double phase = -2.0 * s * y;
            double wr = decay * Math.cos(phase);
            double wi = decay * Math.sin(phase);
            outRe[k] = Math.abs(x) - LN2 + 0.5 * Math.log1p(2.0 * wr + decay * decay);
            outIm[k] = s * y + Math.atan2(wi, 1.0 + wr);
        }
    }

    /**
     * Tables e^{2Wⱼᵢ} and e^{−2Wⱼᵢ} (same storage as W), for the exact fast ratios:
     * e^{±(a + ib)} = e^{±a}(cos b ± i sin b). Entries overflow to ∞ only for |Re W| ≳ 355; the
     * ratio kernels then refuse the fast path. Element-wise: an output may be the input W.
     */
    public static void expOfTwiceW(double[] wRe, double[] wIm, int length, double[] posRe,
                                   double[] posIm, double[] negRe, double[] negIm) {
        expOfTwiceW(wRe, wIm, 0, length, posRe, posIm, negRe, negIm);
    }

    /** {@link #expOfTwiceW(double[], double[], int, double[], double[], double[], double[])} on [from, to). */
    static void expOfTwiceW(double[] wRe, double[] wIm, int from, int to, double[] posRe, double[] posIm,
                            double[] negRe, double[] negIm) {
        for (int k = from; k < to; k++) {
            double a = 2.0 * wRe[k];
            double b = 2.0 * wIm[k];
            double up = Math.exp(a);
            double down = Math.exp(-a);
            double cb = Math.cos(b);
            double sb = Math.sin(b);
            posRe[k] = up * cb;
            posIm[k] = up * sb;
            negRe[k] = down * cb;
            negIm[k] = -down * sb;
        }
    }

    /**
     * Every weight table of {@link Rbm#setParameters} from one complex exponential per weight
     * (5 transcendentals instead of the 12 of {@link #expOfTwiceW}, {@link #tanh} of 2W and the
     * 1 ± tanh 2W formulas each on their own): with e^{±2W} = e^{±2a}(cos 2b ± i sin 2b), W = a + ib,
     * <pre>
     *   e^{∓4W}    = e^{∓4a}(cos 4b ∓ i sin 4b),   cos 4b = cos²2b − sin²2b,  sin 4b = 2 sin 2b cos 2b,
     *   1 ± tanh 2W = 2/(1 + e^{∓4W})             (the factors of {@link #applyFlips}),
     *   tanh 2W    = s[(1 − e^{−8|a|}) − 2i Im q] / |1 + q|²,   q = e^{−4sW},  s = sign a   (as {@link #tanh}),
     * </pre>
     * with e^{−4|a|} = (e^{−2|a|})² and 1 − e^{−8|a|} = −expm1(−8|a|) (full relative precision for small W),
     * each table to a few ulp of the separate formulas. Entries of e^{±2W} overflow for |a| ≳ 355, of
     * 1 ± tanh 2W for |a| ≳ 177 (not finite: the update then recomputes the unit from θ).
     */
    public static void weightTables(double[] wRe, double[] wIm, int length, double[] posRe, double[] posIm,
                                    double[] negRe, double[] negIm, double[] tanhRe, double[] tanhIm,
                                    double[] plusRe, double[] plusIm, double[] minusRe, double[] minusIm) {
        for (int k = 0; k < length; k++) {
            double a = wRe[k];
            double up = Math.exp(2.0 * a);
            double down = Math.exp(-2.0 * a);
            double c2 = Math.cos(2.0 * wIm[k]);
            double s2 = Math.sin(2.0 * wIm[k]);
            double c4 = c2 * c2 - s2 * s2;
            double s4 = 2.0 * s2 * c2;
            posRe[k] = up * c2;
            posIm[k] = up * s2;
            negRe[k] = down * c2;
            negIm[k] = -down * s2;
            // 1 + tanh 2W = 2/(1 + q) with q = e^{−4W}; 1 − tanh 2W likewise with q = e^{4W}
            double e = down * down;
            twoOverOnePlus(e * c4, -e * s4, plusRe, plusIm, k);
            e = up * up;
            twoOverOnePlus(e * c4, e * s4, minusRe, minusIm, k);
            // tanh z for z = 2W as in tanh(): decay = e^{−2|Re z|}, phase −2s Im z
            double sign = a >= 0.0 ? 1.0 : -1.0;
            double half = a >= 0.0 ? down : up;
            double decay = half * half;
            double wr = decay * c4;
            double wi = -sign * decay * s4;
            double denominator = 1.0 + 2.0 * wr + decay * decay;
            tanhRe[k] = sign * -Math.expm1(-8.0 * Math.abs(a)) / denominator;
            tanhIm[k] = sign * -2.0 * wi / denominator;
        }
    }

    /**
     * tanh z and 1 ± tanh z from e^{±z} (the tables of an exchange, z = 2(W_lo − W_hi)), without
     * transcendentals: with q = e^{∓2z} = (e^{∓z})²,
     * <pre>
     *   1 ± tanh z = 2/(1 + e^{∓2z}),   tanh z = ((1 + tanh z) − (1 − tanh z))/2,
     * </pre>
     * as {@link #weightTables} builds 1 ± tanh 2W; 1 ± tanh z keep their relative precision, tanh z an
     * absolute one of a few ulp (it enters the update only as c·u next to 1 ± s u). Where e^{±z}
     * overflow the entries are not finite and the update recomputes the unit from θ.
     */
    static void onePlusMinusTanh(double[] posRe, double[] posIm, double[] negRe, double[] negIm, int length,
                                 double[] tanhRe, double[] tanhIm, double[] plusRe, double[] plusIm,
                                 double[] minusRe, double[] minusIm) {
        for (int k = 0; k < length; k++) {
            twoOverOnePlus(negRe[k] * negRe[k] - negIm[k] * negIm[k], 2.0 * negRe[k] * negIm[k], plusRe, plusIm, k);
            twoOverOnePlus(posRe[k] * posRe[k] - posIm[k] * posIm[k], 2.0 * posRe[k] * posIm[k], minusRe, minusIm, k);
            tanhRe[k] = 0.5 * (plusRe[k] - minusRe[k]);
            tanhIm[k] = 0.5 * (plusIm[k] - minusIm[k]);
        }
    }

    /** 2/(1 + q) = 2(1 + conj q)/|1 + q|² into out[k]. */
    private static void twoOverOnePlus(double qr, double qi, double[] outRe, double[] outIm, int k) {
        double d = (1.0 + qr) * (1.0 + qr) + qi * qi;
        outRe[k] = 2.0 * (1.0 + qr) / d;
        outIm[k] = -2.0 * qi / d;
    }

    /** |c|² ≤ this for every unit (|c| ≤ 2; always for real θ, where |c| &lt; 1) lets the ratio products use {@link #sufficientFloor2}. */
    static final double COMPLEMENT_BOUND2 = 4.0;

    /** Whether |cⱼ|² ≤ {@link #COMPLEMENT_BOUND2} for j ∈ [from, to) (false for NaN). */
    static boolean complementsBounded(double[] compRe, double[] compIm, int from, int to) {
        boolean bounded = true;
        for (int j = from; j < to; j++) {
            bounded &= compRe[j] * compRe[j] + compIm[j] * compIm[j] <= COMPLEMENT_BOUND2;
        }
        return bounded;
    }

    /**
     * A floor on |f|² that is sufficient for the refusal test of {@link #multiplyOneFlip} on the table row
     * e^{±x} at {@code base} while every |cⱼ| ≤ 2, or 0 when no such floor is worth testing. With
     * R = maxⱼ max(|e^{xⱼ}|₁, |e^{−xⱼ}|₁) (|z|₁ = |Re z| + |Im z|) and |c|₁ ≤ √2|c| ≤ 2√2,
     * <pre>
     *   termsⱼ = |e^{−sx}|₁ + |c|₁ (|e^x|₁ + |e^{−x}|₁)/2 ≤ (1 + 2√2) R,
     * </pre>
     * so |f|² ≥ (1 + 2√2)² R² (1 + 10⁻⁶)/(10⁵/M)² implies termsⱼ² ≤ (10⁵/M)²|f|² with a margin of 10⁻⁶ for
     * the rounding of both sides (≲ 100ε), and the test |f|² ≥ 2^−400 is folded in. Returns 0 when R is not
     * finite or when the floor exceeds 1/R² (for real θ, |f| ≥ e^{−|x|} ≥ 1/R: a higher floor would fail
     * often and cost a second pass).
     */
    static double sufficientFloor2(double[] plusRe, double[] plusIm, double[] minusRe, double[] minusIm, int base,
                                   int nHidden) {
        double r = 0.0;
        for (int j = base; j < base + nHidden; j++) {
            r = Math.max(r, Math.max(Math.abs(plusRe[j]) + Math.abs(plusIm[j]),
                    Math.abs(minusRe[j]) + Math.abs(minusIm[j])));
        }
        double perFactor = MAX_ROUNDING_AMPLIFICATION / nHidden;
        double floor2 = Math.max(MIN_FACTOR_MODULUS2,
                SUFFICIENT_TERMS * SUFFICIENT_TERMS * r * r * (1.0 + 1e-6) / (perFactor * perFactor));
        return Double.isFinite(r) && floor2 * r * r <= 1.0 ? floor2 : 0.0;
    }

    /** 1 + 2√2 = 3.82842…, rounded up. */
    private static final double SUFFICIENT_TERMS = 3.8285;

    /** Below this |c|, the signed complement c = s − tanh θ is recomputed from θ, not subtracted. */
    static final double COMPLEMENT_FLOOR = 1e-2;

    /**
     * The signed complement cⱼ = sⱼ − tanh θⱼ, sⱼ = sign Re θⱼ, and upperⱼ = (1 + sⱼ)/2, for
     * j ∈ [from, to). Where |s − tanh θ| ≥ {@link #COMPLEMENT_FLOOR} the subtraction loses at most
     * a factor 1/floor of relative precision; below (a saturated unit, |Re θ| ≳ 2.6) it is
     * recomputed from θ as
     * <pre>
     *   c = s · 2q/(1 + q),   q = e^{−2sθ}   (|q| ≤ 1),
     * </pre>
     * which is exact to a few ulp however small c is (c ≈ 2s e^{−2|θ|}).
     */
    public static void signedComplement(double[] thetaRe, double[] thetaIm, double[] tanhRe, double[] tanhIm,
                                 int from, int to, double[] compRe, double[] compIm, double[] upper) {
        double floor2 = COMPLEMENT_FLOOR * COMPLEMENT_FLOOR;
        for (int j = from; j < to; j++) {
            double s = thetaRe[j] >= 0.0 ? 1.0 : -1.0;
            double cr = s - tanhRe[j];
            double ci = -tanhIm[j];
            if (!(cr * cr + ci * ci >= floor2)) {
                double decay = Math.exp(-2.0 * s * thetaRe[j]);
                double y = thetaIm[j];
                double qr = y == 0.0 ? decay : decay * Math.cos(2.0 * s * y);
                double qi = y == 0.0 ? 0.0 : -decay * Math.sin(2.0 * s * y);
                // 2q/(1 + q) = 2(q + |q|²)/|1 + q|² (real part) and 2 Im q/|1 + q|²
                double denominator = (1.0 + qr) * (1.0 + qr) + qi * qi;
                cr = s * 2.0 * (qr + qr * qr + qi * qi) / denominator;
                ci = s * 2.0 * qi / denominator;
            }
            compRe[j] = cr;
            compIm[j] = ci;
            upper[j] = thetaRe[j] >= 0.0 ? 1.0 : 0.0;
        }
    }


    /** Σᵢ aᵢσᵢ into out[0..1]. */
    public static void visibleTerm(double[] aRe, double[] aIm, int[] sigma, int nSites, double[] out) {
        double re = 0.0;
        double im = 0.0;
        for (int i = 0; i < nSites; i++) {
            re += aRe[i] * sigma[i];
            im += aIm[i] * sigma[i];
        }
        out[0] = re;
        out[1] = im;
    }

    /** Change of Σᵢ aᵢσᵢ when the given sites flip: −2 Σ_{i flipped} aᵢσᵢ, into out[0..1]. */
    public static void flippedVisibleTerm(double[] aRe, double[] aIm, int[] sigma, int[] sites,
                                          int offset, int count, double[] out) {
        double re = 0.0;
        double im = 0.0;
        for (int f = offset; f < offset + count; f++) {
            int i = sites[f];
            re -= 2.0 * aRe[i] * sigma[i];
            im -= 2.0 * aIm[i] * sigma[i];
        }
        out[0] = re;
        out[1] = im;
    }

    /** Σₖ zₖ into out[0..1]. */
    public static void sum(double[] zRe, double[] zIm, int n, double[] out) {
        double re = 0.0;
        double im = 0.0;
        for (int k = 0; k < n; k++) {
            re += zRe[k];
            im += zIm[k];
        }
        out[0] = re;
        out[1] = im;
    }

    /**
     * Hidden-unit part of the log ratio for any number of flips, the general path:
     * Σⱼ [log cosh(θⱼ + Δθⱼ) − log cosh θⱼ], Δθⱼ = −2 Σ_{i flipped} Wⱼᵢσᵢ; O(M·count) plus 2M
     * log-cosh evaluations. Result into out[0..1]; the four scratch arrays hold M entries.
     */
    public static void hiddenLogRatioGeneral(double[] wRe, double[] wIm, int nHidden, int[] sigma,
                                             int[] sites, int offset, int count,
                                             double[] thetaRe, double[] thetaIm,
                                             double[] scratchRe, double[] scratchIm,
                                             double[] scratch2Re, double[] scratch2Im,
                                             double[] out) {
        System.arraycopy(thetaRe, 0, scratchRe, 0, nHidden);
        System.arraycopy(thetaIm, 0, scratchIm, 0, nHidden);
        flipTheta(wRe, wIm, nHidden, sigma, sites, offset, count, scratchRe, scratchIm);
        logCosh(scratchRe, scratchIm, nHidden, scratchRe, scratchIm);
        logCosh(thetaRe, thetaIm, nHidden, scratch2Re, scratch2Im);
        double re = 0.0;
        double im = 0.0;
        for (int j = 0; j < nHidden; j++) {
            re += scratchRe[j] - scratch2Re[j];
            im += scratchIm[j] - scratch2Im[j];
        }
        out[0] = re;
        out[1] = im;
    }

    /**
     * Hidden-unit part of the log ratio for one flip of site i, without transcendentals and
     * without cancellation: with xⱼ = 2Wⱼᵢσᵢ, sⱼ = sign Re θⱼ and the signed complement
     * cⱼ = sⱼ − tanh θⱼ (kept to full relative precision by {@link #signedComplement}),
     * <pre>
     *   cosh(θⱼ − xⱼ)/cosh θⱼ = cosh xⱼ − tanh θⱼ sinh xⱼ = e^{−sⱼxⱼ} + cⱼ sinh xⱼ,
     *   sinh xⱼ = (e^{xⱼ} − e^{−xⱼ})/2,
     * </pre>
     * with e^{±xⱼ} read from the tables e^{±2W} ({@link #expOfTwiceW}). The first form cancels
     * catastrophically once a hidden unit saturates (tanh θ → ±1, a trained RBM): its rounding
     * error grows as e^{2|x|}. In the second, for real θ, both terms have the same sign when
     * sⱼxⱼ &gt; 0 and the first dominates otherwise, so a factor is accurate to a few ulp.
     * The product is renormalised by powers of two as it goes (no overflow/underflow for any M).
     * Returns false, leaving {@code out} unspecified, when the product cannot be trusted: a
     * non-finite, zero or tiny (below 2^−200) factor, or a factor computed with cancellation so
     * large that M·(|e^{−sx}| + |c|(|e^x| + |e^{−x}|)/2)/|factor| exceeds
     * {@link #MAX_ROUNDING_AMPLIFICATION} (norms taken as |re| + |im| ≥ modulus; only a complex θ
     * near a zero of cosh gets there). The caller then uses {@link #hiddenLogRatioGeneral}.
     *
     * @param base  i·M, the start of site i in the tables
     * @param sign  σᵢ before the flip
     * @param upper (1 + sⱼ)/2: 1 where Re θⱼ ≥ 0, else 0
     */
    public static boolean hiddenLogRatioOneFlip(double[] ePosRe, double[] ePosIm, double[] eNegRe,
                                                double[] eNegIm, int base, double sign,
                                                double[] compRe, double[] compIm, double[] upper,
                                                int nHidden, double[] out) {
        double[] product = startProduct(new double[PRODUCT_LENGTH]);
        multiplyOneFlip(ePosRe, ePosIm, eNegRe, eNegIm, base, sign, compRe, compIm, upper, 0, nHidden,
                nHidden, product);
        return logOfProduct(product, out);
    }

    /**
     * Multiplies the factors j ∈ [from, to) of {@link #hiddenLogRatioOneFlip} into the running
     * {@code product} (see {@link #startProduct}); the refusal threshold is set by M = nHidden.
     */
    static void multiplyOneFlip(double[] ePosRe, double[] ePosIm, double[] eNegRe,
                                double[] eNegIm, int base, double sign, double[] compRe,
                                double[] compIm, double[] upper, int from, int to, int nHidden,
                                double[] product) {
        // e^{+x} and e^{−x} for x = 2Wσ: the tables swap roles with σ
        double[] plusRe = sign > 0 ? ePosRe : eNegRe;
        double[] plusIm = sign > 0 ? ePosIm : eNegIm;
        double[] minusRe = sign > 0 ? eNegRe : ePosRe;
        double[] minusIm = sign > 0 ? eNegIm : ePosIm;
        double perFactor = MAX_ROUNDING_AMPLIFICATION / nHidden;
        double perFactor2 = perFactor * perFactor;
        double pr = product[0];
        double pi = product[1];
        int exponent = (int) product[2];
        boolean trusted = product[3] != 0.0;
        for (int j = from; j < to; j++) {
            double ar = plusRe[base + j];
            double ai = plusIm[base + j];
            double br = minusRe[base + j];
            double bi = minusIm[base + j];
            double h = upper[j];
            double er = h * br + (1.0 - h) * ar; // e^{−sx}: exact selection (h is 0 or 1)
            double ei = h * bi + (1.0 - h) * ai;
            double shr = 0.5 * (ar - br);
            double shi = 0.5 * (ai - bi);
            double cr = compRe[j];
            double ci = compIm[j];
            double fr = er + (cr * shr - ci * shi);
            double fi = ei + (cr * shi + ci * shr);
            double terms = Math.abs(er) + Math.abs(ei) + (Math.abs(cr) + Math.abs(ci))
                    * 0.5 * (Math.abs(ar) + Math.abs(ai) + Math.abs(br) + Math.abs(bi));
            double f2 = fr * fr + fi * fi;
            trusted &= terms * terms <= perFactor2 * f2 && f2 >= MIN_FACTOR_MODULUS2;
            double nr = pr * fr - pi * fi;
            pi = pr * fi + pi * fr;
            pr = nr;
            int k = exponentToRemove(pr, pi);
            if (k != 0) {
                pr = Math.scalb(pr, -k);
                pi = Math.scalb(pi, -k);
                exponent += k;
            }
        }
        storeProduct(pr, pi, exponent, trusted, product);
    }

    /**
     * Hidden-unit part of the log ratio for flips of two distinct sites i₁, i₂, as
     * {@link #hiddenLogRatioOneFlip} with x = x₁ + x₂, x_k = 2Wⱼᵢₖσᵢₖ:
     * <pre>
     *   cosh(θ − x)/cosh θ = e^{−sx} + c sinh x,   e^{±x} = e^{±x₁} e^{±x₂},   sinh x = (e^x − e^{−x})/2.
     * </pre>
     * The products of table entries keep e^{±x} to 2 ulp even when x₁ ≈ −x₂ (an exchange across
     * nearly equal weights), where the addition theorem for sinh(x₁ + x₂) would cancel. Same
     * renormalisation and refusal rule.
     */
    public static boolean hiddenLogRatioTwoFlips(double[] ePosRe, double[] ePosIm, double[] eNegRe,
                                                 double[] eNegIm, int base1, double sign1,
                                                 int base2, double sign2, double[] compRe,
                                                 double[] compIm, double[] upper, int nHidden,
                                                 double[] out) {
        double[] product = startProduct(new double[PRODUCT_LENGTH]);
        multiplyTwoFlips(ePosRe, ePosIm, eNegRe, eNegIm, base1, sign1, base2, sign2, compRe, compIm,
                upper, 0, nHidden, nHidden, product);
        return logOfProduct(product, out);
    }

    /**
     * Multiplies the factors j ∈ [from, to) of {@link #hiddenLogRatioTwoFlips} into the running
     * {@code product}; the refusal threshold is set by M = nHidden.
     */
    static void multiplyTwoFlips(double[] ePosRe, double[] ePosIm, double[] eNegRe,
                                 double[] eNegIm, int base1, double sign1, int base2,
                                 double sign2, double[] compRe, double[] compIm, double[] upper,
                                 int from, int to, int nHidden, double[] product) {
        double[] plus1Re = sign1 > 0 ? ePosRe : eNegRe;
        double[] plus1Im = sign1 > 0 ? ePosIm : eNegIm;
        double[] minus1Re = sign1 > 0 ? eNegRe : ePosRe;
        double[] minus1Im = sign1 > 0 ? eNegIm : ePosIm;
        double[] plus2Re = sign2 > 0 ? ePosRe : eNegRe;
        double[] plus2Im = sign2 > 0 ? ePosIm : eNegIm;
        double[] minus2Re = sign2 > 0 ? eNegRe : ePosRe;
        double[] minus2Im = sign2 > 0 ? eNegIm : ePosIm;
        double perFactor = MAX_ROUNDING_AMPLIFICATION / nHidden;
        double perFactor2 = perFactor * perFactor;
        double pr = product[0];
        double pi = product[1];
        int exponent = (int) product[2];
        boolean trusted = product[3] != 0.0;
        for (int j = from; j < to; j++) {
            double p1r = plus1Re[base1 + j];
            double p1i = plus1Im[base1 + j];
            double p2r = plus2Re[base2 + j];
            double p2i = plus2Im[base2 + j];
            double m1r = minus1Re[base1 + j];
            double m1i = minus1Im[base1 + j];
            double m2r = minus2Re[base2 + j];
            double m2i = minus2Im[base2 + j];
            double ar = p1r * p2r - p1i * p2i; // e^{x}
            double ai = p1r * p2i + p1i * p2r;
            double br = m1r * m2r - m1i * m2i; // e^{−x}
            double bi = m1r * m2i + m1i * m2r;
            double h = upper[j];
            double er = h * br + (1.0 - h) * ar;
            double ei = h * bi + (1.0 - h) * ai;
            double shr = 0.5 * (ar - br);
            double shi = 0.5 * (ai - bi);
            double cr = compRe[j];
            double ci = compIm[j];
            double fr = er + (cr * shr - ci * shi);
            double fi = ei + (cr * shi + ci * shr);
            double terms = Math.abs(er) + Math.abs(ei) + (Math.abs(cr) + Math.abs(ci))
                    * 0.5 * (Math.abs(ar) + Math.abs(ai) + Math.abs(br) + Math.abs(bi));
            double f2 = fr * fr + fi * fi;
            trusted &= terms * terms <= perFactor2 * f2 && f2 >= MIN_FACTOR_MODULUS2;
            double nr = pr * fr - pi * fi;
            pi = pr * fi + pi * fr;
            pr = nr;
            int k = exponentToRemove(pr, pi);
            if (k != 0) {
                pr = Math.scalb(pr, -k);
                pi = Math.scalb(pi, -k);
                exponent += k;
            }
        }
        storeProduct(pr, pi, exponent, trusted, product);
    }

    /** Doubles of a running product: (re, im, binary exponent, trusted ? 1 : 0). */
    static final int PRODUCT_LENGTH = 4;

    /** Sets a running product to the empty product 1·2⁰, trusted; returns it. */
    static double[] startProduct(double[] product) {
        product[0] = 1.0;
        product[1] = 0.0;
        product[2] = 0.0;
        product[3] = 1.0;
        return product;
    }

    static void storeProduct(double pr, double pi, int exponent, boolean trusted, double[] product) {
        product[0] = pr;
        product[1] = pi;
        product[2] = exponent;
        product[3] = trusted ? 1.0 : 0.0;
    }

    /** log of a trusted running product into out[0..1]; false when refused, zero or not finite. */
    static boolean logOfProduct(double[] product, double[] out) {
        return product[3] != 0.0
                && logOfScaledProduct(product[0], product[1], (int) product[2], out);
    }

    /**
     * The value 2^exponent·(re + i·im) of a trusted running product into out[at..at+1]; false when
     * refused, zero or not finite (also when the value itself overflows).
     */
    static boolean valueOfProduct(double[] product, double[] out, int at) {
        if (product[3] == 0.0) {
            return false;
        }
        int exponent = (int) product[2];
        double re;
        double im;
        if (exponent >= Double.MIN_EXPONENT && exponent <= Double.MAX_EXPONENT) {
            // Math.scalb is one correctly rounded multiplication by 2^exponent (its contract): with 2^exponent
            // a normal double, this is that multiplication without scalb's branches
            double scale = Double.longBitsToDouble((long) (exponent + Double.MAX_EXPONENT) << 52);
            re = product[0] * scale;
            im = product[1] * scale;
        } else {
            re = Math.scalb(product[0], exponent);
            im = Math.scalb(product[1], exponent);
        }
        if (!Double.isFinite(re) || !Double.isFinite(im) || (re == 0.0 && im == 0.0)) {
            return false;
        }
        out[at] = re;
        out[at + 1] = im;
        return true;
    }

    /**
     * Log-derivatives at the current configuration, in the parameter layout (a, b, W):
     * ∂/∂aᵢ = σᵢ, ∂/∂bⱼ = tanh θⱼ, ∂/∂Wⱼᵢ = σᵢ tanh θⱼ (index N + M + j·N + i).
     * A real layout receives only the real parts.
     */
    public static void logDerivatives(int[] sigma, double[] tanhRe, double[] tanhIm, int nSites,
                                      int nHidden, boolean complex, double[] out, int offset) {
        logDerivativeFactors(sigma, tanhRe, tanhIm, nSites, nHidden, complex, out, offset);
        int c = complex ? 2 : 1;
        int weights = offset + c * (nSites + nHidden);
        for (int j = 0; j < nHidden; j++) {
            double tr = tanhRe[j];
            double ti = tanhIm[j];
            int row = weights + c * j * nSites;
            for (int i = 0; i < nSites; i++) {
                double s = sigma[i];
                out[row + c * i] = s * tr;
                if (complex) {
                    out[row + 2 * i + 1] = s * ti;
                }
            }
        }
    }

    /**
     * The factors of the log-derivative row, its first N + M entries (σ, tanh θ) in the same
     * layout: the rest, tanh θ ⊗ σ, follows from them ({@link OuterProductJacobian}).
     */
    public static void logDerivativeFactors(int[] sigma, double[] tanhRe, double[] tanhIm, int nSites,
                                            int nHidden, boolean complex, double[] out, int offset) {
        if (!complex) {
            for (int i = 0; i < nSites; i++) {
                out[offset + i] = sigma[i];
            }
            System.arraycopy(tanhRe, 0, out, offset + nSites, nHidden);
            return;
        }
        for (int i = 0; i < nSites; i++) {
            out[offset + 2 * i] = sigma[i];
            out[offset + 2 * i + 1] = 0.0;
        }
        for (int j = 0; j < nHidden; j++) {
            out[offset + 2 * (nSites + j)] = tanhRe[j];
            out[offset + 2 * (nSites + j) + 1] = tanhIm[j];
        }
    }

    /** Binary exponent to divide out of (pr, pi), or 0 while it stays within ±RESCALE_EXPONENT. */
    static int exponentToRemove(double pr, double pi) {
        int k = Math.getExponent(Math.max(Math.abs(pr), Math.abs(pi)));
        return (k > RESCALE_EXPONENT || k < -RESCALE_EXPONENT) ? k : 0;
    }

    /**
     * log(2^exponent · (pr + i·pi)) into out[0..1]; false when the product is zero or not
     * finite. |pr|, |pi| ≤ 2^257 here, so pr² + pi² cannot overflow.
     */
    static boolean logOfScaledProduct(double pr, double pi, int exponent, double[] out) {
        double modulus2 = pr * pr + pi * pi;
        if (!(modulus2 > 0.0) || !Double.isFinite(modulus2)) {
            return false;
        }
        out[0] = 0.5 * Math.log(modulus2) + exponent * LN2;
        out[1] = Math.atan2(pi, pr);
        return true;
    }
}
