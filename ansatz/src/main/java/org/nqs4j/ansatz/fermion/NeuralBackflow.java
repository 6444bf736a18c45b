package org.nqs4j.ansatz.fermion;

import org.ejml.data.DMatrixRMaj;

/**
 * Neural-network backflow (Luo &amp; Clark, PRL 122, 226401 (2019)): a Slater determinant whose
 * orbitals depend on the whole configuration,
 * <pre>  φ^s_k(r; n) = Φ^s_{rk} + Σ_m V^s_{(rk),m} h_m(n),   h = tanh(b + W n),</pre>
 * ψ(n) = Π_s det[φ^s_k(r^s_i; n)]_{ik} with the occupied sites r^s_i of species s ascending (the
 * sign convention of {@link SlaterDeterminant}; here one hidden layer of M tanh units over the L·S
 * occupations). With V = 0 it is the determinant of Φ.
 *
 * <p><b>Cost.</b> A hop changes n and so every orbital of every species: the ratio needs a fresh
 * determinant, O(N³ + N² M) per proposal (θ = b + W n itself is updated in O(M)). This is inherent
 * to backflow; there is no rank-one update.
 *
 * <p>Parameters: [Φ^0, Φ^1 (L × N_s row-major, as {@link SlaterDeterminant}), b (M), W (M × L·S
 * row-major), V^0, V^1 (L·N_s × M row-major)]. With G^s_{rk} = ∂ log |det^s| / ∂φ^s_{rk} =
 * (A⁻¹)_{k,i(r)} for occupied r (0 otherwise) and g_m = Σ_{s,r,k} G^s_{rk} V^s_{(rk),m}:
 * O_Φ = G, O_V = G h_m, O_b = g_m (1 − h_m²), O_W = g_m (1 − h_m²) n_a.
 */
public final class NeuralBackflow implements FermionWaveFunction {
    @Override
    public String description() {
        return "neural backflow (Luo & Clark; L=" + nSites + ", particles " + java.util.Arrays.toString(particles) + ", M=" + nHidden + ", P=" + nParameters() + ")";
    }

    private final int nSites;
    private final int[] particles;
    private final int nHidden;
    private final int nModes;
    private final double[] params;
    private final int[] phiOffset;
    private final int bOffset;
    private final int wOffset;
    private final int[] vOffset;

    private NeuralBackflow(SpinOrbitals orbitals, int nHidden) {
        if (nHidden < 1) {
            throw new IllegalArgumentException("the backflow network needs at least one hidden unit, got " + nHidden);
        }
        this.nSites = orbitals.nSites();
        this.nHidden = nHidden;
        this.particles = new int[orbitals.nSpecies()];
        this.nModes = nSites * particles.length;
        this.phiOffset = new int[particles.length];
        this.vOffset = new int[particles.length];
        int p = 0;
        for (int s = 0; s < particles.length; s++) {
            particles[s] = orbitals.nParticles(s);
            phiOffset[s] = p;
            p += nSites * particles[s];
        }
        bOffset = p;
        wOffset = bOffset + nHidden;
        p = wOffset + nHidden * nModes;
        for (int s = 0; s < particles.length; s++) {
            vOffset[s] = p;
            p += nSites * particles[s] * nHidden;
        }
        params = new double[p];
        for (int s = 0; s < particles.length; s++) {
            DMatrixRMaj phi = orbitals.orbitals(s);
            System.arraycopy(phi.data, 0, params, phiOffset[s], phi.data.length);
        }
    }

    /** Backflow around these orbitals with M hidden units; b = W = V = 0, so ψ starts as det Φ. */
    public static NeuralBackflow of(SpinOrbitals orbitals, int nHidden) {
        return new NeuralBackflow(orbitals, nHidden);
    }

    @Override
    public int nSites() {
        return nSites;
    }

    @Override
    public int nSpecies() {
        return particles.length;
    }

    @Override
    public int nParameters() {
        return params.length;
    }

    @Override
    public void getParameters(double[] dst) {
        System.arraycopy(params, 0, dst, 0, params.length);
    }

    @Override
    public void setParameters(double[] src) {
        System.arraycopy(src, 0, params, 0, params.length);
    }

    @Override
    public void logPsi(int[] n, double[] out) {
        Cache c = new Cache();
        c.reset(n);
        c.logPsi(out);
    }

    @Override
    public FermionCache newCache() {
        return new Cache();
    }

    /** Per-chain workspace: θ, h, one matrix, LU and inverse per species; allocation-free after construction. */
    private final class Cache implements FermionCache {
        @Override
        public int nSpecies() {
            return particles.length;
        }

        private final int[] occupations = new int[nModes];
        private final double[] theta = new double[nHidden];
        private final double[] h = new double[nHidden];
        private final int[][] rows = new int[particles.length][];      // occupied site of each row, ascending
        private final DMatrixRMaj[] a = new DMatrixRMaj[particles.length];
        private final DMatrixRMaj[] inverse = new DMatrixRMaj[particles.length];
        private final LogDeterminant[] lu = new LogDeterminant[particles.length];
        private final double[] g = new double[nHidden];
        private double logAbs;          // of the current configuration
        private double sign;
        private double lastLog;         // of the last evaluate()
        private double lastSign;

        Cache() {
            for (int s = 0; s < particles.length; s++) {
                rows[s] = new int[particles[s]];
                a[s] = new DMatrixRMaj(particles[s], particles[s]);
                inverse[s] = new DMatrixRMaj(particles[s], particles[s]);
                lu[s] = new LogDeterminant(particles[s]);
            }
        }

        @Override
        public void reset(int[] n) {
            System.arraycopy(n, 0, occupations, 0, nModes);
            for (int m = 0; m < nHidden; m++) {
                double t = params[bOffset + m];
                for (int q = 0; q < nModes; q++) {
                    t += params[wOffset + m * nModes + q] * occupations[q];
                }
                theta[m] = t;
            }
            evaluate();
            logAbs = lastLog;
            sign = lastSign;
        }

        /** h = tanh θ, then every species' backflow matrix at {@code occupations} and its LU. */
        private void evaluate() {
            for (int m = 0; m < nHidden; m++) {
                h[m] = Math.tanh(theta[m]);
            }
            double log = 0;
            double sgn = 1;
            for (int s = 0; s < particles.length; s++) {
                int ns = particles[s];
                int row = 0;
                for (int r = 0; r < nSites; r++) {
                    if (occupations[r + s * nSites] == 1) {
                        if (row == ns) {
                            throw new IllegalArgumentException("more than " + ns + " particles of species " + s);
                        }
                        rows[s][row] = r;
                        for (int k = 0; k < ns; k++) {
                            a[s].data[row * ns + k] = orbital(s, r, k);
                        }
                        row++;
                    }
                }
                if (row != ns) {
                    throw new IllegalArgumentException(row + " particles of species " + s + ", expected " + ns);
                }
                lu[s].decompose(a[s]);
                log += lu[s].logAbs();
                sgn *= lu[s].sign();
            }
            lastLog = log;
            lastSign = sgn;
        }

        /** φ^s_k(r; n) = Φ^s_{rk} + Σ_m V^s_{(rk),m} h_m. */
        private double orbital(int s, int r, int k) {
            int rk = r * particles[s] + k;
            double value = params[phiOffset[s] + rk];
            int v = vOffset[s] + rk * nHidden;
            for (int m = 0; m < nHidden; m++) {
                value += params[v + m] * h[m];
            }
            return value;
        }

        @Override
        public int[] configuration() {
            return occupations;
        }

        /** A fresh determinant of every species at n′: O(N³ + N²M), inherent to backflow. */
        @Override
        public double ratio(int species, int from, int to) {
            FermionCache.requireHop(occupations, nSites, species, from, to);
            hop(species, from, to);
            evaluate();
            hop(species, to, from);
            return lastRatio();
        }

        /** Two hops at once: a fresh determinant at n″, as for one hop. */
        @Override
        public double ratio(int s1, int from1, int to1, int s2, int from2, int to2) {
            FermionCache.requireTwoHops(occupations, nSites, s1, from1, to1, s2, from2, to2);
            hop(s1, from1, to1);
            hop(s2, from2, to2);
            evaluate();
            hop(s2, to2, from2);
            hop(s1, to1, from1);
            return lastRatio();
        }

        /** ψ of the last {@link #evaluate()} over ψ of the current configuration; 0 on a node. */
        private double lastRatio() {
            return lastSign == 0 ? 0 : lastSign * sign * Math.exp(lastLog - logAbs);
        }

        @Override
        public void applyHops(int s1, int from1, int to1, int s2, int from2, int to2) {
            FermionCache.requireTwoHops(occupations, nSites, s1, from1, to1, s2, from2, to2);
            hop(s1, from1, to1);
            hop(s2, from2, to2);
            accept();
        }

        /** Moves a particle and θ by W's columns, O(M). */
        private void hop(int species, int from, int to) {
            int a0 = from + species * nSites;
            int a1 = to + species * nSites;
            occupations[a0] = 0;
            occupations[a1] = 1;
            for (int m = 0; m < nHidden; m++) {
                theta[m] += params[wOffset + m * nModes + a1] - params[wOffset + m * nModes + a0];
            }
        }

        @Override
        public void applyHop(int species, int from, int to) {
            FermionCache.requireHop(occupations, nSites, species, from, to);
            hop(species, from, to);
            accept();
        }

        /** Takes the moved configuration's determinant as the current one. */
        private void accept() {
            evaluate();
            if (lastSign == 0) {
                throw new IllegalStateException("move onto a node of the backflow determinant");
            }
            logAbs = lastLog;
            sign = lastSign;
        }

        @Override
        public void logPsi(double[] out) {
            out[0] = logAbs;
            out[1] = sign < 0 ? Math.PI : 0;
        }

        @Override
        public void logDerivatives(double[] out, int offset) {
            evaluate(); // the LU of the current configuration (a ratio may have replaced it)
            java.util.Arrays.fill(g, 0);
            java.util.Arrays.fill(out, offset, offset + params.length, 0);
            for (int s = 0; s < particles.length; s++) {
                int ns = particles[s];
                lu[s].invert(inverse[s]);
                for (int i = 0; i < ns; i++) {
                    int r = rows[s][i];
                    for (int k = 0; k < ns; k++) {
                        double gk = inverse[s].data[k * ns + i];
                        int rk = r * ns + k;
                        out[offset + phiOffset[s] + rk] = gk;
                        int v = vOffset[s] + rk * nHidden;
                        for (int m = 0; m < nHidden; m++) {
                            out[offset + v + m] = gk * h[m];
                            g[m] += gk * params[v + m];
                        }
                    }
                }
            }
            for (int m = 0; m < nHidden; m++) {
                double d = g[m] * (1 - h[m] * h[m]);
                out[offset + bOffset + m] = d;
                for (int q = 0; q < nModes; q++) {
                    out[offset + wOffset + m * nModes + q] = d * occupations[q];
                }
            }
        }
    }
}
