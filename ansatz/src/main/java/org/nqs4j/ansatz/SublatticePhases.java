package org.nqs4j.ansatz;

import java.util.Optional;

/**
 * A spin-½ ansatz times fixed phases that are multiples of 2π/q:
 * <pre>
 *   ψ(σ) = ω^{Σᵢ cᵢ nᵢ} φ(σ),   ω = e^{2πi/q},   nᵢ = (1 + σᵢ)/2,
 * </pre>
 * cᵢ ∈ {0, …, q−1}. With cᵢ q/2 on one sublattice this is Marshall's sign (−1)^{N↑(B)}; with φᵢ = 2πcᵢ/q
 * the angles of a classical coplanar order (org.nqs4j.hamiltonians.ClassicalSpiral), it is that order's
 * sign structure in the σᶻ basis: a spin in the xy plane at angle φᵢ has the amplitude e^{iφᵢ} on ↑
 * relative to ↓. For the 120° state this is the triangular-lattice sign rule of Huse &amp; Elser (PRL 60,
 * 2531 (1988)). The network φ then learns the amplitudes and only the correction to that sign
 * structure, which a translation-symmetric RBM started near a constant cannot reach by itself (its
 * visible bias is one number, and a phase pattern carried by hidden units lies far from the start).
 *
 * <p>The phase has no parameters: parameters, log-derivatives and the outer-product Jacobian are
 * φ's, and |ψ| = |φ|, so Metropolis acceptances are φ's. The phase is tracked as the integer
 * Σ cᵢ nᵢ mod q, exactly. Under a permutation g that shifts every index by the same s
 * (c_{g(i)} = cᵢ + s mod q, the translations of a spiral), ψ(gσ) = ω^{−s N↑} ψ(σ) when φ is
 * invariant: a symmetric φ stays symmetric when every such phase is 1 ({@link #phaseShift}).
 */
public final class SublatticePhases implements WaveFunction {
    private final WaveFunction network;
    private final int[] sublattice;
    private final int q;
    private final String label;
    /** cos and sin of 2πm/q, m = 0..q−1. */
    private final double[] cos;
    private final double[] sin;

    /**
     * @param sublattice cᵢ for every site, in [0, q)
     * @param q          the number of distinct phases, at least 2
     * @param label      what the phases are, for {@link #description()}
     */
    public SublatticePhases(WaveFunction network, int[] sublattice, int q, String label) {
        if (!network.isComplex()) {
            throw new IllegalArgumentException("a sublattice phase rule needs a complex ansatz (its phases are complex)");
        }
        if (q < 2) {
            throw new IllegalArgumentException("a sublattice phase rule has at least 2 phases, got " + q);
        }
        if (sublattice.length != network.nSites() || network.configurationSize() != network.nSites()) {
            throw new IllegalArgumentException("one sublattice per spin: " + sublattice.length + " for "
                    + network.nSites() + " sites");
        }
        for (int c : sublattice) {
            if (c < 0 || c >= q) {
                throw new IllegalArgumentException("sublattice " + c + " outside [0, " + q + ")");
            }
        }
        this.network = network;
        this.sublattice = sublattice.clone();
        this.q = q;
        this.label = label;
        this.cos = new double[q];
        this.sin = new double[q];
        for (int m = 0; m < q; m++) {
            cos[m] = Math.cos(2 * Math.PI * m / q);
            sin[m] = Math.sin(2 * Math.PI * m / q);
        }
    }

    /**
     * The phase that a permutation g (site i of the image takes σ_{g(i)}) multiplies the sublattice
     * phases by, for {@code nUp} up spins: m with the phase ω^m, when g shifts every sublattice by
     * one s (c_{g(i)} = cᵢ + s mod q; then Σᵢ cᵢ n(σ_{g(i)}) = Σⱼ (cⱼ − s) nⱼ and m = −s N↑ mod q), else −1
     * (the factor depends on σ).
     */
    public static int phaseShift(int[] sublattice, int q, int[] permutation, int nUp) {
        int s = Math.floorMod(sublattice[permutation[0]] - sublattice[0], q);
        for (int i = 1; i < sublattice.length; i++) {
            if (Math.floorMod(sublattice[permutation[i]] - sublattice[i], q) != s) {
                return -1;
            }
        }
        return (int) Math.floorMod(-(long) s * nUp, q);
    }

    /** Σ cᵢ nᵢ mod q of σ. */
    private int phaseIndex(int[] sigma) {
        int m = 0;
        for (int i = 0; i < sigma.length; i++) {
            if (sigma[i] > 0) {
                m += sublattice[i];
            }
        }
        return m % q;
    }

    /** The change of Σ cᵢ nᵢ (mod q, in [0, q)) when the sites of a move take their new values. */
    private int phaseChange(int[] x, int[] sites, int[] values, int offset, int count) {
        int d = 0;
        for (int k = offset; k < offset + count; k++) {
            int i = sites[k];
            d += sublattice[i] * ((values[k] > 0 ? 1 : 0) - (x[i] > 0 ? 1 : 0));
        }
        return Math.floorMod(d, q);
    }

    @Override
    public int nSites() {
        return network.nSites();
    }

    @Override
    public int nParameters() {
        return network.nParameters();
    }

    @Override
    public boolean isComplex() {
        return true;
    }

    @Override
    public void getParameters(double[] dst) {
        network.getParameters(dst);
    }

    @Override
    public void setParameters(double[] src) {
        network.setParameters(src);
    }

    @Override
    public void logPsi(int[] sigma, double[] out) {
        network.logPsi(sigma, out);
        out[1] += 2 * Math.PI * phaseIndex(sigma) / q;
    }

    @Override
    public Optional<OuterProductJacobian> outerProductJacobian() {
        return network.outerProductJacobian();
    }

    @Override
    public void tabulateExchanges(int[][] pairs) {
        network.tabulateExchanges(pairs);
    }

    @Override
    public boolean embedSmaller(double[] smaller, double[] params) {
        return network.embedSmaller(smaller, params);
    }

    @Override
    public WalkerCache newCache() {
        return new Cache(network.newCache());
    }

    @Override
    public String description() {
        return network.description() + " times " + label;
    }

    /** φ's cache and the phase index Σ cᵢ nᵢ mod q of its configuration. */
    private final class Cache implements WalkerCache {
        private final WalkerCache inner;
        private int phase;

        Cache(WalkerCache inner) {
            this.inner = inner;
        }

        @Override
        public void reset(int[] x) {
            inner.reset(x);
            phase = phaseIndex(x);
        }

        @Override
        public int[] configuration() {
            return inner.configuration();
        }

        @Override
        public void logRatio(int[] sites, int[] values, int offset, int count, double[] out) {
            int d = phaseChange(inner.configuration(), sites, values, offset, count);
            inner.logRatio(sites, values, offset, count, out);
            out[1] += 2 * Math.PI * d / q;
        }

        @Override
        public void ratio(int[] sites, int[] values, int offset, int count, double[] out) {
            int d = phaseChange(inner.configuration(), sites, values, offset, count);
            inner.ratio(sites, values, offset, count, out);
            rotate(out, 0, d);
        }

        @Override
        public void ratioModulus2(int[] sites, int[] values, int offset, int count, double[] out) {
            inner.ratioModulus2(sites, values, offset, count, out); // |ω^m| = 1
        }

        @Override
        public void ratios(int[] sites, int[] values, int[] offsets, int[] counts, int count, double[] out) {
            inner.ratios(sites, values, offsets, counts, count, out);
            int[] x = inner.configuration();
            for (int k = 0; k < count; k++) {
                rotate(out, 2 * k, phaseChange(x, sites, values, offsets[k], counts[k]));
            }
        }

        /** (out[at], out[at + 1]) times ω^m. */
        private void rotate(double[] out, int at, int m) {
            if (m == 0) {
                return;
            }
            double re = out[at];
            double im = out[at + 1];
            out[at] = re * cos[m] - im * sin[m];
            out[at + 1] = re * sin[m] + im * cos[m];
        }

        @Override
        public void applyMove(int[] sites, int[] values, int offset, int count) {
            phase = (phase + phaseChange(inner.configuration(), sites, values, offset, count)) % q;
            inner.applyMove(sites, values, offset, count);
        }

        @Override
        public void logPsi(double[] out) {
            inner.logPsi(out);
            out[1] += 2 * Math.PI * phase / q;
        }

        @Override
        public void logDerivatives(double[] out, int offset) {
            inner.logDerivatives(out, offset);
        }

        @Override
        public void logDerivativeFactors(double[] out, int offset) {
            inner.logDerivativeFactors(out, offset);
        }
    }
}
