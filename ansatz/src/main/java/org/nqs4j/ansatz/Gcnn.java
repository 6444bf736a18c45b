package org.nqs4j.ansatz;

import java.util.Arrays;

/**
 * A group-convolutional neural network (G-CNN; Roth &amp; MacDonald, arXiv:2104.05085 (2021); Roth,
 * Szabo &amp; MacDonald, PRB 108, 054410 (2023)) over a finite group G of site permutations, with
 * complex (holomorphic) parameters and an output projected onto a one-dimensional irrep of G
 * (characters χ) and, optionally, a spin-flip parity p:
 * <pre>
 *   θ¹_{c,g}(σ) = b¹_c + Σᵢ w_c(i) σ_{g(i)},                                   (embedding)
 *   θˡ_{c,g}    = bˡ_c + Σ_{c'} Σ_{k∈S} Kˡ_{c,c'}(k) zˡ⁻¹_{c',g∘k},   zˡ = log cosh θˡ,   (group convolution, l ≥ 2)
 *   log ψ(σ)    = log Σ_{s=±1} Σ_{g∈G} χ(g)* p^{[s=−1]} exp(Σ_c z^L_{c,g}(sσ)).
 * </pre>
 * Each layer is equivariant: θˡ_{c,g}(hσ) = θˡ_{c,h∘g}(σ) (feature maps are functions on G moved by
 * left multiplication), because θ¹ is and the kernel depends on g⁻¹u only (u = g∘k). Hence
 * ψ(hσ) = χ(h) ψ(σ), the same sector as {@link ProjectedWaveFunction} with these characters. The
 * kernel support S ⊂ G may be all of G (the G-CNN of Roth &amp; MacDonald) or a subset (e.g. the
 * point group): any kernel keeps equivariance, and θ¹ already sees every site. The sum over G is a
 * log-sum-exp relative to its largest term ({@link ProjectedWaveFunction#logSumExp}), so nothing
 * overflows; exp(log cosh) = cosh, so the branch of Im log cosh does not matter in the last layer.
 * In a hidden layer it does, as in {@link FeedForwardNetwork}: the network is continuous in its
 * parameters while |Im θ| &lt; π/2 near Re θ = 0.
 *
 * <p>Log-derivatives by back-propagation: with shares w_{s,g} = ∂ log ψ/∂(Σ_c z^L_{c,g}),
 * δ^L = w ⊙ tanh θ^L, δˡ⁻¹_{c',u} = tanh θˡ⁻¹_{c',u} Σ_{c} Σ_{(g,k): g∘k=u} δˡ_{c,g} Kˡ_{c,c'}(k);
 * ∂/∂bˡ_c = Σ_g δˡ_{c,g}, ∂/∂Kˡ_{c,c'}(k) = Σ_g δˡ_{c,g} zˡ⁻¹_{c',g∘k}, ∂/∂w_c(i) = Σ_g δ¹_{c,g} sσ_{g(i)}.
 *
 * <p>Cost (F_l features, |G| elements, |S| kernel elements, n_s = 2 with the spin flip else 1): the
 * cache keeps θ¹, so a move of k sites updates it in O(n_s F₁|G| k); every later layer is recomputed,
 * O(n_s |G| |S| Σ_{l≥2} F_l F_{l−1}) multiply-adds and n_s |G| Σ_l F_l log cosh per ratio, the same
 * for the log-derivatives; a reset costs O(n_s F₁ |G| N) more. An accepted move reuses the forward
 * pass of its ratio.
 *
 * <p>Parameter layout (complex, interleaved): for layer 1 b¹ (F₁) then w (F₁ × N, index c·N + i);
 * for each layer l ≥ 2 bˡ (F_l) then Kˡ (F_l × F_{l−1} × |S|, index (c·F_{l−1} + c')·|S| + k).
 */
public final class Gcnn implements WaveFunction {
    private final GroupTable group;
    private final int nSites;
    private final int order;
    private final int[] features;
    private final int support;
    /** neighbour[g·|S| + k] = index of g∘S_k. */
    private final int[] neighbour;
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

    private Gcnn(int[][] elements, double[] characterRe, double[] characterIm, int spinParity, int[] features,
                 int[] kernelSupport, String label) {
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
        this.support = kernelSupport.length;
        this.neighbour = new int[order * support];
        for (int g = 0; g < order; g++) {
            for (int k = 0; k < support; k++) {
                neighbour[g * support + k] = group.product(g, kernelSupport[k]);
            }
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
    }

    /**
     * A G-CNN over the permutations {@code group} (row 0 the identity; {@code group[g][i] = g(i)}),
     * its output projected onto the characters χ(g) = {@code characterRe[g]} + i {@code characterIm[g]}
     * (those of a one-dimensional irrep, or of a multi-dimensional one as a character projector) and
     * the spin-flip parity {@code spinParity} (±1, or 0 for none); {@code features} F₁ … F_L per layer,
     * {@code kernelSupport} the indices k of the group elements the convolution kernels live on.
     * All parameters start at zero.
     */
    public static Gcnn onSector(int[][] group, double[] characterRe, double[] characterIm, int spinParity,
                                int[] features, int[] kernelSupport, String label) {
        return new Gcnn(group, characterRe, characterIm, spinParity, features, kernelSupport, label);
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
    }

    @Override
    public void logPsi(int[] sigma, double[] out) {
        WalkerCache cache = newCache();
        cache.reset(sigma);
        cache.logPsi(out);
    }

    @Override
    public WalkerCache newCache() {
        return new Cache();
    }

    @Override
    public String description() {
        return "G-CNN(complex, N=" + nSites + ", |G|=" + order + ", features=" + Arrays.toString(features)
                + ", kernel |S|=" + support + ", " + label + (signs == 2 ? " x spin flip" : "") + ", P=" + nParameters + ")";
    }

    /** The activations of one configuration: θˡ and zˡ = log cosh θˡ per image sign, and log ψ. */
    private final class Activations {
        /** [s][l][c·|G| + g]. */
        final double[][][] thetaRe = new double[signs][features.length][];
        final double[][][] thetaIm = new double[signs][features.length][];
        final double[][][] zRe = new double[signs][features.length][];
        final double[][][] zIm = new double[signs][features.length][];
        /** log c_{s,g} + Σ_c z^L_{c,g}(sσ), then (after {@link #forward}) the shares w_{s,g}. */
        final double[] shares = new double[2 * signs * order];
        final double[] logPsi = new double[2];

        Activations() {
            for (int s = 0; s < signs; s++) {
                for (int l = 0; l < features.length; l++) {
                    int size = features[l] * order;
                    thetaRe[s][l] = new double[size];
                    thetaIm[s][l] = new double[size];
                    zRe[s][l] = new double[size];
                    zIm[s][l] = new double[size];
                }
            }
        }

        /** θ¹ of σ from scratch. */
        void embed(int[] sigma) {
            int f1 = features[0];
            for (int s = 0; s < signs; s++) {
                int sign = s == 0 ? 1 : -1;
                for (int c = 0; c < f1; c++) {
                    for (int g = 0; g < order; g++) {
                        double re = 0.0;
                        double im = 0.0;
                        for (int i = 0; i < nSites; i++) {
                            int x = sigma[group.row(g, i)];
                            re += wRe[0][c * nSites + i] * x;
                            im += wIm[0][c * nSites + i] * x;
                        }
                        thetaRe[s][0][c * order + g] = bRe[0][c] + sign * re;
                        thetaIm[s][0][c * order + g] = bIm[0][c] + sign * im;
                    }
                }
            }
        }

        /** θ¹ of {@code from} with sites flipped (σ_j → −σ_j, σ the configuration before the move). */
        void embedMove(Activations from, int[] sigma, int[] sites, int offset, int count) {
            int f1 = features[0];
            for (int s = 0; s < signs; s++) {
                System.arraycopy(from.thetaRe[s][0], 0, thetaRe[s][0], 0, f1 * order);
                System.arraycopy(from.thetaIm[s][0], 0, thetaIm[s][0], 0, f1 * order);
                double[] re = thetaRe[s][0];
                double[] im = thetaIm[s][0];
                for (int m = 0; m < count; m++) {
                    int j = sites[offset + m];
                    double step = -2.0 * (s == 0 ? 1 : -1) * sigma[j];
                    for (int c = 0; c < f1; c++) {
                        int row = c * nSites;
                        int at = c * order;
                        for (int g = 0; g < order; g++) {
                            int i = group.preimage(g, j);
                            re[at + g] += step * wRe[0][row + i];
                            im[at + g] += step * wIm[0][row + i];
                        }
                    }
                }
            }
        }

        /** Every layer after the embedding, and log ψ with its shares. */
        void forward() {
            int last = features.length - 1;
            for (int s = 0; s < signs; s++) {
                for (int l = 0; l <= last; l++) {
                    RbmKernels.logCosh(thetaRe[s][l], thetaIm[s][l], features[l] * order, zRe[s][l], zIm[s][l]);
                    if (l < last) {
                        convolve(l + 1, zRe[s][l], zIm[s][l], thetaRe[s][l + 1], thetaIm[s][l + 1]);
                    }
                }
                for (int g = 0; g < order; g++) {
                    double re = logCoefficient[2 * (s * order + g)];
                    double im = logCoefficient[2 * (s * order + g) + 1];
                    for (int c = 0; c < features[last]; c++) {
                        re += zRe[s][last][c * order + g];
                        im += zIm[s][last][c * order + g];
                    }
                    shares[2 * (s * order + g)] = re;
                    shares[2 * (s * order + g) + 1] = im;
                }
            }
            ProjectedWaveFunction.logSumExp(shares, logPsi, shares);
        }

        boolean vanishing() {
            return !(logPsi[0] > Double.NEGATIVE_INFINITY);
        }
    }

    /** θˡ_{c,g} = bˡ_c + Σ_{c'} Σ_k Kˡ_{c,c'}(k) z_{c',g∘k} (layer index l ≥ 1, 0-based). */
    private void convolve(int l, double[] zRe, double[] zIm, double[] outRe, double[] outIm) {
        int fIn = features[l - 1];
        double[] kRe = wRe[l];
        double[] kIm = wIm[l];
        for (int c = 0; c < features[l]; c++) {
            for (int g = 0; g < order; g++) {
                double re = bRe[l][c];
                double im = bIm[l][c];
                int around = g * support;
                for (int cIn = 0; cIn < fIn; cIn++) {
                    int kernel = (c * fIn + cIn) * support;
                    int input = cIn * order;
                    for (int k = 0; k < support; k++) {
                        int u = input + neighbour[around + k];
                        double a = kRe[kernel + k];
                        double b = kIm[kernel + k];
                        re += a * zRe[u] - b * zIm[u];
                        im += a * zIm[u] + b * zRe[u];
                    }
                }
                outRe[c * order + g] = re;
                outIm[c * order + g] = im;
            }
        }
    }

    /** The per-chain state: σ, the activations of σ and of the last proposed move. */
    private final class Cache implements WalkerCache {
        private final int[] sigma = new int[nSites];
        private Activations current = new Activations();
        private Activations proposal = new Activations();
        private final int[] lastSites = new int[nSites];
        private int lastCount = -1;
        /** δˡ (back-propagated errors) of one layer and the one below, and tanh θ. */
        private final double[] deltaRe;
        private final double[] deltaIm;
        private final double[] belowRe;
        private final double[] belowIm;
        private final double[] tanhRe;
        private final double[] tanhIm;

        Cache() {
            int widest = Arrays.stream(features).max().orElseThrow() * order;
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
            current.forward();
            lastCount = -1;
        }

        @Override
        public int[] configuration() {
            return sigma;
        }

        /** The activations of the move into {@link #proposal}, remembered for {@link #applyMove}. */
        private void propose(int[] sites, int offset, int count) {
            proposal.embedMove(current, sigma, sites, offset, count);
            proposal.forward();
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
                RbmKernels.tanh(a.thetaRe[s][last], a.thetaIm[s][last], features[last] * order, tanhRe, tanhIm);
                for (int c = 0; c < features[last]; c++) {
                    for (int g = 0; g < order; g++) {
                        double wr = a.shares[2 * (s * order + g)];
                        double wi = a.shares[2 * (s * order + g) + 1];
                        int at = c * order + g;
                        deltaRe[at] = wr * tanhRe[at] - wi * tanhIm[at];
                        deltaIm[at] = wr * tanhIm[at] + wi * tanhRe[at];
                    }
                }
                for (int l = last; l >= 1; l--) {
                    backPropagate(l, a.zRe[s][l - 1], a.zIm[s][l - 1], out, offset);
                    RbmKernels.tanh(a.thetaRe[s][l - 1], a.thetaIm[s][l - 1], features[l - 1] * order, tanhRe, tanhIm);
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
