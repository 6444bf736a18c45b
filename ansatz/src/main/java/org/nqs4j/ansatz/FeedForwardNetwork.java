package org.nqs4j.ansatz;

import java.util.Arrays;
import java.util.Objects;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * A deep feed-forward network of L ≥ 1 fully connected hidden layers:
 * <pre>
 *   z⁰ = σ,   θˡ = bˡ + Wˡ zˡ⁻¹,   zˡ = f(θˡ)   (l = 1 … L − 1),   z^L = log cosh θ^L,
 *   log ψ(σ) = Σᵢ aᵢσᵢ + Σⱼ z^L_j,
 * </pre>
 * with the activation f of the layers before the last a {@link HiddenActivation} (log cosh unless
 * chosen otherwise).
 * One layer is exactly the RBM of Carleo &amp; Troyer (Science 2017) with its hidden units traced
 * out; every further layer feeds on the log cosh of the one before, the deeper generalisation used
 * for NQS (e.g. NetKet's FFNN with log-cosh activations). The log-derivatives follow by
 * back-propagation: with e^L = tanh θ^L and eˡ⁻¹ = f′(θˡ⁻¹) ⊙ (Wˡ)ᵀeˡ,
 * ∂/∂aᵢ = σᵢ, ∂/∂bˡⱼ = eˡⱼ, ∂/∂Wˡⱼₖ = eˡⱼ zˡ⁻¹ₖ.
 *
 * <p>The complex log cosh is the stable one of {@link RbmKernels#logCosh} (NetKet's log_cosh takes
 * the same branch: s z − ln 2 + log(1 + e^{−2sz}), s = sign Re z). Its imaginary part jumps by 2π
 * where Re z changes sign with |Im z| &gt; π/2; a single layer (the RBM) never notices, since only
 * e^{z} enters ψ, but a later layer does, so a deep complex network is continuous in its parameters
 * only while its angles keep |Im θ| &lt; π/2 near Re θ = 0: with log-cosh hidden layers; with
 * {@link HiddenActivation#POLY6}, an entire function, everywhere.
 *
 * <p>Layer widths Mₗ = αₗ·N. Parameter layout: a (N), then for each layer bˡ (Mₗ) and Wˡ
 * (Mₗ × Mₗ₋₁, index j·Mₗ₋₁ + k, M₀ = N): for one layer, the RBM's (a, b, W). A move updates θ¹
 * as a look-up table in O(M₁·flips) but recomputes log cosh θ¹ and every later layer,
 * O(M₁ + Σ_{l≥2} Mₗ Mₗ₋₁) per ratio: depth costs what the RBM's ratio tables save.
 * {@link #real} and {@link #complex} run one complex code path; the real variant keeps the
 * imaginary parts at zero. New instances have all parameters zero.
 */
public final class FeedForwardNetwork implements WaveFunction {
    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    private static final double LN2 = Math.log(2);
    final int nSites;
    final boolean complex;
    /** Mₗ for l = 0 … L, M₀ = N. */
    final int[] widths;
    private final int[] alphas;
    private final HiddenActivation hidden;
    private final int nParameters;
    final double[] aRe;
    final double[] aIm;
    /** bˡ at index l − 1. */
    final double[][] bRe;
    final double[][] bIm;
    /**
     * Wˡ at index l − 1, stored by input (k·Mₗ + j): a flip adds one contiguous column to θ¹
     * ({@link RbmKernels#flipTheta}), and θˡ = bˡ + Σₖ zˡ⁻¹ₖ Wˡ₍·ₖ₎ is a sum of contiguous columns,
     * SIMD along the units with no lane reductions.
     */
    final double[][] wRe;
    final double[][] wIm;

    private FeedForwardNetwork(int nSites, boolean complex, HiddenActivation hidden, int[] alphas) {
        if (nSites < 1) {
            throw new IllegalArgumentException("number of sites N = " + nSites + "; need N >= 1");
        }
        if (alphas.length == 0) {
            throw new IllegalArgumentException("a feed-forward network needs at least one hidden layer");
        }
        this.nSites = nSites;
        this.complex = complex;
        this.hidden = Objects.requireNonNull(hidden, "hidden activation");
        this.alphas = alphas.clone();
        widths = new int[alphas.length + 1];
        widths[0] = nSites;
        long count = nSites;
        for (int l = 1; l <= alphas.length; l++) {
            if (alphas[l - 1] < 1) {
                throw new IllegalArgumentException("hidden-unit density of layer " + l + " = " + alphas[l - 1]
                        + "; each layer needs alpha >= 1");
            }
            long width = (long) alphas[l - 1] * nSites;
            if (width * widths[l - 1] > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("layer " + l + " (" + width + " x " + widths[l - 1]
                        + " weights) is too large");
            }
            widths[l] = (int) width;
            count += width + width * widths[l - 1];
        }
        nParameters = ParameterPacking.checkedParameterCount(count, complex,
                "a feed-forward network with N = " + nSites + " and layers " + Arrays.toString(alphas));
        aRe = new double[nSites];
        aIm = new double[nSites];
        int layers = alphas.length;
        bRe = new double[layers][];
        bIm = new double[layers][];
        wRe = new double[layers][];
        wIm = new double[layers][];
        for (int l = 1; l <= layers; l++) {
            bRe[l - 1] = new double[widths[l]];
            bIm[l - 1] = new double[widths[l]];
            wRe[l - 1] = new double[widths[l] * widths[l - 1]];
            wIm[l - 1] = new double[widths[l] * widths[l - 1]];
        }
    }

    /** Real network (ψ &gt; 0) with hidden layers of αₗ·N units, all log cosh. */
    public static FeedForwardNetwork real(int nSites, int... alphas) {
        return real(nSites, HiddenActivation.LOG_COSH, alphas);
    }

    /** Real network with hidden layers of αₗ·N units, those before the last with activation {@code hidden}. */
    public static FeedForwardNetwork real(int nSites, HiddenActivation hidden, int... alphas) {
        return new FeedForwardNetwork(nSites, false, hidden, alphas);
    }

    /** Complex (holomorphic) network with hidden layers of αₗ·N units, all log cosh. */
    public static FeedForwardNetwork complex(int nSites, int... alphas) {
        return complex(nSites, HiddenActivation.LOG_COSH, alphas);
    }

    /** Complex network with hidden layers of αₗ·N units, those before the last with activation {@code hidden}. */
    public static FeedForwardNetwork complex(int nSites, HiddenActivation hidden, int... alphas) {
        return new FeedForwardNetwork(nSites, true, hidden, alphas);
    }

    @Override
    public int nSites() {
        return nSites;
    }

    @Override
    public int nParameters() {
        return nParameters;
    }

    @Override
    public boolean isComplex() {
        return complex;
    }

    /** Number of hidden layers L. */
    public int depth() {
        return alphas.length;
    }

    @Override
    public void getParameters(double[] dst) {
        ParameterPacking.requireLength(dst, parameterArrayLength());
        copyParameters(dst, true);
    }

    @Override
    public void setParameters(double[] src) {
        ParameterPacking.requireValidParameters(src, parameterArrayLength());
        copyParameters(src, false);
    }

    /** Walks the parameter layout once: into {@code packed} (out) or from it. */
    private void copyParameters(double[] packed, boolean out) {
        int k = 0;
        for (int i = 0; i < nSites; i++, k++) {
            move(packed, k, aRe, aIm, i, out);
        }
        for (int l = 1; l <= depth(); l++) {
            int in = widths[l - 1];
            for (int j = 0; j < widths[l]; j++, k++) {
                move(packed, k, bRe[l - 1], bIm[l - 1], j, out);
            }
            for (int j = 0; j < widths[l]; j++) {
                for (int m = 0; m < in; m++, k++) {
                    move(packed, k, wRe[l - 1], wIm[l - 1], weightIndex(l, j, m), out);
                }
            }
        }
    }

    /** Copies parameter k of the layout to or from entry {@code index} of (re, im). */
    private void move(double[] packed, int k, double[] re, double[] im, int index, boolean out) {
        if (out) {
            ParameterPacking.put(packed, 0, k, re[index], im[index], complex);
        } else {
            re[index] = ParameterPacking.re(packed, 0, k, complex);
            im[index] = ParameterPacking.im(packed, 0, k, complex);
        }
    }

    /** Storage index of Wˡⱼₖ (unit j of layer l, input k). */
    int weightIndex(int l, int j, int k) {
        return k * widths[l] + j;
    }

    @Override
    public void logPsi(int[] sigma, double[] out) {
        SpinConfiguration.requireValid(sigma, nSites);
        FeedForwardCache cache = newCache();
        cache.reset(sigma);
        cache.logPsi(out);
    }

    @Override
    public FeedForwardCache newCache() {
        return new FeedForwardCache(this);
    }

    /**
     * Given θ¹ in {@code thetaRe[0]}, {@code thetaIm[0]}: zˡ = log cosh θˡ and θˡ⁺¹ = bˡ⁺¹ + Wˡ⁺¹zˡ
     * for every layer, and Σⱼ z^L_j into {@code sum}. Each θˡⱼ accumulates its inputs k in order
     * with fused multiply-adds, in a SIMD lane or in the scalar tail alike, so equal θ¹ give equal
     * bits for any vector width.
     */
    void forward(double[][] thetaRe, double[][] thetaIm, double[][] zRe, double[][] zIm, double[] sum) {
        int layers = depth();
        activate(thetaRe[0], thetaIm[0], widths[1], zRe[0], zIm[0], layers == 1);
        for (int l = 2; l <= layers; l++) {
            affine(bRe[l - 1], bIm[l - 1], wRe[l - 1], wIm[l - 1], zRe[l - 2], zIm[l - 2], widths[l - 1], widths[l],
                    thetaRe[l - 1], thetaIm[l - 1]);
            activate(thetaRe[l - 1], thetaIm[l - 1], widths[l], zRe[l - 1], zIm[l - 1], l == layers);
        }
        RbmKernels.sum(zRe[layers - 1], zIm[layers - 1], widths[layers], sum);
    }

    /**
     * z = f(θ) of a layer before the last, else z = log cosh θ: the complex kernel, or for a real network
     * (Im θ ≡ 0) the real log cosh x = |x| − ln 2 + log1p(e^{−2|x|}), two transcendentals instead of five.
     */
    private void activate(double[] re, double[] im, int n, double[] outRe, double[] outIm, boolean last) {
        if (!last && hidden == HiddenActivation.POLY6) {
            HiddenActivation.poly6(re, im, n, outRe, outIm);
            return;
        }
        if (complex) {
            RbmKernels.logCosh(re, im, n, outRe, outIm);
            return;
        }
        for (int k = 0; k < n; k++) {
            double ax = Math.abs(re[k]);
            outRe[k] = ax - LN2 + Math.log1p(Math.exp(-2 * ax));
            outIm[k] = 0;
        }
    }

    /** f′(θ) of a layer before the last (tanh θ for log cosh). */
    void hiddenDerivative(double[] re, double[] im, int n, double[] outRe, double[] outIm) {
        if (hidden == HiddenActivation.POLY6) {
            HiddenActivation.poly6Derivative(re, im, n, outRe, outIm);
        } else {
            RbmKernels.tanh(re, im, n, outRe, outIm);
        }
    }

    /**
     * θ = b + W x for complex W (k·m + j), x, b: column k adds x_k W₍·ₖ₎ to every unit,
     * Re θ += Re W Re x_k − Im W Im x_k, Im θ += Re W Im x_k + Im W Re x_k (four FMAs per lane).
     */
    static void affine(double[] bRe, double[] bIm, double[] wRe, double[] wIm, double[] xRe, double[] xIm, int in,
                       int m, double[] outRe, double[] outIm) {
        System.arraycopy(bRe, 0, outRe, 0, m);
        System.arraycopy(bIm, 0, outIm, 0, m);
        int bound = SPECIES.loopBound(m);
        for (int k = 0; k < in; k++) {
            double xr = xRe[k];
            double xi = xIm[k];
            DoubleVector vr = DoubleVector.broadcast(SPECIES, xr);
            DoubleVector vi = DoubleVector.broadcast(SPECIES, xi);
            DoubleVector mvi = DoubleVector.broadcast(SPECIES, -xi);
            int col = k * m;
            for (int j = 0; j < bound; j += SPECIES.length()) {
                DoubleVector wr = DoubleVector.fromArray(SPECIES, wRe, col + j);
                DoubleVector wi = DoubleVector.fromArray(SPECIES, wIm, col + j);
                wi.fma(mvi, wr.fma(vr, DoubleVector.fromArray(SPECIES, outRe, j))).intoArray(outRe, j);
                wi.fma(vr, wr.fma(vi, DoubleVector.fromArray(SPECIES, outIm, j))).intoArray(outIm, j);
            }
            for (int j = bound; j < m; j++) {
                outRe[j] = Math.fma(wIm[col + j], -xi, Math.fma(wRe[col + j], xr, outRe[j]));
                outIm[j] = Math.fma(wIm[col + j], xr, Math.fma(wRe[col + j], xi, outIm[j]));
            }
        }
    }

    @Override
    public String description() {
        return "FeedForward(" + (complex ? "complex" : "real") + ", N=" + nSites + ", layers alpha="
                + Arrays.toString(alphas) + (alphas.length > 1 ? ", hidden " + hidden.key() : "")
                + ", M=" + Arrays.toString(Arrays.copyOfRange(widths, 1, widths.length))
                + ", P=" + nParameters + ")";
    }
}
