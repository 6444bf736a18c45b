package org.nqs4j.ansatz;

/**
 * ψ(x) = Π_f ψ_f(x): factors over the same configurations, all real or all complex, e.g. an RBM as the
 * correlator of a Gutzwiller-projected pair product (Nomura et al., PRB 96, 205152 (2017)). log ψ and
 * the log ratios are the factors' sums, the ratios their products; the parameters and log-derivatives
 * are the factors' blocks one after another, in the order given.
 */
public final class ProductWaveFunction implements WaveFunction {
    private final WaveFunction[] factors;
    /** Start of factor f's block in the parameter array (array entries, so 2× for complex). */
    private final int[] offsets;

    private ProductWaveFunction(WaveFunction[] factors) {
        if (factors.length < 2) {
            throw new IllegalArgumentException("a product needs at least two factors, got " + factors.length);
        }
        for (WaveFunction f : factors) {
            if (f.isComplex() != factors[0].isComplex() || f.nSites() != factors[0].nSites()
                    || f.configurationSize() != factors[0].configurationSize()) {
                throw new IllegalArgumentException("the factors of a product share their sites and are all real or all"
                        + " complex: " + factors[0].description() + " and " + f.description());
            }
        }
        this.factors = factors.clone();
        this.offsets = new int[factors.length + 1];
        for (int f = 0; f < factors.length; f++) {
            offsets[f + 1] = offsets[f] + factors[f].parameterArrayLength();
        }
    }

    /** Π factors, parameters in this order. */
    public static ProductWaveFunction of(WaveFunction... factors) {
        return new ProductWaveFunction(factors);
    }

    @Override
    public int nSites() {
        return factors[0].nSites();
    }

    @Override
    public int configurationSize() {
        return factors[0].configurationSize();
    }

    @Override
    public int nParameters() {
        int p = 0;
        for (WaveFunction f : factors) {
            p += f.nParameters();
        }
        return p;
    }

    @Override
    public boolean isComplex() {
        return factors[0].isComplex();
    }

    @Override
    public void getParameters(double[] dst) {
        for (int f = 0; f < factors.length; f++) {
            double[] block = new double[factors[f].parameterArrayLength()];
            factors[f].getParameters(block);
            System.arraycopy(block, 0, dst, offsets[f], block.length);
        }
    }

    @Override
    public void setParameters(double[] src) {
        for (int f = 0; f < factors.length; f++) {
            factors[f].setParameters(java.util.Arrays.copyOfRange(src, offsets[f], offsets[f + 1]));
        }
    }

    @Override
    public void tabulateExchanges(int[][] pairs) {
        for (WaveFunction f : factors) {
            f.tabulateExchanges(pairs);
        }
    }

    @Override
    public WalkerCache newCache() {
        WalkerCache[] caches = new WalkerCache[factors.length];
        for (int f = 0; f < factors.length; f++) {
            caches[f] = factors[f].newCache();
        }
        return new Cache(caches, !isComplex());
    }

    @Override
    public String description() {
        StringBuilder b = new StringBuilder(factors[0].description());
        for (int f = 1; f < factors.length; f++) {
            b.append(" times ").append(factors[f].description());
        }
        return b.toString();
    }

    /** A real product's phase, a sum of 0s and πs: 0 or π again. */
    private static double realPhase(double sum) {
        return Math.abs(Math.IEEEremainder(sum, 2 * Math.PI)) > Math.PI / 2 ? Math.PI : 0;
    }

    /** The factors' caches, kept at one configuration. */
    private final class Cache implements WalkerCache {
        private final WalkerCache[] caches;
        private final boolean real;
        private final double[] part = new double[2];

        Cache(WalkerCache[] caches, boolean real) {
            this.caches = caches;
            this.real = real;
        }

        @Override
        public void reset(int[] x) {
            for (WalkerCache c : caches) {
                c.reset(x);
            }
        }

        @Override
        public int[] configuration() {
            return caches[0].configuration();
        }

        @Override
        public void logRatio(int[] sites, int[] values, int offset, int count, double[] out) {
            caches[0].logRatio(sites, values, offset, count, out);
            for (int f = 1; f < caches.length; f++) {
                caches[f].logRatio(sites, values, offset, count, part);
                out[0] += part[0];
                out[1] += part[1];
            }
            if (real) {
                out[1] = realPhase(out[1]);
            }
        }

        @Override
        public void ratio(int[] sites, int[] values, int offset, int count, double[] out) {
            caches[0].ratio(sites, values, offset, count, out);
            for (int f = 1; f < caches.length; f++) {
                caches[f].ratio(sites, values, offset, count, part);
                double re = out[0] * part[0] - out[1] * part[1];
                out[1] = out[0] * part[1] + out[1] * part[0];
                out[0] = re;
            }
        }

        @Override
        public void applyMove(int[] sites, int[] values, int offset, int count) {
            for (WalkerCache c : caches) {
                c.applyMove(sites, values, offset, count);
            }
        }

        @Override
        public void logPsi(double[] out) {
            caches[0].logPsi(out);
            for (int f = 1; f < caches.length; f++) {
                caches[f].logPsi(part);
                out[0] += part[0];
                out[1] += part[1];
            }
            if (real) {
                out[1] = realPhase(out[1]);
            }
        }

        @Override
        public void logDerivatives(double[] out, int offset) {
            for (int f = 0; f < caches.length; f++) {
                caches[f].logDerivatives(out, offset + offsets[f]);
            }
        }
    }
}
