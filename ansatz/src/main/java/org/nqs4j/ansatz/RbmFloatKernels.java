package org.nqs4j.ansatz;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * An estimate of the hidden-unit part of |ψ(x')/ψ(x)|² for one flip or one tabulated exchange in float
 * lanes (twice the lanes of double per vector), with an a-priori bound on its relative error: what a
 * Metropolis step needs to decide most proposals without the exact ratio ({@link WalkerCache#ratioModulus2}).
 *
 * <h2>The form</h2>
 * With x the row's shift of θ (2Wᵢ of a flip, 2(W_lo − W_hi) of an exchange) and σ its sign, the factor of
 * {@link RbmKernels#hiddenLogRatioOneFlip} e^{−sx} + c sinh x, with c = s − tanh θ, is
 * <pre>
 *   fⱼ = cosh θ'ⱼ / cosh θⱼ = Cⱼ − σ tⱼ Sⱼ,   C = cosh x = (e^x + e^{−x})/2,  S = sinh x,  t = tanh θ,
 * </pre>
 * with C, S, |C|₁, |S|₁ per table row ({@link RbmFloatTables}) and t, |t|₁ + 1 per chain ({@link #copyTanh}):
 * nine loads and fourteen float operations per 2·LANES_double units, the amplification test below included,
 * against the double product's selection by sign θ, renormalisation and refusal test at half the lanes. No
 * accuracy at cancellation is asked of this form: a unit where it could cancel is refused instead (below).
 *
 * <h2>The bound</h2>
 * Let u = 2⁻²⁴ and Tⱼ = |C|₁ + (|t|₁ + 1)|S|₁ (|z|₁ = |Re z| + |Im z|). Rounding C, S, t to float, the products
 * and sums of q = tS (no fused operations) and f = C − σq (σ = ±1 is exact) give |f̂ − f| ≤ |f̂ − f|₁ ≤ 2.01u|C|₁
 * + 5.02u|t|₁|S|₁ + (the double tables' own rounding and the double tanh against s − c, &lt; 2⁻⁵⁰Tⱼ) ≤ 5.1u·Tⱼ.
 * Every unit must pass T̂² ≤ K²|f̂|² (K = {@value #K}), computed in float; with the rounding of both sides this
 * proves κⱼ = Tⱼ/|fⱼ| ≤ K' = K(1 + 2⁻¹⁶). Then δ = 5.1uK' bounds |f̂ − f|/|f|, so
 * |f̂|² = |f|²(1 + η) with |η| ≤ 2δ + δ², and the computed |f̂|² (three roundings) is within
 * ε_f = (10.2K' + 2.1)u of |f|², relatively. The product of the M factors (at most {@code stride} float
 * multiplications, the padding units are exactly 1, then a fold in double) is within
 * ρ = 1.01(M ε_f + stride·u) of the exact product, since (1 + ε)^k − 1 ≤ 1.01kε for kε ≤ 0.01.
 * The exact path's own value is within 2⁻³⁰ of the exact product (its product path refuses a per-factor
 * amplification beyond 10⁵/M, which keeps it within ≈ 10⁵·8·2⁻⁵³ &lt; 2⁻³³; its log-cosh path is tighter
 * still for the θ of a usable row), its |·|² and the visible factors within 2⁻⁵⁰; so the estimate e is within
 * β·e of the exact |ratio|² for β = 1.05ρ + 2⁻²⁸ ({@link #relativeBound}), rounding of e ± βe included.
 *
 * <h2>Range</h2>
 * T ≥ 1 (|e^{±x}| ≤ |C| + |S| and |e^x e^{−x}| = 1), so a passing factor has |f|² ∈ [K'⁻², T²]; every |cⱼ| ≤ 2
 * ({@code boundedComplements}) gives |t|₁ ≤ 3√2 and T ≤ T_row = maxⱼ(|C|₁ + 5.25|S|₁). A row is usable when
 * the n = stride/LANES factors of a lane stay in float's normal range and the M factors of the fold in
 * double's: 2n log₂ max(K', T_row) ≤ 124 and 2M log₂ max(K', T_row) ≤ 1000 ({@link RbmFloatTables}).
 * Anything else (a refused unit, NaN, an unusable row) returns NaN, and the caller takes the exact path.
 */
final class RbmFloatKernels {
    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Double> DOUBLES = DoubleVector.SPECIES_PREFERRED;
    /** Floats as many as the doubles of a vector: the target of a conversion of one double vector. */
    private static final VectorSpecies<Float> HALF_FLOATS = VectorSpecies.of(float.class,
            VectorShape.forBitSize(DOUBLES.vectorBitSize() / 2));
    /** Float lanes per vector; every float table row is padded to a multiple of it. */
    static final int LANES = SPECIES.length();
    /** The largest accepted amplification Tⱼ/|fⱼ| of a unit's rounding. */
    static final int K = 8;
    private static final float K2 = K * K;
    private static final double U = 0x1p-24;
    /** K' = K(1 + 2⁻¹⁶): the amplification the float test proves. */
    static final double K_PROVEN = K * (1 + 0x1p-16);
    /** Bound on (|t|₁ + 1) while every |c| ≤ 2: 3√2 + 1 = 5.2426…, rounded up. */
    static final double TANH_NORM_BOUND = 5.25;

    private RbmFloatKernels() {
    }

    /** M rounded up to whole float vectors. */
    static int stride(int nHidden) {
        return (nHidden + LANES - 1) / LANES * LANES;
    }

    /** β of the class comment: |estimate − exact|ratio|²| ≤ β·estimate for M hidden units. */
    static double relativeBound(int nHidden) {
        double perFactor = (10.2 * K_PROVEN + 2.1) * U;
        double rho = 1.01 * (nHidden * perFactor + stride(nHidden) * U);
        return 1.05 * rho + 0x1p-28;
    }

    /**
     * Float copies of tanh θ and |tanh θ|₁ + 1 for M units into arrays of {@link #stride} entries whose
     * padding stays (0, 0, 1) from construction.
     */
    static void copyTanh(double[] tanhRe, double[] tanhIm, int nHidden, float[] outRe, float[] outIm,
                         float[] outNorm) {
        int bound = DOUBLES.loopBound(nHidden);
        for (int j = 0; j < bound; j += DOUBLES.length()) {
            // a whole vector of doubles into half a vector of floats: the conversion the scalar loop did not vectorise
            FloatVector re = (FloatVector) DoubleVector.fromArray(DOUBLES, tanhRe, j)
                    .convertShape(VectorOperators.D2F, HALF_FLOATS, 0);
            FloatVector im = (FloatVector) DoubleVector.fromArray(DOUBLES, tanhIm, j)
                    .convertShape(VectorOperators.D2F, HALF_FLOATS, 0);
            re.intoArray(outRe, j);
            im.intoArray(outIm, j);
            re.abs().add(im.abs()).add(1f).intoArray(outNorm, j);
        }
        for (int j = bound; j < nHidden; j++) {
            float re = (float) tanhRe[j];
            float im = (float) tanhIm[j];
            outRe[j] = re;
            outIm[j] = im;
            outNorm[j] = Math.abs(re) + Math.abs(im) + 1f;
        }
    }

    /**
     * Πⱼ |fⱼ|² over the row at {@code base} of {@code tables} with flip sign {@code sign}, or NaN when a
     * unit's amplification exceeds K (or is NaN). Lane l multiplies the units j ≡ l (mod LANES); the lanes
     * are converted to double (exactly) and folded there (a float fold could leave float's range, and one
     * through an array cost half the kernel's time).
     */
    static double modulus2OneFlip(RbmFloatTables tables, int base, float sign, float[] tanhRe, float[] tanhIm,
                                  float[] tanhNorm) {
        float[] coshRe = tables.coshRe;
        float[] coshIm = tables.coshIm;
        float[] sinhRe = tables.sinhRe;
        float[] sinhIm = tables.sinhIm;
        float[] coshNorm = tables.coshNorm;
        float[] sinhNorm = tables.sinhNorm;
        float minusSign = -sign;
        FloatVector k2 = FloatVector.broadcast(SPECIES, K2);
        // a broadcast, not a constant: a loop variable that starts as a constant vector object is boxed by C2
        FloatVector p = FloatVector.broadcast(SPECIES, 1f);
        VectorMask<Float> good = SPECIES.maskAll(true);
        int stride = tables.stride;
        for (int j = 0; j < stride; j += LANES) {
            int k = base + j;
            FloatVector tr = FloatVector.fromArray(SPECIES, tanhRe, j);
            FloatVector ti = FloatVector.fromArray(SPECIES, tanhIm, j);
            FloatVector sr = FloatVector.fromArray(SPECIES, sinhRe, k);
            FloatVector si = FloatVector.fromArray(SPECIES, sinhIm, k);
            FloatVector qr = tr.mul(sr).sub(ti.mul(si));
            FloatVector qi = tr.mul(si).add(ti.mul(sr));
            FloatVector fr = qr.mul(minusSign).add(FloatVector.fromArray(SPECIES, coshRe, k));
            FloatVector fi = qi.mul(minusSign).add(FloatVector.fromArray(SPECIES, coshIm, k));
            FloatVector f2 = fr.mul(fr).add(fi.mul(fi));
            FloatVector terms = FloatVector.fromArray(SPECIES, tanhNorm, j).mul(FloatVector.fromArray(SPECIES, sinhNorm, k))
                    .add(FloatVector.fromArray(SPECIES, coshNorm, k));
            good = good.and(terms.mul(terms).compare(VectorOperators.LE, f2.mul(k2)));
            p = p.mul(f2);
        }
        // a refused unit makes the estimate NaN by a blend, not a branch: a first refusal can come deep into a
        // run, and a branch that C2 had compiled as never taken deoptimised this kernel (RbmVectorKernels.productOneFlipLanes)
        p = p.blend(Float.NaN, good.not());
        DoubleVector low = (DoubleVector) p.convertShape(VectorOperators.F2D, DOUBLES, 0);
        DoubleVector high = (DoubleVector) p.convertShape(VectorOperators.F2D, DOUBLES, 1);
        return low.mul(high).reduceLanes(VectorOperators.MUL);
    }
}
