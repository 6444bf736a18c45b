package org.nqs4j.ansatz.fermion;

/**
 * ψ(n) = Π_f ψ_f(n), e.g. Slater–Jastrow J(n)·det(n) or a neural Jastrow times a determinant:
 * ratios multiply, log |ψ| and phases add, parameters and log-derivatives are concatenated factor
 * by factor in the order given.
 */
public final class FermionProduct implements FermionWaveFunction {
    @Override
    public String description() {
        return java.util.Arrays.stream(factors).map(FermionWaveFunction::description).collect(java.util.stream.Collectors.joining(" × "));
    }

    private final FermionWaveFunction[] factors;

    private FermionProduct(FermionWaveFunction[] factors) {
        if (factors.length == 0) {
            throw new IllegalArgumentException("a product needs at least one factor");
        }
        for (FermionWaveFunction f : factors) {
            if (f.nSites() != factors[0].nSites() || f.nSpecies() != factors[0].nSpecies()) {
                throw new IllegalArgumentException("factors of a product must share the sites and species");
            }
        }
        this.factors = factors.clone();
    }

    /** Π factors; e.g. {@code of(OccupationJastrow.densityDensity(L, 2), SlaterDeterminant.of(orbitals))}. */
    public static FermionProduct of(FermionWaveFunction... factors) {
        return new FermionProduct(factors);
    }

    @Override
    public int nSites() {
        return factors[0].nSites();
    }

    @Override
    public int nSpecies() {
        return factors[0].nSpecies();
    }

    @Override
    public int nParameters() {
        int p = 0;
        for (FermionWaveFunction f : factors) {
            p += f.nParameters();
        }
        return p;
    }

    @Override
    public void getParameters(double[] dst) {
        int offset = 0;
        for (FermionWaveFunction f : factors) {
            double[] part = new double[f.nParameters()];
            f.getParameters(part);
            System.arraycopy(part, 0, dst, offset, part.length);
            offset += part.length;
        }
    }

    @Override
    public void setParameters(double[] src) {
        int offset = 0;
        for (FermionWaveFunction f : factors) {
            f.setParameters(java.util.Arrays.copyOfRange(src, offset, offset + f.nParameters()));
            offset += f.nParameters();
        }
    }

    @Override
    public void logPsi(int[] n, double[] out) {
        double[] part = new double[2];
        double log = 0;
        double sign = 1;
        for (FermionWaveFunction f : factors) {
            f.logPsi(n, part);
            log += part[0];
            sign *= signOf(part[1]);
        }
        out[0] = log;
        out[1] = sign < 0 ? Math.PI : 0;
    }

    /** The sign of a real factor from its phase (0 or π). */
    private static double signOf(double phase) {
        return Math.cos(phase) < 0 ? -1 : 1;
    }

    @Override
    public FermionCache newCache() {
        FermionCache[] caches = new FermionCache[factors.length];
        int[] offsets = new int[factors.length];
        int offset = 0;
        for (int f = 0; f < factors.length; f++) {
            caches[f] = factors[f].newCache();
            offsets[f] = offset;
            offset += factors[f].nParameters();
        }
        return new Cache(caches, offsets);
    }

    private static final class Cache implements FermionCache {
        @Override
        public int nSpecies() {
            return caches[0].nSpecies();
        }

        private final FermionCache[] caches;
        private final int[] offsets;
        private final double[] part = new double[2];

        Cache(FermionCache[] caches, int[] offsets) {
            this.caches = caches;
            this.offsets = offsets;
        }

        @Override
        public void reset(int[] n) {
            for (FermionCache c : caches) {
                c.reset(n);
            }
        }

        @Override
        public int[] configuration() {
            return caches[0].configuration();
        }

        @Override
        public double ratio(int species, int from, int to) {
            double r = 1;
            for (FermionCache c : caches) {
                r *= c.ratio(species, from, to);
            }
            return r;
        }

        @Override
        public void applyHop(int species, int from, int to) {
            for (FermionCache c : caches) {
                c.applyHop(species, from, to);
            }
        }

        @Override
        public double ratio(int s1, int from1, int to1, int s2, int from2, int to2) {
            double r = 1;
            for (FermionCache c : caches) {
                r *= c.ratio(s1, from1, to1, s2, from2, to2);
            }
            return r;
        }

        @Override
        public void applyHops(int s1, int from1, int to1, int s2, int from2, int to2) {
            for (FermionCache c : caches) {
                c.applyHops(s1, from1, to1, s2, from2, to2);
            }
        }

        @Override
        public void logPsi(double[] out) {
            double log = 0;
            double sign = 1;
            for (FermionCache c : caches) {
                c.logPsi(part);
                log += part[0];
                sign *= signOf(part[1]);
            }
            out[0] = log;
            out[1] = sign < 0 ? Math.PI : 0;
        }

        @Override
        public void logDerivatives(double[] out, int offset) {
            for (int f = 0; f < caches.length; f++) {
                caches[f].logDerivatives(out, offset + offsets[f]);
            }
        }
    }
}
