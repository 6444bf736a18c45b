package org.nqs4j.ansatz;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An ansatz projected onto the trivial representation of a group K of signed site permutations:
 * <pre>
 *   ψ_K(σ) = Σ_{k∈K} ψ(τ_k σ),   (τ_k σ)ᵢ = s_k σ_{g_k(i)},   s_k = ±1,
 * </pre>
 * so ψ_K(τσ) = ψ_K(σ) for every τ ∈ K while the parameters stay those of ψ. With K the point group
 * of the lattice (and the spin flip σ → −σ) on top of a translation-symmetric RBM, ψ_K lies in the
 * fully symmetric sector of the whole space group, as quantum-number projections of neural states
 * do (Nomura, J. Phys.: Condens. Matter 33, 174003 (2021); Reh et al., PRB 107, 195115 (2023)).
 * The trivial representation is the ground state's for any stoquastic Hamiltonian (Perron–Frobenius:
 * its ground state is positive and unique), e.g. the Marshall-rotated Heisenberg model on a
 * bipartite lattice and the transverse-field Ising model; a frustrated model may need another one.
 *
 * <p>Cost: every amplitude, ratio and log-derivative is |K| evaluations of ψ on the images, each
 * image with its own {@link WalkerCache}. A move that flips sites S of σ flips g_k⁻¹(S) of image k,
 * so the ratio of a move is the weighted sum of the images' ratios,
 * ψ_K(σ')/ψ_K(σ) = Σ_k w_k ψ(τ_k σ')/ψ(τ_k σ) with w_k = ψ(τ_k σ)/ψ_K(σ), and the log-derivatives
 * are O_K = Σ_k w_k O(τ_k σ). The weights are kept in the log domain and renormalised on every
 * accepted move, so no image's share underflows for good.
 */
public final class ProjectedWaveFunction implements WaveFunction {
    private final WaveFunction inner;
    /** g_k: image site i takes σ_{g_k(i)}. */
    private final int[][] permutation;
    /** g_k⁻¹: flipping σ_j flips image site g_k⁻¹(j). */
    private final int[][] inverse;
    /** s_k = ±1. */
    private final int[] spin;
    private final boolean spinFlip;

    private ProjectedWaveFunction(WaveFunction inner, int[][] permutations, boolean spinFlip) {
        int n = inner.nSites();
        if (permutations == null || permutations.length == 0) {
            throw new IllegalArgumentException("a projection needs at least one permutation (the identity)");
        }
        int[][] rows = new int[permutations.length][];
        for (int g = 0; g < rows.length; g++) {
            rows[g] = SymmetricRbm.requirePermutation(permutations[g], n, g);
        }
        requireGroup(rows);
        int signs = spinFlip ? 2 : 1;
        int images = rows.length * signs;
        this.inner = inner;
        this.spinFlip = spinFlip;
        this.permutation = new int[images][];
        this.inverse = new int[images][n];
        this.spin = new int[images];
        for (int k = 0; k < images; k++) {
            permutation[k] = rows[k / signs];
            spin[k] = k % signs == 0 ? 1 : -1;
            for (int i = 0; i < n; i++) {
                inverse[k][permutation[k][i]] = i;
            }
        }
    }

    /**
     * ψ projected onto the permutations {@code group[g][i] = g(i)}, which must form a group, and onto
     * spin-flip-even states when {@code spinFlip} (then |K| = 2|G|).
     */
    public static ProjectedWaveFunction of(WaveFunction inner, int[][] group, boolean spinFlip) {
        return new ProjectedWaveFunction(inner, group, spinFlip);
    }

    /** The projector is a sum over a group only: the identity must be there and products stay in the set. */
    private static void requireGroup(int[][] rows) {
        int n = rows[0].length;
        Set<List<Integer>> elements = new HashSet<>();
        for (int[] row : rows) {
            elements.add(Arrays.stream(row).boxed().toList());
        }
        if (elements.size() != rows.length) {
            throw new IllegalArgumentException("the projection's permutations repeat an element; list each once");
        }
        if (!elements.contains(Arrays.stream(identity(n)).boxed().toList())) {
            throw new IllegalArgumentException("the projection's permutations do not contain the identity");
        }
        int[] product = new int[n];
        for (int a = 0; a < rows.length; a++) {
            for (int b = 0; b < rows.length; b++) {
                for (int i = 0; i < n; i++) {
                    product[i] = rows[a][rows[b][i]];
                }
                if (!elements.contains(Arrays.stream(product).boxed().toList())) {
                    throw new IllegalArgumentException("the projection's permutations are not a group: the product of "
                            + a + " and " + b + " is not among them");
                }
            }
        }
    }

    private static int[] identity(int n) {
        int[] id = new int[n];
        Arrays.setAll(id, i -> i);
        return id;
    }

    /** |K|, the number of images summed. */
    public int images() {
        return spin.length;
    }

    @Override
    public int nSites() {
        return inner.nSites();
    }

    @Override
    public int nParameters() {
        return inner.nParameters();
    }

    @Override
    public boolean isComplex() {
        return inner.isComplex();
    }

    @Override
    public void getParameters(double[] dst) {
        inner.getParameters(dst);
    }

    @Override
    public void setParameters(double[] src) {
        inner.setParameters(src);
    }

    @Override
    public boolean embedSmaller(double[] smaller, double[] params) {
        return inner.embedSmaller(smaller, params);
    }

    /** The images of the pairs, which are what the images' caches flip. */
    @Override
    public void tabulateExchanges(int[][] pairs) {
        int[][] mapped = new int[pairs.length * spin.length][];
        int m = 0;
        for (int[] g : inverse) {
            for (int[] pair : pairs) {
                mapped[m++] = pair.length == 2 ? new int[] {g[pair[0]], g[pair[1]]} : pair;
            }
        }
        inner.tabulateExchanges(mapped);
    }

    @Override
    public void logPsi(int[] sigma, double[] out) {
        SpinConfiguration.requireValid(sigma, nSites());
        double[] logImages = new double[2 * spin.length];
        int[] image = new int[sigma.length];
        double[] log = new double[2];
        for (int k = 0; k < spin.length; k++) {
            imageOf(k, sigma, image);
            inner.logPsi(image, log);
            logImages[2 * k] = log[0];
            logImages[2 * k + 1] = log[1];
        }
        logSumExp(logImages, out, logImages);
    }

    private void imageOf(int k, int[] sigma, int[] image) {
        int[] g = permutation[k];
        int s = spin[k];
        for (int i = 0; i < image.length; i++) {
            image[i] = s * sigma[g[i]];
        }
    }

    /**
     * log S = log Σ_k e^{z_k} for complex z_k stored as (Re, Im) pairs, into {@code out}, and the
     * shares e^{z_k}/S into {@code shares} (same layout; may be z itself). The terms are taken
     * relative to max Re z_k, so nothing overflows; a vanishing S gives log S = −∞.
     */
    static void logSumExp(double[] z, double[] out, double[] shares) {
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < z.length; k += 2) {
            max = Math.max(max, z[k]);
        }
        double re = 0.0;
        double im = 0.0;
        for (int k = 0; k < z.length; k += 2) {
            double modulus = Math.exp(z[k] - max);
            double phase = z[k + 1];
            shares[k] = modulus * Math.cos(phase);
            shares[k + 1] = modulus * Math.sin(phase);
            re += shares[k];
            im += shares[k + 1];
        }
        double norm = re * re + im * im;
        out[0] = max + 0.5 * Math.log(norm);
        out[1] = Math.atan2(im, re);
        for (int k = 0; k < z.length; k += 2) { // term · conj(S) / |S|²
            double a = shares[k];
            double b = shares[k + 1];
            shares[k] = (a * re + b * im) / norm;
            shares[k + 1] = (b * re - a * im) / norm;
        }
    }

    @Override
    public WalkerCache newCache() {
        return new Cache();
    }

    @Override
    public String description() {
        return "projected(" + inner.description() + ", |K|=" + spin.length + " images: " + permutation.length
                / (spinFlip ? 2 : 1) + " permutations" + (spinFlip ? " x spin flip" : "") + ")";
    }

    /** One cache per image, the images' log amplitudes and their weights w_k = ψ(τ_k σ)/ψ_K(σ). */
    private final class Cache implements WalkerCache {
        private final WalkerCache[] images = new WalkerCache[spin.length];
        private final int[] sigma = new int[nSites()];
        private final int[] scratchSites = new int[nSites()];
        private final double[] logImage = new double[2 * spin.length];
        /** log ψ(τ_k σ') of a proposed move, then its shares (scratch of {@link #logRatio}). */
        private final double[] moved = new double[2 * spin.length];
        private final double[] logTotal = new double[2];
        private final double[] weight = new double[2 * spin.length];
        /** The images' ratios of the last {@link #ratio} call, reused when that move is accepted. */
        private final double[] lastRatio = new double[2 * spin.length];
        private final int[] lastSites = new int[nSites()];
        private int lastCount = -1;
        private final double[] pair = new double[2];
        private final double[] derivatives = new double[parameterArrayLength()];

        Cache() {
            for (int k = 0; k < images.length; k++) {
                images[k] = inner.newCache();
            }
        }

        @Override
        public void reset(int[] configuration) {
            SpinConfiguration.requireValid(configuration, sigma.length);
            System.arraycopy(configuration, 0, sigma, 0, sigma.length);
            for (int k = 0; k < images.length; k++) {
                imageOf(k, sigma, scratchSites);
                images[k].reset(scratchSites);
                images[k].logPsi(pair);
                logImage[2 * k] = pair[0];
                logImage[2 * k + 1] = pair[1];
            }
            lastCount = -1;
            renormalise();
        }

        /** log ψ_K = log Σ_k ψ(τ_k σ) and w_k = ψ(τ_k σ)/ψ_K from the images' logs. */
        private void renormalise() {
            logSumExp(logImage, logTotal, weight);
            if (!(logTotal[0] > Double.NEGATIVE_INFINITY)) {
                throw new ArithmeticException("the projected amplitude vanishes at " + Arrays.toString(sigma)
                        + ": the images cancel, so this state has no weight in the projected sector");
            }
        }

        @Override
        public int[] sigma() {
            return sigma;
        }

        private int[] mapped(int k, int[] sites, int offset, int count) {
            int[] g = inverse[k];
            for (int c = 0; c < count; c++) {
                scratchSites[c] = g[sites[offset + c]];
            }
            return scratchSites;
        }

        @Override
        public void ratio(int[] sites, int offset, int count, double[] out) {
            double re = 0.0;
            double im = 0.0;
            for (int k = 0; k < images.length; k++) {
                images[k].ratio(mapped(k, sites, offset, count), 0, count, pair);
                lastRatio[2 * k] = pair[0];
                lastRatio[2 * k + 1] = pair[1];
                double wRe = weight[2 * k];
                double wIm = weight[2 * k + 1];
                re += wRe * pair[0] - wIm * pair[1];
                im += wRe * pair[1] + wIm * pair[0];
            }
            System.arraycopy(sites, offset, lastSites, 0, count);
            lastCount = count;
            out[0] = re;
            out[1] = im;
        }

        /** log Σ_k ψ(τ_k σ') − log ψ_K(σ), from the images' log ratios (no overflow where the ratio would). */
        @Override
        public void logRatio(int[] sites, int offset, int count, double[] out) {
            for (int k = 0; k < images.length; k++) {
                images[k].logRatio(mapped(k, sites, offset, count), 0, count, pair);
                moved[2 * k] = logImage[2 * k] + pair[0];
                moved[2 * k + 1] = logImage[2 * k + 1] + pair[1];
            }
            logSumExp(moved, out, moved);
            out[0] -= logTotal[0];
            out[1] -= logTotal[1];
        }

        @Override
        public void applyFlips(int[] sites, int offset, int count) {
            boolean reuse = count == lastCount && Arrays.equals(lastSites, 0, count, sites, offset, offset + count);
            for (int k = 0; k < images.length; k++) {
                int[] mappedSites = mapped(k, sites, offset, count);
                double re = lastRatio[2 * k];
                double im = lastRatio[2 * k + 1];
                double modulus = Math.hypot(re, im);
                if (reuse && modulus > 0 && modulus < Double.POSITIVE_INFINITY) {
                    logImage[2 * k] += Math.log(modulus);
                    logImage[2 * k + 1] += Math.atan2(im, re);
                } else {
                    images[k].logRatio(mappedSites, 0, count, pair);
                    logImage[2 * k] += pair[0];
                    logImage[2 * k + 1] += pair[1];
                }
                images[k].applyFlips(mappedSites, 0, count);
            }
            for (int c = 0; c < count; c++) {
                sigma[sites[offset + c]] = -sigma[sites[offset + c]];
            }
            lastCount = -1;
            renormalise();
        }

        @Override
        public void logPsi(double[] out) {
            out[0] = logTotal[0];
            out[1] = logTotal[1];
        }

        /** O_K = Σ_k w_k O(τ_k σ); for a real ansatz the weights are real (ψ real) and Re w_k is used. */
        @Override
        public void logDerivatives(double[] out, int offset) {
            int length = derivatives.length;
            Arrays.fill(out, offset, offset + length, 0.0);
            boolean complex = isComplex();
            for (int k = 0; k < images.length; k++) {
                images[k].logDerivatives(derivatives, 0);
                double wRe = weight[2 * k];
                double wIm = weight[2 * k + 1];
                if (complex) {
                    for (int p = 0; p < length; p += 2) {
                        double oRe = derivatives[p];
                        double oIm = derivatives[p + 1];
                        out[offset + p] += wRe * oRe - wIm * oIm;
                        out[offset + p + 1] += wRe * oIm + wIm * oRe;
                    }
                } else {
                    for (int p = 0; p < length; p++) {
                        out[offset + p] += wRe * derivatives[p];
                    }
                }
            }
        }
    }
}
