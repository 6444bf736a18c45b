package org.nqs4j.ansatz;

import java.util.Arrays;
import java.util.Objects;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * A group-convolutional neural network (G-CNN; Roth &amp; MacDonald, arXiv:2104.05085 (2021); Roth,
 * Szabo &amp; MacDonald, PRB 108, 054410 (2023)) over a finite group G of site permutations, with
 * complex (holomorphic) parameters and an output projected onto a one-dimensional irrep of G
 * (characters χ) and, optionally, a spin-flip parity p:
 * <pre>
 *   θ¹_{c,g}(σ) = b¹_c + Σᵢ w_c(i) σ_{g(i)},                                   (embedding)
 *   θˡ_{c,g}    = bˡ_c + Σ_{c'} Σ_{k∈S} Kˡ_{c,c'}(k) zˡ⁻¹_{c',g∘k},   zˡ = f(θˡ),   (group convolution, l ≥ 2)
 *   log ψ(σ)    = log Σ_{s=±1} Σ_{g∈G} χ(g)* p^{[s=−1]} exp(Σ_c z^L_{c,g}(sσ)).
 * </pre>
 * Each layer is equivariant: θˡ_{c,g}(hσ) = θˡ_{c,h∘g}(σ) (feature maps are functions on G moved by
 * left multiplication), because θ¹ is and the kernel depends on g⁻¹u only (u = g∘k). Hence
 * ψ(hσ) = χ(h) ψ(σ), the same sector as {@link ProjectedWaveFunction} with these characters. The
 * kernel support S ⊂ G may be all of G (the G-CNN of Roth &amp; MacDonald) or a subset (e.g. the
 * point group): any kernel keeps equivariance, and θ¹ already sees every site. The sum over G is a
 * log-sum-exp relative to its largest term ({@link LogCoshVectorKernels#logSumExp}), so nothing
 * overflows; exp(log cosh) = cosh, so the branch of Im log cosh does not matter in the last layer.
 * The hidden layers' activation f is a {@link HiddenActivation}: log cosh, whose branch jumps make the
 * network discontinuous in its parameters, or the entire but fast-growing {@link HiddenActivation#POLY6}
 * (measurements of both there).
 *
 * <p>Log-derivatives by back-propagation: with shares w_{s,g} = ∂ log ψ/∂(Σ_c z^L_{c,g}),
 * δ^L = w ⊙ tanh θ^L, δˡ⁻¹_{c',u} = f′(θˡ⁻¹_{c',u}) Σ_{c} Σ_{(g,k): g∘k=u} δˡ_{c,g} Kˡ_{c,c'}(k);
 * ∂/∂bˡ_c = Σ_g δˡ_{c,g}, ∂/∂Kˡ_{c,c'}(k) = Σ_g δˡ_{c,g} zˡ⁻¹_{c',g∘k}, ∂/∂w_c(i) = Σ_g δ¹_{c,g} sσ_{g(i)}.
 *
 * <p>Cost (F_l features, |G| elements, |S| kernel elements, n_s = 2 with the spin flip else 1): the
 * cache keeps θ¹, so a move of k sites adds k contiguous rows of the embedding table (w_c(g⁻¹(j)) by
 * site j, rebuilt with the parameters) in O(n_s F₁|G| k); every later layer is recomputed,
 * O(n_s |G| |S| Σ_{l≥2} F_l F_{l−1}) multiply-adds (inputs permuted into rows z_{c',g∘k} a chunk of
 * kernel elements at a time, then contiguous FMAs over g) and n_s |G| F_L complex exponentials per
 * ratio (n_s |G| Σ_l F_l with log-cosh hidden layers, which add log and atan; {@link HiddenActivation#POLY6}
 * is five complex multiply-adds): the last layer enters log ψ through
 * Π_c cosh θ = e^{Σ(sθ − ln 2)} Π_c (1 + e^{−2sθ}) ({@link LogCoshVectorKernels#coshProduct}). The
 * transcendentals are the deterministic vector kernels of {@link LogCoshVectorKernels}. The
 * log-derivatives cost the same again (back-propagation, scalar except tanh); a reset costs
 * O(n_s F₁ |G| N) more. An accepted move reuses the forward pass of its ratio.
 *
 * <p>Parameter layout (complex, interleaved): for layer 1 b¹ (F₁) then w (F₁ × N, index c·N + i);
 * for each layer l ≥ 2 bˡ (F_l) then Kˡ (F_l × F_{l−1} × |S|, index (c·F_{l−1} + c')·|S| + k).
 */
public final class Gcnn implements WaveFunction {
    private final GroupTable group;
    private final int nSites;
    private final int order;
    private final int[] features;
    private final HiddenActivation hidden;
    private final int support;
    /** neighbour[g·|S| + k] = index of g∘S_k (back-propagation). */
    private final int[] neighbour;
    /** rightProduct[k·|G| + g] = index of g∘S_k (forward pass: a row of g's per kernel element). */
    private final int[] rightProduct;
    /** Kernel elements whose permuted inputs the forward pass holds at once (rows of its buffer ≤ {@value #BUFFER_ROWS}). */
    private final int[] chunk;
    /** 1, or 2 with the spin flip (image sign s = +1, then −1). */
    private final int signs;
    /** log c_{s,g} at 2(s·|G| + g): (log|χ(g)|, arg χ(g)* + arg p^{[s=−1]}). */
    private final double[] logCoefficient;
    private final String label;
    private final int nParameters;
    /** Start of layer l's biases and weights in the parameter layout (complex entries). */
    private final int[] biasAt;
    private final int[] weightAt;
    private final double[][] bRe;
    private final double[][] bIm;
    /** Layer 0: w (F₁ × N); layer l ≥ 1: K (F_{l+1} × F_l × |S|). */
    private final double[][] wRe;
    private final double[][] wIm;
    private final double[] parameters;
    /**
     * The embedding by site: embedRe[(j·F₁ + c)·|G| + g] = Re w_c(g⁻¹(j)), the weight that σ_j meets in
     * θ¹_{c,g} (σ_{g(i)} = σ_j for i = g⁻¹(j)), so that a flip of σ_j moves θ¹ by one contiguous row.
     */
    private final double[] embedRe;
    private final double[] embedIm;
    /** Kernels by row of the forward buffer: kernelRe[l][c·|S|F_{l−1} + k·F_{l−1} + c'] = Re Kˡ_{c,c'}(S_k). */
    private final double[][] kernelRe;
    private final double[][] kernelIm;

    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    /** Rows (|G| numbers each) of permuted inputs the forward pass holds at once. */
    private static final int BUFFER_ROWS = 32;

    private Gcnn(int[][] elements, double[] characterRe, double[] characterIm, int spinParity, int[] features,
                 int[] kernelSupport, HiddenActivation hidden, String label) {
        this.group = new GroupTable(elements);
        this.nSites = group.nSites();
        this.order = group.order();
        if (characterRe.length != order || characterIm.length != order) {
            throw new IllegalArgumentException("a G-CNN needs one character per group element");
        }
        if (spinParity < -1 || spinParity > 1) {
            throw new IllegalArgumentException("the spin-flip parity is +1, -1 or 0 (no spin flip), got " + spinParity);
        }
        if (features.length == 0) {
            throw new IllegalArgumentException("a G-CNN needs at least one layer of features");
        }
        for (int l = 0; l < features.length; l++) {
            if (features[l] < 1) {
                throw new IllegalArgumentException("layer " + (l + 1) + " has " + features[l] + " features; each needs >= 1");
            }
        }
        if (kernelSupport.length == 0 || Arrays.stream(kernelSupport).distinct().count() != kernelSupport.length
                || Arrays.stream(kernelSupport).anyMatch(k -> k < 0 || k >= order)) {
            throw new IllegalArgumentException("the kernel support must be distinct indices of group elements in [0, "
                    + order + "), got " + Arrays.toString(kernelSupport));
        }
        this.features = features.clone();
        this.hidden = Objects.requireNonNull(hidden, "hidden activation");
        this.support = kernelSupport.length;
        this.neighbour = new int[order * support];
        for (int g = 0; g < order; g++) {
            for (int k = 0; k < support; k++) {
                neighbour[g * support + k] = group.product(g, kernelSupport[k]);
            }
        }
        this.rightProduct = new int[support * order];
        for (int k = 0; k < support; k++) {
            for (int g = 0; g < order; g++) {
                rightProduct[k * order + g] = group.product(g, kernelSupport[k]);
            }
        }
        this.chunk = new int[features.length];
        for (int l = 1; l < features.length; l++) {
            chunk[l] = Math.max(1, Math.min(support, BUFFER_ROWS / features[l - 1]));
        }
        this.signs = spinParity == 0 ? 1 : 2;
        this.logCoefficient = new double[2 * signs * order];
        for (int s = 0; s < signs; s++) {
            for (int g = 0; g < order; g++) {
                double re = characterRe[g] * (s == 1 ? spinParity : 1);
                double im = -characterIm[g] * (s == 1 ? spinParity : 1); // χ*
                logCoefficient[2 * (s * order + g)] = Math.log(Math.hypot(re, im)); // −∞ for χ = 0: a term that drops
                logCoefficient[2 * (s * order + g) + 1] = Math.atan2(im, re);
            }
        }
        this.label = label;
        int layers = features.length;
        this.biasAt = new int[layers];
        this.weightAt = new int[layers];
        this.bRe = new double[layers][];
        this.bIm = new double[layers][];
        this.wRe = new double[layers][];
        this.wIm = new double[layers][];
        long count = 0;
        for (int l = 0; l < layers; l++) {
            long weights = (long) features[l] * (l == 0 ? nSites : (long) features[l - 1] * support);
            if (count + features[l] + weights > Integer.MAX_VALUE / 2) {
                throw new IllegalArgumentException("the G-CNN has too many parameters (layer " + (l + 1) + ")");
            }
            biasAt[l] = (int) count;
            weightAt[l] = (int) (count + features[l]);
            count += features[l] + weights;
            bRe[l] = new double[features[l]];
            bIm[l] = new double[features[l]];
            wRe[l] = new double[(int) weights];
            wIm[l] = new double[(int) weights];
        }
        this.nParameters = (int) count;
        this.parameters = new double[2 * nParameters];
        this.embedRe = new double[nSites * features[0] * order];
        this.embedIm = new double[nSites * features[0] * order];
        this.kernelRe = new double[layers][];
        this.kernelIm = new double[layers][];
        for (int l = 1; l < layers; l++) {
            kernelRe[l] = new double[wRe[l].length];
            kernelIm[l] = new double[wIm[l].length];
        }
    }

    /**
     * A G-CNN over the permutations {@code group} (the identity among them; {@code group[g][i] = g(i)}),
     * its output projected onto the characters χ(g) = {@code characterRe[g]} + i {@code characterIm[g]}
     * (those of a one-dimensional irrep, or of a multi-dimensional one as a character projector) and
     * the spin-flip parity {@code spinParity} (±1, or 0 for none); {@code features} F₁ … F_L per layer,
     * {@code kernelSupport} the indices k of the group elements the convolution kernels live on,
     * {@code hidden} the activation of the layers before the last. All parameters start at zero.
     */
    public static Gcnn onSector(int[][] group, double[] characterRe, double[] characterIm, int spinParity,
                                int[] features, int[] kernelSupport, HiddenActivation hidden, String label) {
        return new Gcnn(group, characterRe, characterIm, spinParity, features, kernelSupport, hidden, label);
    }

    /** All elements 0 … order − 1: the full group convolution. */
    public static int[] fullKernel(int order) {
        return java.util.stream.IntStream.range(0, order).toArray();
    }

    /** |G|. */
    public int order() {
        return order;
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
        return true;
    }

    @Override
    public void getParameters(double[] dst) {
        ParameterPacking.requireLength(dst, parameters.length);
        System.arraycopy(parameters, 0, dst, 0, parameters.length);
    }

    @Override
    public void setParameters(double[] src) {
        ParameterPacking.requireValidParameters(src, parameters.length);
        System.arraycopy(src, 0, parameters, 0, parameters.length);
        for (int l = 0; l < features.length; l++) {
            for (int c = 0; c < features[l]; c++) {
                bRe[l][c] = src[2 * (biasAt[l] + c)];
                bIm[l][c] = src[2 * (biasAt[l] + c) + 1];
            }
            for (int k = 0; k < wRe[l].length; k++) {
                wRe[l][k] = src[2 * (weightAt[l] + k)];
                wIm[l][k] = src[2 * (weightAt[l] + k) + 1];
            }
        }
        int f1 = features[0];
        for (int j = 0; j < nSites; j++) {
            for (int c = 0; c < f1; c++) {
                for (int g = 0; g < order; g++) {
                    int i = group.preimage(g, j);
                    embedRe[(j * f1 + c) * order + g] = wRe[0][c * nSites + i];
                    embedIm[(j * f1 + c) * order + g] = wIm[0][c * nSites + i];
                }
            }
        }
        for (int l = 1; l < features.length; l++) {
            int fIn = features[l - 1];
            for (int c = 0; c < features[l]; c++) {
                for (int cIn = 0; cIn < fIn; cIn++) {
                    for (int k = 0; k < support; k++) {
                        int row = c * support * fIn + k * fIn + cIn;
                        kernelRe[l][row] = wRe[l][(c * fIn + cIn) * support + k];
                        kernelIm[l][row] = wIm[l][(c * fIn + cIn) * support + k];
                    }
                }
            }
        }
    }

    @Override
    public WalkerCache newCache() {
        return new Cache();
    }

    @Override
    public String description() {
        return "G-CNN(complex, N=" + nSites + ", |G|=" + order + ", features=" + Arrays.toString(features)
                + (features.length > 1 ? ", hidden " + hidden.key() : "") + ", kernel |S|=" + support + ", " + label
                + (signs == 2 ? " x spin flip" : "") + ", P=" + nParameters + ")";
    }

    /**
     * The activations of one configuration: θˡ per image sign, zˡ = f(θˡ) for the hidden
     * layers, and the terms of the sum over (s, g).
     */
    private final class Activations {
        /** [s][l][c·|G| + g]; z of the hidden layers only (the last enters through cosh, {@link LogCoshVectorKernels#coshProduct}). */
        final double[][][] thetaRe = new double[signs][features.length][];
        final double[][][] thetaIm = new double[signs][features.length][];
        final double[][][] zRe = new double[signs][features.length][];
        final double[][][] zIm = new double[signs][features.length][];
        /**
         * At s·|G| + g: A_{s,g} = log c_{s,g} + Σ_c (s_c θ^L_{c,g} − ln 2) + e ln 2 and P_{s,g} = 2^{−e} Π_c (1 + w_{c,g}),
         * so that exp Σ_c z^L_{c,g} c_{s,g} = e^A P; then (after {@link #forward}) the terms e^{A − max} P.
         */
        final double[] termRe = new double[signs * order];
        final double[] termIm = new double[signs * order];
        final double[] productRe = new double[signs * order];
        final double[] productIm = new double[signs * order];
        /** The last layer's decays e^{−2sθ} (scratch of {@link LogCoshVectorKernels#coshProduct}). */
        final double[] decayRe = new double[features[features.length - 1] * order];
        final double[] decayIm = new double[features[features.length - 1] * order];
        /** Σ of the terms (ψ = e^{max} sum) and log ψ. */
        final double[] sum = new double[2];
        final double[] logPsi = new double[2];

        Activations() {
            for (int s = 0; s < signs; s++) {
                for (int l = 0; l < features.length; l++) {
                    int size = features[l] * order;
                    thetaRe[s][l] = new double[size];
                    thetaIm[s][l] = new double[size];
                    zRe[s][l] = l < features.length - 1 ? new double[size] : null;
                    zIm[s][l] = l < features.length - 1 ? new double[size] : null;
                }
            }
        }

        /** θ¹ of σ from scratch: θ¹_{c,g} = b_c + s Σ_j σ_j w_c(g⁻¹(j)), one embedding row per site. */
        void embed(int[] sigma) {
            int f1 = features[0];
            int size = f1 * order;
            double[] re = thetaRe[0][0];
            double[] im = thetaIm[0][0];
            Arrays.fill(re, 0, size, 0.0);
            Arrays.fill(im, 0, size, 0.0);
            for (int j = 0; j < nSites; j++) {
                addRow(sigma[j], j, re, im);
            }
            for (int s = signs - 1; s >= 0; s--) {
                double sign = s == 0 ? 1.0 : -1.0;
                for (int c = 0; c < f1; c++) {
                    for (int g = 0; g < order; g++) {
                        int at = c * order + g;
                        thetaRe[s][0][at] = bRe[0][c] + sign * re[at];
                        thetaIm[s][0][at] = bIm[0][c] + sign * im[at];
                    }
                }
            }
        }

        /** θ¹ of {@code from} with sites flipped (σ_j → −σ_j moves θ¹ by −2sσ_j times row j). */
        void embedMove(Activations from, int[] sigma, int[] sites, int offset, int count) {
            int size = features[0] * order;
            for (int s = 0; s < signs; s++) {
                System.arraycopy(from.thetaRe[s][0], 0, thetaRe[s][0], 0, size);
                System.arraycopy(from.thetaIm[s][0], 0, thetaIm[s][0], 0, size);
                for (int m = 0; m < count; m++) {
                    int j = sites[offset + m];
                    addRow(-2.0 * (s == 0 ? 1 : -1) * sigma[j], j, thetaRe[s][0], thetaIm[s][0]);
                }
            }
        }

        /** θ += step × embedding row of site j (contiguous: the loop vectorises). */
        private void addRow(double step, int j, double[] re, double[] im) {
            int size = features[0] * order;
            int row = j * size;
            for (int at = 0; at < size; at++) {
                re[at] += step * embedRe[row + at];
                im[at] += step * embedIm[row + at];
            }
        }

        /** Every layer after the embedding, and log ψ with the terms of its sum. */
        void forward(double[] bufferRe, double[] bufferIm) {
            int last = features.length - 1;
            for (int s = 0; s < signs; s++) {
                for (int l = 0; l < last; l++) {
                    activate(thetaRe[s][l], thetaIm[s][l], features[l] * order, zRe[s][l], zIm[s][l]);
                    convolve(l + 1, zRe[s][l], zIm[s][l], thetaRe[s][l + 1], thetaIm[s][l + 1], bufferRe, bufferIm);
                }
                for (int g = 0; g < order; g++) {
                    termRe[s * order + g] = logCoefficient[2 * (s * order + g)];
                    termIm[s * order + g] = logCoefficient[2 * (s * order + g) + 1];
                }
                LogCoshVectorKernels.coshProduct(thetaRe[s][last], thetaIm[s][last], features[last], order, termRe,
                        termIm, productRe, productIm, s * order, decayRe, decayIm);
            }
            LogCoshVectorKernels.logSumExp(termRe, termIm, productRe, productIm, signs * order, sum, logPsi);
        }

        boolean vanishing() {
            return !(logPsi[0] > Double.NEGATIVE_INFINITY);
        }
    }

    /** z = f(θ) of a hidden layer. */
    private void activate(double[] re, double[] im, int n, double[] outRe, double[] outIm) {
        if (hidden == HiddenActivation.POLY6) {
            HiddenActivation.poly6(re, im, n, outRe, outIm);
        } else {
            LogCoshVectorKernels.logCosh(re, im, n, outRe, outIm);
        }
    }

    /** f′(θ) of a hidden layer. */
    private void activationDerivative(double[] re, double[] im, int n, double[] outRe, double[] outIm) {
        if (hidden == HiddenActivation.POLY6) {
            HiddenActivation.poly6Derivative(re, im, n, outRe, outIm);
        } else {
            LogCoshVectorKernels.tanh(re, im, n, outRe, outIm);
        }
    }

    /**
     * θˡ_{c,g} = bˡ_c + Σ_{c'} Σ_k Kˡ_{c,c'}(k) z_{c',g∘k} (layer index l ≥ 1, 0-based), a chunk of
     * kernel elements at a time: their inputs permuted into rows Z_{(k,c'),g} = z_{c',g∘k} of the
     * buffer, then θ_c += Σ_rows K_c(row) Z_row, contiguous in g.
     */
    private void convolve(int l, double[] zRe, double[] zIm, double[] outRe, double[] outIm, double[] bufferRe,
                          double[] bufferIm) {
        int fIn = features[l - 1];
        int fOut = features[l];
        for (int c = 0; c < fOut; c++) {
            Arrays.fill(outRe, c * order, (c + 1) * order, bRe[l][c]);
            Arrays.fill(outIm, c * order, (c + 1) * order, bIm[l][c]);
        }
        int gatherBound = SPECIES.loopBound(order);
        for (int k0 = 0; k0 < support; k0 += chunk[l]) {
            int k1 = Math.min(support, k0 + chunk[l]);
            int rows = (k1 - k0) * fIn;
            for (int k = k0; k < k1; k++) {
                for (int cIn = 0; cIn < fIn; cIn++) {
                    int row = ((k - k0) * fIn + cIn) * order;
                    int input = cIn * order;
                    int map = k * order;
                    int g = 0;
                    for (; g < gatherBound; g += SPECIES.length()) { // a gather load per vector of g's
                        DoubleVector.fromArray(SPECIES, zRe, input, rightProduct, map + g).intoArray(bufferRe, row + g);
                        DoubleVector.fromArray(SPECIES, zIm, input, rightProduct, map + g).intoArray(bufferIm, row + g);
                    }
                    for (; g < order; g++) {
                        int u = input + rightProduct[map + g];
                        bufferRe[row + g] = zRe[u];
                        bufferIm[row + g] = zIm[u];
                    }
                }
            }
            int stride = support * fIn;
            int c = 0;
            for (; c + 3 < fOut; c += 4) {
                accumulateRowsFour(kernelRe[l], kernelIm[l], c * stride + k0 * fIn, stride, rows,
                        bufferRe, bufferIm, order, outRe, outIm, c * order);
            }
            for (; c < fOut; c++) {
                accumulateRows(kernelRe[l], kernelIm[l], c * stride + k0 * fIn, rows,
                        bufferRe, bufferIm, order, outRe, outIm, c * order);
            }
        }
    }

    /**
     * out_{at+g} += Σ_{r &lt; rows} K(r) Z_{r,g} for g &lt; order (complex; K(r) at {@code kernelAt} + r,
     * Z_{r,g} at r·order + g), in the same FMA order in the vector loop and the scalar tail.
     */
    private static void accumulateRows(double[] kRe, double[] kIm, int kernelAt, int rows, double[] zRe, double[] zIm,
                                       int order, double[] outRe, double[] outIm, int at) {
        int bound = SPECIES.loopBound(order);
        for (int g = 0; g < bound; g += SPECIES.length()) {
            DoubleVector re = DoubleVector.fromArray(SPECIES, outRe, at + g);
            DoubleVector im = DoubleVector.fromArray(SPECIES, outIm, at + g);
            for (int r = 0; r < rows; r++) {
                DoubleVector a = DoubleVector.broadcast(SPECIES, kRe[kernelAt + r]);
                DoubleVector b = DoubleVector.broadcast(SPECIES, kIm[kernelAt + r]);
                DoubleVector zr = DoubleVector.fromArray(SPECIES, zRe, r * order + g);
                DoubleVector zi = DoubleVector.fromArray(SPECIES, zIm, r * order + g);
                re = zr.fma(a, re);
                re = zi.fma(b.neg(), re);
                im = zi.fma(a, im);
                im = zr.fma(b, im);
            }
            re.intoArray(outRe, at + g);
            im.intoArray(outIm, at + g);
        }
        accumulateTail(kRe, kIm, kernelAt, rows, zRe, zIm, order, outRe, outIm, at, bound);
    }

    /**
     * {@link #accumulateRows} for four output channels at once (channel j: kernel at {@code kernelAt}
     * + j·{@code stride}, output at {@code at} + j·order), each entry by the same FMAs in the same
     * order, so the result is bit for bit that of four calls. One channel alone is bound by the FMA
     * latency (two dependent FMAs per row on each of its two accumulators); four give eight
     * independent chains, and each row of Z is loaded once for all four.
     */
    private static void accumulateRowsFour(double[] kRe, double[] kIm, int kernelAt, int stride, int rows,
                                           double[] zRe, double[] zIm, int order, double[] outRe, double[] outIm,
                                           int at) {
        int bound = SPECIES.loopBound(order);
        int k1 = kernelAt + stride;
        int k2 = k1 + stride;
        int k3 = k2 + stride;
        for (int g = 0; g < bound; g += SPECIES.length()) {
            DoubleVector re0 = DoubleVector.fromArray(SPECIES, outRe, at + g);
            DoubleVector im0 = DoubleVector.fromArray(SPECIES, outIm, at + g);
            DoubleVector re1 = DoubleVector.fromArray(SPECIES, outRe, at + order + g);
            DoubleVector im1 = DoubleVector.fromArray(SPECIES, outIm, at + order + g);
            DoubleVector re2 = DoubleVector.fromArray(SPECIES, outRe, at + 2 * order + g);
            DoubleVector im2 = DoubleVector.fromArray(SPECIES, outIm, at + 2 * order + g);
            DoubleVector re3 = DoubleVector.fromArray(SPECIES, outRe, at + 3 * order + g);
            DoubleVector im3 = DoubleVector.fromArray(SPECIES, outIm, at + 3 * order + g);
            for (int r = 0; r < rows; r++) {
                DoubleVector zr = DoubleVector.fromArray(SPECIES, zRe, r * order + g);
                DoubleVector zi = DoubleVector.fromArray(SPECIES, zIm, r * order + g);
                DoubleVector a = DoubleVector.broadcast(SPECIES, kRe[kernelAt + r]);
                DoubleVector b = DoubleVector.broadcast(SPECIES, kIm[kernelAt + r]);
                re0 = zi.fma(b.neg(), zr.fma(a, re0));
                im0 = zr.fma(b, zi.fma(a, im0));
                a = DoubleVector.broadcast(SPECIES, kRe[k1 + r]);
                b = DoubleVector.broadcast(SPECIES, kIm[k1 + r]);
                re1 = zi.fma(b.neg(), zr.fma(a, re1));
                im1 = zr.fma(b, zi.fma(a, im1));
                a = DoubleVector.broadcast(SPECIES, kRe[k2 + r]);
                b = DoubleVector.broadcast(SPECIES, kIm[k2 + r]);
                re2 = zi.fma(b.neg(), zr.fma(a, re2));
                im2 = zr.fma(b, zi.fma(a, im2));
                a = DoubleVector.broadcast(SPECIES, kRe[k3 + r]);
                b = DoubleVector.broadcast(SPECIES, kIm[k3 + r]);
                re3 = zi.fma(b.neg(), zr.fma(a, re3));
                im3 = zr.fma(b, zi.fma(a, im3));
            }
            // written inline: a vector passed to a helper that C2 does not inline is boxed
            re0.intoArray(outRe, at + g);
            im0.intoArray(outIm, at + g);
            re1.intoArray(outRe, at + order + g);
            im1.intoArray(outIm, at + order + g);
            re2.intoArray(outRe, at + 2 * order + g);
            im2.intoArray(outIm, at + 2 * order + g);
            re3.intoArray(outRe, at + 3 * order + g);
            im3.intoArray(outIm, at + 3 * order + g);
        }
        for (int j = 0; j < 4; j++) {
            accumulateTail(kRe, kIm, kernelAt + j * stride, rows, zRe, zIm, order, outRe, outIm, at + j * order, bound);
        }
    }

    /** The entries from ≤ g &lt; order of {@link #accumulateRows}, one at a time (the vector loop's FMA order). */
    private static void accumulateTail(double[] kRe, double[] kIm, int kernelAt, int rows, double[] zRe, double[] zIm,
                                       int order, double[] outRe, double[] outIm, int at, int from) {
        for (int g = from; g < order; g++) {
            double re = outRe[at + g];
            double im = outIm[at + g];
            for (int r = 0; r < rows; r++) {
                double a = kRe[kernelAt + r];
                double b = kIm[kernelAt + r];
                double zr = zRe[r * order + g];
                double zi = zIm[r * order + g];
                re = Math.fma(zr, a, re);
                re = Math.fma(zi, -b, re);
                im = Math.fma(zi, a, im);
                im = Math.fma(zr, b, im);
            }
            outRe[at + g] = re;
            outIm[at + g] = im;
        }
    }

    /** The per-chain state: σ, the activations of σ and of the last proposed move. */
    private final class Cache implements WalkerCache {
        private final int[] sigma = new int[nSites];
        private Activations current = new Activations();
        private Activations proposal = new Activations();
        private final int[] lastSites = new int[nSites];
        private int lastCount = -1;
        /** δˡ (back-propagated errors) of one layer and the one below, and tanh θ or f′(θ). */
        private final double[] deltaRe;
        private final double[] deltaIm;
        private final double[] belowRe;
        private final double[] belowIm;
        private final double[] tanhRe;
        private final double[] tanhIm;
        /** The permuted inputs of the forward pass (rows of |G|). */
        private final double[] bufferRe;
        private final double[] bufferIm;

        Cache() {
            int widest = Arrays.stream(features).max().orElseThrow() * order;
            int rows = 0;
            for (int l = 1; l < features.length; l++) {
                rows = Math.max(rows, chunk[l] * features[l - 1]);
            }
            bufferRe = new double[rows * order];
            bufferIm = new double[rows * order];
            deltaRe = new double[widest];
            deltaIm = new double[widest];
            belowRe = new double[widest];
            belowIm = new double[widest];
            tanhRe = new double[widest];
            tanhIm = new double[widest];
        }

        @Override
        public void reset(int[] x) {
            SpinConfiguration.requireValid(x, nSites);
            System.arraycopy(x, 0, sigma, 0, nSites);
            current.embed(sigma);
            current.forward(bufferRe, bufferIm);
            lastCount = -1;
        }

        @Override
        public int[] configuration() {
            return sigma;
        }

        /** The activations of the move into {@link #proposal}, remembered for {@link #applyMove}. */
        private void propose(int[] sites, int offset, int count) {
            proposal.embedMove(current, sigma, sites, offset, count);
            proposal.forward(bufferRe, bufferIm);
            System.arraycopy(sites, offset, lastSites, 0, count);
            lastCount = count;
        }

        @Override
        public void logRatio(int[] sites, int[] values, int offset, int count, double[] out) {
            propose(sites, offset, count);
            if (current.vanishing()) { // from ψ(σ) = 0: +∞ into the sector, −∞ to another zero
                out[0] = proposal.vanishing() ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
                out[1] = 0.0;
                return;
            }
            out[0] = proposal.logPsi[0] - current.logPsi[0];
            out[1] = proposal.logPsi[1] - current.logPsi[1];
        }

        @Override
        public void applyMove(int[] sites, int[] values, int offset, int count) {
            if (count != lastCount || !Arrays.equals(lastSites, 0, count, sites, offset, offset + count)) {
                propose(sites, offset, count);
            }
            Activations swap = current;
            current = proposal;
            proposal = swap;
            for (int m = 0; m < count; m++) {
                sigma[sites[offset + m]] = -sigma[sites[offset + m]];
            }
            lastCount = -1;
        }

        @Override
        public void logPsi(double[] out) {
            out[0] = current.logPsi[0];
            out[1] = current.logPsi[1];
        }

        @Override
        public void logDerivatives(double[] out, int offset) {
            Arrays.fill(out, offset, offset + 2 * nParameters, 0.0);
            int last = features.length - 1;
            Activations a = current;
            for (int s = 0; s < signs; s++) {
                LogCoshVectorKernels.tanh(a.thetaRe[s][last], a.thetaIm[s][last], features[last] * order, tanhRe, tanhIm);
                double sumNorm = a.sum[0] * a.sum[0] + a.sum[1] * a.sum[1];
                for (int c = 0; c < features[last]; c++) {
                    for (int g = 0; g < order; g++) { // w_{s,g} = term/Σ terms
                        double tr = a.termRe[s * order + g];
                        double ti = a.termIm[s * order + g];
                        double wr = (tr * a.sum[0] + ti * a.sum[1]) / sumNorm;
                        double wi = (ti * a.sum[0] - tr * a.sum[1]) / sumNorm;
                        int at = c * order + g;
                        deltaRe[at] = wr * tanhRe[at] - wi * tanhIm[at];
                        deltaIm[at] = wr * tanhIm[at] + wi * tanhRe[at];
                    }
                }
                for (int l = last; l >= 1; l--) {
                    backPropagate(l, a.zRe[s][l - 1], a.zIm[s][l - 1], out, offset);
                    activationDerivative(a.thetaRe[s][l - 1], a.thetaIm[s][l - 1], features[l - 1] * order, tanhRe, tanhIm);
                    for (int at = 0; at < features[l - 1] * order; at++) {
                        double er = belowRe[at];
                        double ei = belowIm[at];
                        deltaRe[at] = er * tanhRe[at] - ei * tanhIm[at];
                        deltaIm[at] = er * tanhIm[at] + ei * tanhRe[at];
                    }
                }
                embeddingDerivatives(s == 0 ? 1 : -1, out, offset);
            }
        }

        /** Adds ∂/∂bˡ, ∂/∂Kˡ from δˡ and writes Σ δˡ K into {@link #belowRe}, the error of zˡ⁻¹. */
        private void backPropagate(int l, double[] zRe, double[] zIm, double[] out, int offset) {
            int fIn = features[l - 1];
            Arrays.fill(belowRe, 0, fIn * order, 0.0);
            Arrays.fill(belowIm, 0, fIn * order, 0.0);
            double[] kRe = wRe[l];
            double[] kIm = wIm[l];
            for (int c = 0; c < features[l]; c++) {
                double sumRe = 0.0;
                double sumIm = 0.0;
                for (int g = 0; g < order; g++) {
                    sumRe += deltaRe[c * order + g];
                    sumIm += deltaIm[c * order + g];
                }
                out[offset + 2 * (biasAt[l] + c)] += sumRe;
                out[offset + 2 * (biasAt[l] + c) + 1] += sumIm;
                for (int cIn = 0; cIn < fIn; cIn++) {
                    int kernel = (c * fIn + cIn) * support;
                    int input = cIn * order;
                    int at = offset + 2 * (weightAt[l] + kernel);
                    for (int g = 0; g < order; g++) {
                        double dr = deltaRe[c * order + g];
                        double di = deltaIm[c * order + g];
                        int around = g * support;
                        for (int k = 0; k < support; k++) {
                            int u = input + neighbour[around + k];
                            out[at + 2 * k] += dr * zRe[u] - di * zIm[u];
                            out[at + 2 * k + 1] += dr * zIm[u] + di * zRe[u];
                            double a = kRe[kernel + k];
                            double b = kIm[kernel + k];
                            belowRe[u] += dr * a - di * b;
                            belowIm[u] += dr * b + di * a;
                        }
                    }
                }
            }
        }

        /** ∂/∂b¹_c = Σ_g δ¹_{c,g}, ∂/∂w_c(i) = Σ_g δ¹_{c,g} s σ_{g(i)}. */
        private void embeddingDerivatives(int sign, double[] out, int offset) {
            for (int c = 0; c < features[0]; c++) {
                double sumRe = 0.0;
                double sumIm = 0.0;
                int at = offset + 2 * (weightAt[0] + c * nSites);
                for (int g = 0; g < order; g++) {
                    double dr = deltaRe[c * order + g];
                    double di = deltaIm[c * order + g];
                    sumRe += dr;
                    sumIm += di;
                    for (int i = 0; i < nSites; i++) {
                        int x = sign * sigma[group.row(g, i)];
                        out[at + 2 * i] += dr * x;
                        out[at + 2 * i + 1] += di * x;
                    }
                }
                out[offset + 2 * (biasAt[0] + c)] += sumRe;
                out[offset + 2 * (biasAt[0] + c) + 1] += sumIm;
            }
        }
    }
}
