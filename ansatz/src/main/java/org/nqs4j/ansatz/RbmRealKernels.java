package org.nqs4j.ansatz;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The hot kernels of {@link RbmVectorKernels} for a real RBM with bounded weights, in real
 * arithmetic: the one-flip ratio product and the update of an accepted move. A real RBM run
 * through the complex kernels multiplies zero imaginary parts on every unit; here they are gone.
 *
 * <p><b>The same bits.</b> Each real operation is the one the complex kernel performs on the real
 * parts when every imaginary part is zero (its terms in Im vanish exactly: x − 0·0 = x), in the same
 * order (the same lanes, the same fold of the lanes, the same tail; a unit's operations are the same
 * whether it runs in a lane or alone), so θ, tanh θ and c come out bit for bit as from
 * {@link RbmVectorKernels}, and so do the ratios on hosts of at most 4 lanes (AVX2). The products
 * run on at most 4 lanes ({@link #PRODUCT}): on a wider host their factors are grouped into
 * 4 lanes instead of 8, the same factors to rounding, and bit for bit the ratios of an AVX2 host.
 * Only the complex kernels' safeguards go,
 * and only where {@link Rbm#realProducts} proves them idle:
 * <ul>
 * <li>the refusal test: for real θ the factor e^{−sx} + c sinh x = cosh(θ − x)/cosh θ lies in
 *     [e^{−|x|}, e^{|x|}] with both terms of one sign or the first dominating (|c| ≤ 1), so its
 *     rounding amplification is at most 3 and |f|² ≥ e^{−2|x|} ≥ 2^{−400} when |x| ≤ 128;</li>
 * <li>the renormalisation: with Σⱼ|xⱼ| ≤ 128 every partial product lies in e^{±128}, far from
 *     overflow and from subnormals, so the complex kernel's exact scalings by powers of two would
 *     not change a mantissa bit.</li>
 * </ul>
 * Products over tables e^{±x} of one flip (x = 2Wⱼᵢσᵢ) or of a tabulated exchange
 * (x = 2σ_lo(W_lo − W_hi)) qualify when max_i Σⱼ |Wⱼᵢ| ≤ {@value Rbm#REAL_PRODUCT_BUDGET}.
 */
final class RbmRealKernels {
    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();
    private static final DoubleVector ONE = DoubleVector.broadcast(SPECIES, 1.0);
    private static final DoubleVector MINUS_ONE = DoubleVector.broadcast(SPECIES, -1.0);
    private static final DoubleVector ZERO = DoubleVector.zero(SPECIES);
    private static final DoubleVector HALF = DoubleVector.broadcast(SPECIES, 0.5);
    private static final DoubleVector TWO = DoubleVector.broadcast(SPECIES, 2.0);
    private static final DoubleVector LANE_INDEX = DoubleVector.zero(SPECIES).addIndex(1);
    /**
     * The products' vectors: at most 4 lanes (256 bits). At M = 20 an 8-lane vector leaves a tail of 4 and
     * folds 8 lanes in sequence, where 4 lanes cover the units exactly; and the products' bits no longer
     * depend on whether the host has AVX2 or AVX-512.
     */
    private static final VectorSpecies<Double> PRODUCT = SPECIES.length() > 4 ? DoubleVector.SPECIES_256 : SPECIES;
    /** Lanes of {@link #PRODUCT}. */
    static final int PRODUCT_LANES = PRODUCT.length();
    private static final DoubleVector ONE_P = DoubleVector.broadcast(PRODUCT, 1.0);

    private RbmRealKernels() {
    }

    /**
     * Πⱼ [e^{−sⱼxⱼ} + cⱼ sinh xⱼ] over the real tables e^{±2W} (or an exchange's e^{±2(W_lo − W_hi)})
     * at {@code base}: lane l of {@link #PRODUCT_LANES} multiplies the factors of the units
     * j ≡ l (mod PRODUCT_LANES) of the whole vectors in order, the lanes are folded in order, then the
     * remaining M mod PRODUCT_LANES factors one at a time. Each factor is
     * e^{−sx} = h e^{−σx} + (1 − h) e^{σx} (an exact selection, h = (1 + s)/2) plus c·(e^{σx} − e^{−σx})/2.
     *
     * @param sign  σᵢ before the flip (chooses which table is e^{+x})
     * @param lanes scratch of at least {@link #PRODUCT_LANES} doubles
     */
    static double productOneFlip(double[] ePos, double[] eNeg, int base, double sign, double[] comp,
                                 double[] upper, int nHidden, double[] lanes) {
        double[] plus = sign > 0 ? ePos : eNeg;
        double[] minus = sign > 0 ? eNeg : ePos;
        int bound = PRODUCT.loopBound(nHidden);
        // a broadcast, not a constant vector: a loop variable that starts as a constant vector object is boxed
        // by C2 on every iteration
        DoubleVector p = DoubleVector.broadcast(PRODUCT, 1.0);
        for (int j = 0; j < bound; j += PRODUCT_LANES) {
            DoubleVector a = DoubleVector.fromArray(PRODUCT, plus, base + j);
            DoubleVector b = DoubleVector.fromArray(PRODUCT, minus, base + j);
            DoubleVector h = DoubleVector.fromArray(PRODUCT, upper, j);
            DoubleVector e = h.mul(b).add(ONE_P.sub(h).mul(a)); // e^{−sx}: exact selection
            p = p.mul(e.add(DoubleVector.fromArray(PRODUCT, comp, j).mul(a.sub(b).mul(0.5))));
        }
        p.intoArray(lanes, 0);
        double product = 1.0;
        for (int l = 0; l < PRODUCT_LANES; l++) {
            product *= lanes[l];
        }
        return bound < nHidden ? tail(plus, minus, base, comp, upper, bound, nHidden, product, lanes) : product;
    }

    /**
     * {@code product} times the factors of the units {@code bound}..M−1 (fewer than a vector), in unit order; their
     * factors in one masked vector, each the same operations as in a whole vector. A method of its own, so that the
     * loop's compiled code does not hold the masked vectors' registers.
     */
    private static double tail(double[] plus, double[] minus, int base, double[] comp, double[] upper, int bound,
                               int nHidden, double product, double[] lanes) {
        var rest = PRODUCT.indexInRange(bound, nHidden);
        DoubleVector a = DoubleVector.fromArray(PRODUCT, plus, base + bound, rest);
        DoubleVector b = DoubleVector.fromArray(PRODUCT, minus, base + bound, rest);
        DoubleVector h = DoubleVector.fromArray(PRODUCT, upper, bound, rest);
        DoubleVector e = h.mul(b).add(ONE_P.sub(h).mul(a));
        e.add(DoubleVector.fromArray(PRODUCT, comp, bound, rest).mul(a.sub(b).mul(0.5))).intoArray(lanes, 0);
        for (int l = 0; l < nHidden - bound; l++) {
            product *= lanes[l];
        }
        return product;
    }

    /**
     * {@link RbmVectorKernels#applyFlips} in real arithmetic on whole vectors (θ, c, s and
     * tanh θ = s − c; the imaginary arrays stay zero), the same operations on the real parts:
     * <pre>
     *   u = −σᵢ tanh 2Wⱼᵢ,   d = (1 + s u) − c u,
     *   c' = (n d)·(1/d²),   n = c (1 − s u) while sign θ stays s,  −s(2 − s c)(1 + s u) when it flips.
     * </pre>
     * A vector with a lane outside the bounds goes to the complex scalar kernel, as there; the tail
     * of M mod LANES units runs in the last whole vector of units (M ≥ LANES) or one unit at a time.
     */
    static void applyMove(Rbm rbm, int[] sigma, int[] sites, int offset, int count, int pair, double[] thetaRe,
                          double[] thetaIm, double[] tanhRe, double[] tanhIm, double[] compRe, double[] compIm,
                          double[] upper) {
        // one call site per table set: a table chosen by a conditional inside the loop cost ~10 % (its range
        // checks stay in the loop)
        if (pair >= 0) {
            applyMove(rbm, rbm.pairTanhRe, rbm.pairOnePlusTanhRe, rbm.pairOneMinusTanhRe, pair,
                    sigma[rbm.pairLow(pair)], sigma, sites, offset, count, thetaRe, thetaIm, tanhRe, tanhIm, compRe,
                    compIm, upper);
        } else {
            applyMove(rbm, rbm.tanh2wRe, rbm.onePlusTanh2wRe, rbm.oneMinusTanh2wRe, -1, 0.0, sigma, sites, offset,
                    count, thetaRe, thetaIm, tanhRe, tanhIm, compRe, compIm, upper);
        }
    }

    /** {@link #applyMove} over the given tables: the weights' (pair −1) or those of tabulated pair {@code pair}. */
    private static void applyMove(Rbm rbm, double[] tanh2w, double[] plus, double[] minus, int pair, double pairSign,
                                  int[] sigma, int[] sites, int offset, int count, double[] thetaRe, double[] thetaIm,
                                  double[] tanhRe, double[] tanhIm, double[] compRe, double[] compIm,
                                  double[] upper) {
        int m = rbm.nHidden;
        double[] w = rbm.wRe;
        boolean exchange = pair >= 0;
        DoubleVector floor2V = DoubleVector.broadcast(SPECIES, RbmKernels.UPDATE_FLOOR2);
        DoubleVector ceiling2V = DoubleVector.broadcast(SPECIES, RbmKernels.UPDATE_CEILING2);
        int bound = SPECIES.loopBound(m);
        int tail = m - bound;
        // v = −1: the last LANES units first (whole, unmasked vectors), of which only the M mod LANES of the tail
        // are stored changed; the units before them are written back as they were and get their own vector next.
        // Every unit sees the same operations in a lane as alone (the scalar tail, kept for M < LANES).
        for (int v = tail > 0 && m >= LANES ? -1 : 0; v < bound / LANES; v++) {
            int j = v < 0 ? m - LANES : v * LANES;
            var stale = LANE_INDEX.compare(VectorOperators.LT, v < 0 ? LANES - tail : 0);
            DoubleVector th0 = DoubleVector.fromArray(SPECIES, thetaRe, j);
            DoubleVector h0 = DoubleVector.fromArray(SPECIES, upper, j);
            DoubleVector c0 = DoubleVector.fromArray(SPECIES, compRe, j);
            DoubleVector th = th0;
            DoubleVector h = h0;
            DoubleVector s = h.mul(2.0).sub(ONE);
            DoubleVector c = c0;
            boolean inBounds = true;
            for (int f = offset; f < offset + count; f++) {
                int k = sites[f] * m + j;
                double sg = sigma[sites[f]];
                th = DoubleVector.fromArray(SPECIES, w, k).mul(-2.0 * sg).add(th);
                if (exchange) {
                    if (f < offset + count - 1) {
                        continue; // an exchange updates c once, after θ has both of its sites
                    }
                    k = pair * m + j;
                    sg = pairSign;
                }
                DoubleVector u = DoubleVector.fromArray(SPECIES, tanh2w, k).mul(-sg);
                DoubleVector g = sg > 0 ? h : ONE.sub(h);
                DoubleVector gc = ONE.sub(g);
                DoubleVector p = DoubleVector.fromArray(SPECIES, plus, k);
                DoubleVector q = DoubleVector.fromArray(SPECIES, minus, k);
                DoubleVector a = g.mul(p).add(gc.mul(q));   // 1 − s u
                DoubleVector b = g.mul(q).add(gc.mul(p));   // 1 + s u
                DoubleVector d = b.sub(c.mul(u));           // 1 + t u
                DoubleVector sNew = MINUS_ONE.blend(ONE, th.compare(VectorOperators.GE, ZERO));
                var same = sNew.compare(VectorOperators.EQ, s);
                DoubleVector x = s.neg().mul(TWO.sub(s.mul(c))).blend(c, same);
                DoubleVector n = x.mul(b.blend(a, same));
                DoubleVector d2 = d.mul(d);
                c = n.mul(d).mul(ONE.div(d2));
                s = sNew;
                h = HALF.add(HALF.mul(sNew));
                DoubleVector c2 = c.mul(c);
                inBounds &= d2.compare(VectorOperators.GE, floor2V).and(d2.compare(VectorOperators.LE, ceiling2V))
                        .and(c2.compare(VectorOperators.GE, floor2V))
                        .and(c2.compare(VectorOperators.LE, ceiling2V)).or(stale).allTrue();
            }
            if (inBounds) {
                th.blend(th0, stale).intoArray(thetaRe, j);
                c.blend(c0, stale).intoArray(compRe, j);
                h.blend(h0, stale).intoArray(upper, j);
                s.sub(c).blend(DoubleVector.fromArray(SPECIES, tanhRe, j), stale).intoArray(tanhRe, j);
            } else {
                complexScalar(rbm, sigma, sites, offset, count, pair, thetaRe, thetaIm, tanhRe, tanhIm, compRe,
                        compIm, upper, v < 0 ? bound : j, j + LANES);
            }
        }
        if (bound < m && m < LANES) {
            applyMoveScalar(rbm, tanh2w, plus, minus, pair, pairSign, sigma, sites, offset, count, thetaRe, thetaIm,
                    tanhRe, tanhIm, compRe, compIm, upper, bound);
        }
    }

    /**
     * Units {@code from}..M−1 of {@link #applyMove} (M &lt; LANES), one at a time in one call: the
     * operations of {@link RbmKernels#applyMove} on the real parts.
     */
    private static void applyMoveScalar(Rbm rbm, double[] tanh2w, double[] plus, double[] minus, int pair,
                                        double pairSign, int[] sigma, int[] sites, int offset, int count,
                                        double[] thetaRe, double[] thetaIm, double[] tanhRe, double[] tanhIm,
                                        double[] compRe, double[] compIm, double[] upper, int from) {
        int m = rbm.nHidden;
        boolean exchange = pair >= 0;
        for (int j = from; j < m; j++) {
            double th = thetaRe[j];
            double h = upper[j];
            double s = 2.0 * h - 1.0;
            double c = compRe[j];
            boolean exact = false;
            for (int f = offset; f < offset + count; f++) {
                int i = sites[f] * m + j;
                th += -2.0 * sigma[sites[f]] * rbm.wRe[i];
                if (exchange && f < offset + count - 1) {
                    continue; // an exchange updates c once, after θ has both of its sites
                }
                int k = exchange ? pair * m + j : i;
                double sg = exchange ? pairSign : sigma[sites[f]];
                double u = -sg * tanh2w[k];
                double g = sg > 0 ? h : 1.0 - h;
                double a = g * plus[k] + (1.0 - g) * minus[k];
                double b = g * minus[k] + (1.0 - g) * plus[k];
                double d = b - c * u;
                double sNew = th >= 0.0 ? 1.0 : -1.0;
                boolean same = sNew == s;
                double n = (same ? c : -s * (2.0 - s * c)) * (same ? a : b);
                double d2 = d * d;
                c = n * d * (1.0 / d2);
                s = sNew;
                h = 0.5 + 0.5 * sNew;
                double c2 = c * c;
                exact |= !(d2 >= RbmKernels.UPDATE_FLOOR2 && d2 <= RbmKernels.UPDATE_CEILING2
                        && c2 >= RbmKernels.UPDATE_FLOOR2 && c2 <= RbmKernels.UPDATE_CEILING2);
            }
            thetaRe[j] = th;
            if (exact) {
                RbmKernels.tanh(thetaRe, thetaIm, j, j + 1, tanhRe, tanhIm);
                RbmKernels.signedComplement(thetaRe, thetaIm, tanhRe, tanhIm, j, j + 1, compRe, compIm, upper);
            } else {
                compRe[j] = c;
                upper[j] = h;
                tanhRe[j] = s - c;
            }
        }
    }

    private static void complexScalar(Rbm rbm, int[] sigma, int[] sites, int offset, int count, int pair,
                                      double[] thetaRe, double[] thetaIm, double[] tanhRe, double[] tanhIm,
                                      double[] compRe, double[] compIm, double[] upper, int from, int to) {
        if (pair >= 0) {
            RbmKernels.applyMove(rbm.wRe, rbm.wIm, rbm.pairTanhRe, rbm.pairTanhIm, rbm.pairOnePlusTanhRe,
                    rbm.pairOnePlusTanhIm, rbm.pairOneMinusTanhRe, rbm.pairOneMinusTanhIm, rbm.nHidden, sigma, sites,
                    offset, count, pair * rbm.nHidden, sigma[rbm.pairLow(pair)], thetaRe, thetaIm, tanhRe, tanhIm,
                    compRe, compIm, upper, from, to);
        } else {
            RbmKernels.applyMove(rbm.wRe, rbm.wIm, rbm.tanh2wRe, rbm.tanh2wIm, rbm.onePlusTanh2wRe,
                    rbm.onePlusTanh2wIm, rbm.oneMinusTanh2wRe, rbm.oneMinusTanh2wIm, rbm.nHidden, sigma, sites,
                    offset, count, -1, 0.0, thetaRe, thetaIm, tanhRe, tanhIm, compRe, compIm, upper, from, to);
        }
    }
}
