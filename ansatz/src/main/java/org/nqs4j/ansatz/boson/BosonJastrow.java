package org.nqs4j.ansatz.boson;

import org.nqs4j.ansatz.WalkerCache;
import org.nqs4j.ansatz.WaveFunction;

/**
 * A density-density Jastrow state of bosons with an on-site factor per occupation (Capello,
 * Becca, Fabrizio &amp; Sorella, PRL 99, 056402 (2007) for the Bose-Hubbard model):
 * <pre>
 *   log ψ(n) = Σ_{i&lt;j} v_ij n_i n_j + Σ_i g_i(n_i),   g_i(0) = 0,
 * </pre>
 * real parameters, ψ &gt; 0. The on-site table g_i(1..n_max) contains any v_ii n_i² term, so no
 * v_ii is kept. Parameter layout: v_ij row-major over i &lt; j (L(L−1)/2), then g_i(m) at
 * L(L−1)/2 + i·n_max + (m − 1).
 *
 * <p>The cache keeps h_i = Σ_{j≠i} v_ij n_j. A move changing sites s_k by Δ_k changes log ψ by
 * Σ_k [Δ_k h_{s_k} + g(n′) − g(n)] + Σ_{k&lt;l} v_{s_k s_l} Δ_k Δ_l (O(changes²)); accepting it adds
 * v_{i s_k} Δ_k to every h_i (O(L·changes)). O_ij = n_i n_j, O_{i,m} = δ(n_i, m).
 */
public final class BosonJastrow implements WaveFunction {
    private final int nSites;
    private final int nMax;
    private final int nPairs;
    /** L × L, symmetric, zero diagonal. */
    private final double[] v;
    /** g_i(m) at i(n_max + 1) + m, with g_i(0) = 0. */
    private final double[] g;

    private BosonJastrow(int nSites, int nMax) {
        if (nSites < 1 || nMax < 1) {
            throw new IllegalArgumentException("a boson Jastrow needs L >= 1 sites and n_max >= 1, got L = " + nSites
                    + ", n_max = " + nMax);
        }
        this.nSites = nSites;
        this.nMax = nMax;
        this.nPairs = nSites * (nSites - 1) / 2;
        this.v = new double[nSites * nSites];
        this.g = new double[nSites * (nMax + 1)];
    }

    /** All parameters zero (ψ uniform). */
    public static BosonJastrow of(int nSites, int nMax) {
        return new BosonJastrow(nSites, nMax);
    }

    /**
     * The condensate of N bosons in the uniform orbital, (Σ_i b†_i)^N |0⟩ ∝ Σ_n √(N!/Π_i n_i!) |n⟩:
     * v = 0, g_i(m) = −½ log m!. It is the ground state of free bosons (U = 0, J &gt; 0) on a lattice
     * of equal coordination when no occupation is truncated (n_max ≥ N).
     */
    public static BosonJastrow condensate(int nSites, int nMax) {
        BosonJastrow psi = new BosonJastrow(nSites, nMax);
        double logFactorial = 0;
        for (int m = 1; m <= nMax; m++) {
            logFactorial += Math.log(m);
            for (int i = 0; i < nSites; i++) {
                psi.g[i * (nMax + 1) + m] = -0.5 * logFactorial;
            }
        }
        return psi;
    }

    @Override
    public int nSites() {
        return nSites;
    }

    @Override
    public int nParameters() {
        return nPairs + nSites * nMax;
    }

    @Override
    public boolean isComplex() {
        return false;
    }

    @Override
    public void getParameters(double[] dst) {
        int p = 0;
        for (int i = 0; i < nSites; i++) {
            for (int j = i + 1; j < nSites; j++) {
                dst[p++] = v[i * nSites + j];
            }
        }
        for (int i = 0; i < nSites; i++) {
            for (int m = 1; m <= nMax; m++) {
                dst[p++] = g[i * (nMax + 1) + m];
            }
        }
    }

    @Override
    public void setParameters(double[] src) {
        if (src.length != nParameters()) {
            throw new IllegalArgumentException("expected " + nParameters() + " parameters, got " + src.length);
        }
        for (double x : src) {
            if (!Double.isFinite(x)) {
                throw new IllegalArgumentException("non-finite parameter " + x);
            }
        }
        int p = 0;
        for (int i = 0; i < nSites; i++) {
            for (int j = i + 1; j < nSites; j++) {
                v[i * nSites + j] = src[p];
                v[j * nSites + i] = src[p++];
            }
        }
        for (int i = 0; i < nSites; i++) {
            for (int m = 1; m <= nMax; m++) {
                g[i * (nMax + 1) + m] = src[p++];
            }
        }
    }

    @Override
    public void logPsi(int[] n, double[] out) {
        out[0] = logJastrow(n);
        out[1] = 0;
    }

    private double logJastrow(int[] n) {
        requireOccupations(n);
        double log = 0;
        for (int i = 0; i < nSites; i++) {
            log += g[i * (nMax + 1) + n[i]];
            for (int j = i + 1; j < nSites; j++) {
                log += v[i * nSites + j] * n[i] * n[j];
            }
        }
        return log;
    }

    private void requireOccupations(int[] n) {
        if (n.length != nSites) {
            throw new IllegalArgumentException("expected " + nSites + " occupations, got " + n.length);
        }
        for (int i = 0; i < nSites; i++) {
            requireOccupation(i, n[i]);
        }
    }

    private void requireOccupation(int site, int occupation) {
        if (occupation < 0 || occupation > nMax) {
            throw new IllegalArgumentException("occupation n_" + site + " = " + occupation + " outside 0.." + nMax);
        }
    }

    @Override
    public WalkerCache newCache() {
        return new Cache();
    }

    @Override
    public String description() {
        return "boson Jastrow exp(Σ v_ij n_i n_j + Σ g_i(n_i)) (L=" + nSites + ", n_max=" + nMax + ", P="
                + nParameters() + ")";
    }

    private final class Cache implements WalkerCache {
        private final int[] n = new int[nSites];
        private final double[] h = new double[nSites];
        private double logJ;

        @Override
        public void reset(int[] x) {
            logJ = logJastrow(x);
            System.arraycopy(x, 0, n, 0, nSites);
            for (int i = 0; i < nSites; i++) {
                double s = 0;
                for (int j = 0; j < nSites; j++) {
                    s += v[i * nSites + j] * n[j];
                }
                h[i] = s;
            }
        }

        @Override
        public int[] configuration() {
            return n;
        }

        private double logRatio(int[] sites, int[] values, int offset, int count) {
            double d = 0;
            for (int k = offset; k < offset + count; k++) {
                int i = sites[k];
                requireOccupation(i, values[k]);
                int delta = values[k] - n[i];
                d += delta * h[i] + g[i * (nMax + 1) + values[k]] - g[i * (nMax + 1) + n[i]];
                for (int l = offset; l < k; l++) {
                    d += v[i * nSites + sites[l]] * delta * (values[l] - n[sites[l]]);
                }
            }
            return d;
        }

        @Override
        public void logRatio(int[] sites, int[] values, int offset, int count, double[] out) {
            out[0] = logRatio(sites, values, offset, count);
            out[1] = 0;
        }

        @Override
        public void applyMove(int[] sites, int[] values, int offset, int count) {
            logJ += logRatio(sites, values, offset, count);
            for (int k = offset; k < offset + count; k++) {
                int s = sites[k];
                int delta = values[k] - n[s];
                for (int i = 0; i < nSites; i++) {
                    h[i] += v[i * nSites + s] * delta;
                }
                n[s] = values[k];
            }
        }

        @Override
        public void logPsi(double[] out) {
            out[0] = logJ;
            out[1] = 0;
        }

        @Override
        public void logDerivatives(double[] out, int offset) {
            int p = offset;
            for (int i = 0; i < nSites; i++) {
                for (int j = i + 1; j < nSites; j++) {
                    out[p++] = n[i] * n[j];
                }
            }
            for (int i = 0; i < nSites; i++) {
                for (int m = 1; m <= nMax; m++) {
                    out[p++] = n[i] == m ? 1 : 0;
                }
            }
        }
    }
}
