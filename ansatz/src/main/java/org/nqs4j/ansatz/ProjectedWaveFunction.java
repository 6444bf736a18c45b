package org.nqs4j.ansatz;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An ansatz projected onto an irreducible representation of a group K of signed site permutations:
 * <pre>
 *   ψ_K(σ) = Σ_{k∈K} c_k ψ(τ_k σ),   (τ_k σ)ᵢ = s_k σ_{g_k(i)},   s_k = ±1,   c_k = χ(g_k)* · p^{[s_k = −1]},
 * </pre>
 * with χ the characters of the irrep on the permutations g_k and p = ±1 the spin-flip parity, so
 * that ψ_K(τσ) = χ(τ) ψ_K(σ) for every τ ∈ K when the irrep is one-dimensional (for a
 * multi-dimensional irrep the sum is the character projector onto its isotypic component), while
 * the parameters stay those of ψ. The trivial representation (all c_k = 1) is the ground state's
 * for any stoquastic Hamiltonian (Perron–Frobenius), e.g. the Marshall-rotated Heisenberg model on
 * a bipartite lattice; frustrated ground states often lie in another momentum or point-group
 * sector. Quantum-number projections of neural states: Nomura, J. Phys.: Condens. Matter 33,
 * 174003 (2021); Reh et al., PRB 107, 195115 (2023).
 *
 * <p>Cost: every amplitude, ratio and log-derivative is |K| evaluations of ψ on the images (those
 * with c_k = 0 are left out), each image with its own {@link WalkerCache}. A move that flips sites
 * S of σ flips g_k⁻¹(S) of image k, so the ratio of a move is the weighted sum of the images'
 * ratios, ψ_K(σ')/ψ_K(σ) = Σ_k w_k ψ(τ_k σ')/ψ(τ_k σ) with w_k = c_k ψ(τ_k σ)/ψ_K(σ), and the
 * log-derivatives are O_K = Σ_k w_k O(τ_k σ). The coefficients enter as log c_k added to the
 * images' log amplitudes, so the weights are kept in the log domain and renormalised on every
 * accepted move, and no image's share underflows for good. A configuration with ψ_K(σ) = 0 (it
 * is fixed by an element of non-trivial character) has a ratio +∞ to any state of the sector, so
 * a chain started there leaves it on its first move.
 */
public final class ProjectedWaveFunction implements WaveFunction {
    /** |Σ_k c_k ψ_k| / Σ_k |c_k ψ_k| below which the sum is rounding noise: far above |K|·ε for any |K| used. */
    static final double CANCELLED = 1e-12;
    private final WaveFunction inner;
    /** g_k: image site i takes σ_{g_k(i)}. */
    private final int[][] permutation;
    /** g_k⁻¹: flipping σ_j flips image site g_k⁻¹(j). */
    private final int[][] inverse;
    /** s_k = ±1. */
    private final int[] spin;
    /** log c_k as (log|c_k|, arg c_k) pairs. */
    private final double[] logCoefficient;
    private final String label;

    private ProjectedWaveFunction(WaveFunction inner, int[][] group, int[][] permutations, double[] characterRe,
                                  double[] characterIm, int spinParity, String label) {
        int n = inner.nSites();
        if (permutations == null || permutations.length == 0) {
            throw new IllegalArgumentException("a projection needs at least one permutation (the identity)");
        }
        if (characterRe.length != permutations.length || characterIm.length != permutations.length) {
            throw new IllegalArgumentException("a projection needs one character per permutation");
        }
        if (spinParity < -1 || spinParity > 1) {
            throw new IllegalArgumentException("the spin-flip parity is +1, -1 or 0 (no spin flip), got " + spinParity);
        }
        int[][] rows = new int[permutations.length][];
        for (int g = 0; g < rows.length; g++) {
            rows[g] = SymmetricRbm.requirePermutation(permutations[g], n, g);
        }
        // the projector is a sum over a group: identity present, closed under products
        new GroupTable(group == permutations ? rows : java.util.stream.IntStream.range(0, group.length)
                .mapToObj(g -> SymmetricRbm.requirePermutation(group[g], n, g)).toArray(int[][]::new));
        boolean realCharacters = true;
        for (double im : characterIm) {
            realCharacters &= Math.abs(im) <= 1e-12;
        }
        if (!inner.isComplex() && !realCharacters) {
            throw new IllegalArgumentException("the characters of this sector are complex (a momentum other than 0"
                    + " or π): a real ansatz cannot carry it; use a complex one");
        }
        int signs = spinParity == 0 ? 1 : 2;
        List<Integer> kept = new ArrayList<>();
        for (int g = 0; g < rows.length; g++) {
            if (Math.hypot(characterRe[g], characterIm[g]) > 1e-12) {
                kept.add(g);
            }
        }
        int images = kept.size() * signs;
        this.inner = inner;
        this.label = label;
        this.permutation = new int[images][];
        this.inverse = new int[images][n];
        this.spin = new int[images];
        this.logCoefficient = new double[2 * images];
        for (int k = 0; k < images; k++) {
            int g = kept.get(k / signs);
            permutation[k] = rows[g];
            spin[k] = k % signs == 0 ? 1 : -1;
            for (int i = 0; i < n; i++) {
                inverse[k][permutation[k][i]] = i;
            }
            double re = characterRe[g] * (spin[k] < 0 ? spinParity : 1);
            double im = -characterIm[g] * (spin[k] < 0 ? spinParity : 1); // c_k = χ*
            logCoefficient[2 * k] = Math.log(Math.hypot(re, im));
            logCoefficient[2 * k + 1] = realCharacters ? (re < 0 ? Math.PI : 0) : Math.atan2(im, re);
        }
    }

    /**
     * ψ projected onto the trivial representation of the permutations {@code group[g][i] = g(i)},
     * which must form a group, and onto spin-flip-even states when {@code spinFlip} (then |K| = 2|G|).
     */
    public static ProjectedWaveFunction of(WaveFunction inner, int[][] group, boolean spinFlip) {
        double[] one = new double[group == null ? 0 : group.length];
        Arrays.fill(one, 1);
        return new ProjectedWaveFunction(inner, group, group, one, new double[one.length], spinFlip ? 1 : 0, "trivial");
    }

    /**
     * ψ projected onto the irrep with characters χ(g) = {@code characterRe[g]} + i {@code characterIm[g]}
     * of the permutation group {@code group}, and onto spin-flip parity {@code spinParity} = ±1 (0: no
     * spin-flip projection). {@code label} names the sector in {@link #description()}.
     */
    public static ProjectedWaveFunction onSector(WaveFunction inner, int[][] group, double[] characterRe,
                                                 double[] characterIm, int spinParity, String label) {
        return new ProjectedWaveFunction(inner, group, group, characterRe, characterIm, spinParity, label);
    }

    /**
     * The projection onto a sector of {@code group} of an ansatz that cannot tell some images apart,
     * one image per class ({@code org.nqs4j.hamiltonians.symmetry.SymmetrySector#modulo}): the
     * {@code representatives} with the summed characters of their classes. {@code group}, the
     * elements summed over, is checked to be a group.
     */
    public static ProjectedWaveFunction onClasses(WaveFunction inner, int[][] group, int[][] representatives,
                                                  double[] characterRe, double[] characterIm, int spinParity,
                                                  String label) {
        return new ProjectedWaveFunction(inner, group, representatives, characterRe, characterIm, spinParity, label);
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
            logImages[2 * k] = log[0] + logCoefficient[2 * k];
            logImages[2 * k + 1] = log[1] + logCoefficient[2 * k + 1];
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
     * relative to max Re z_k, so nothing overflows. A sum that cancels to below {@link #CANCELLED}
     * of Σ_k |e^{z_k}| is zero to rounding (the images of a configuration fixed by an element of
     * non-trivial character: 1 + ω + ω² is 1e-16, not 0, in floating point): log S = −∞ then.
     */
    static void logSumExp(double[] z, double[] out, double[] shares) {
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < z.length; k += 2) {
            max = Math.max(max, z[k]);
        }
        double re = 0.0;
        double im = 0.0;
        double total = 0.0;
        for (int k = 0; k < z.length; k += 2) {
            double modulus = Math.exp(z[k] - max);
            double phase = z[k + 1];
            shares[k] = modulus * Math.cos(phase);
            shares[k + 1] = modulus * Math.sin(phase);
            re += shares[k];
            im += shares[k + 1];
            total += modulus;
        }
        double norm = re * re + im * im;
        boolean cancelled = !(norm > CANCELLED * CANCELLED * total * total);
        out[0] = cancelled ? Double.NEGATIVE_INFINITY : max + 0.5 * Math.log(norm);
        out[1] = cancelled ? 0.0 : Math.atan2(im, re);
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
        boolean flips = spin.length > 1 && spin[1] < 0;
        return "projected(" + inner.description() + ", " + label + ", |K|=" + spin.length + " images: "
                + permutation.length / (flips ? 2 : 1) + " permutations" + (flips ? " x spin flip" : "") + ")";
    }

    /** One cache per image, the images' log amplitudes log c_k ψ(τ_k σ) and their weights w_k = c_k ψ(τ_k σ)/ψ_K(σ). */
    private final class Cache implements WalkerCache {
        private final WalkerCache[] images = new WalkerCache[spin.length];
        private final int[] sigma = new int[nSites()];
        private final int[] scratchSites = new int[nSites()];
        private final int[] scratchValues = new int[nSites()];
        private final double[] logImage = new double[2 * spin.length];
        /** log ψ(τ_k σ') of a proposed move, then its shares (scratch of {@link #logRatio}). */
        private final double[] moved = new double[2 * spin.length];
        private final double[] logTotal = new double[2];
        private final double[] weight = new double[2 * spin.length];
        /** The images' ratios of the last {@link #ratio} call, reused when that move is accepted. */
        private final double[] lastRatio = new double[2 * spin.length];
        private final int[] lastSites = new int[nSites()];
        private int lastCount = -1;
        /** ψ_K(σ) = 0: the images cancel (σ is fixed by an element of non-trivial character). */
        private boolean vanishing;
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
                logImage[2 * k] = pair[0] + logCoefficient[2 * k];
                logImage[2 * k + 1] = pair[1] + logCoefficient[2 * k + 1];
            }
            lastCount = -1;
            renormalise();
        }

        /** log ψ_K = log Σ_k c_k ψ(τ_k σ) and w_k = c_k ψ(τ_k σ)/ψ_K from the images' logs. */
        private void renormalise() {
            logSumExp(logImage, logTotal, weight);
            vanishing = !(logTotal[0] > Double.NEGATIVE_INFINITY);
        }

        @Override
        public int[] configuration() {
            return sigma;
        }

        /**
         * The move of image k in {@link #scratchSites} and {@link #scratchValues}: the image sites
         * g⁻¹(i), each taking the flipped value of the image configuration (the spin flip of the
         * group may have inverted it), so the images see a valid spin-½ move.
         */
        private int[] mapped(int k, int[] sites, int offset, int count) {
            int[] g = inverse[k];
            int[] image = images[k].configuration();
            for (int c = 0; c < count; c++) {
                int site = g[sites[offset + c]];
                scratchSites[c] = site;
                scratchValues[c] = -image[site];
            }
            return scratchSites;
        }

        /** Σ_k w_k r_k; from a vanishing ψ_K(σ), +∞ to a state of the sector and 0 to another vanishing one. */
        @Override
        public void ratio(int[] sites, int[] values, int offset, int count, double[] out) {
            double re = 0.0;
            double im = 0.0;
            for (int k = 0; k < images.length; k++) {
                images[k].ratio(mapped(k, sites, offset, count), scratchValues, 0, count, pair);
                lastRatio[2 * k] = pair[0];
                lastRatio[2 * k + 1] = pair[1];
                double wRe = weight[2 * k];
                double wIm = weight[2 * k + 1];
                re += wRe * pair[0] - wIm * pair[1];
                im += wRe * pair[1] + wIm * pair[0];
                if (vanishing) {
                    moved[2 * k] = logImage[2 * k] + Math.log(Math.hypot(pair[0], pair[1]));
                    moved[2 * k + 1] = logImage[2 * k + 1] + Math.atan2(pair[1], pair[0]);
                }
            }
            System.arraycopy(sites, offset, lastSites, 0, count);
            lastCount = count;
            if (vanishing) {
                logSumExp(moved, pair, moved);
                re = pair[0] > Double.NEGATIVE_INFINITY ? Double.POSITIVE_INFINITY : 0.0;
                im = 0.0;
            }
            out[0] = re;
            out[1] = im;
        }

        /** log Σ_k ψ(τ_k σ') − log ψ_K(σ), from the images' log ratios (no overflow where the ratio would). */
        @Override
        public void logRatio(int[] sites, int[] values, int offset, int count, double[] out) {
            for (int k = 0; k < images.length; k++) {
                images[k].logRatio(mapped(k, sites, offset, count), scratchValues, 0, count, pair);
                moved[2 * k] = logImage[2 * k] + pair[0];
                moved[2 * k + 1] = logImage[2 * k + 1] + pair[1];
            }
            logSumExp(moved, out, moved);
            if (vanishing) { // from ψ_K(σ) = 0: log ratio +∞ into the sector, −∞ when ψ_K(σ') = 0 too
                out[0] = out[0] > Double.NEGATIVE_INFINITY ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
                out[1] = 0.0;
                return;
            }
            out[0] -= logTotal[0];
            out[1] -= logTotal[1];
        }

        @Override
        public void applyMove(int[] sites, int[] values, int offset, int count) {
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
                    images[k].logRatio(mappedSites, scratchValues, 0, count, pair);
                    logImage[2 * k] += pair[0];
                    logImage[2 * k + 1] += pair[1];
                }
                images[k].applyMove(mappedSites, scratchValues, 0, count);
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
