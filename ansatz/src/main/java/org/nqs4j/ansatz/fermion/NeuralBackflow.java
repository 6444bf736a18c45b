package org.nqs4j.ansatz.fermion;

import org.ejml.data.DMatrixRMaj;

/**
 * Neural-network backflow (Luo &amp; Clark, PRL 122, 226401 (2019)): a determinant state whose
 * one-body tables depend on the whole configuration through one hidden layer of M tanh units over
 * the L·S occupations, h = tanh(b + W n). Two antisymmetric factors take it:
 * <ul>
 * <li>{@link #of}, the Slater determinant: orbitals φ^s_k(r; n) = Φ^s_{rk} + Σ_m V^s_{(rk),m} h_m(n),
 * ψ(n) = Π_s det[φ^s_k(r^s_i; n)]_{ik} with the occupied sites r^s_i of species s ascending (the sign
 * convention of {@link SlaterDeterminant});</li>
 * <li>{@link #pairing}, the pair product: pairing function F_{rr′}(n) = F_{rr′} + Σ_m V_{(rr′),m} h_m(n),
 * ψ(n) = det[F_{r↑_i r↓_j}(n)]_{ij} with the occupied ↑ sites as rows and ↓ sites as columns, both
 * ascending (the sign convention of {@link PairProduct}): the backflow of the pairing function of
 * Tocchio et al., PRB 78, 041101 (2008), with a neural network in place of their few-parameter form.
 * It can mix the degenerate levels of an open shell and pair the spins into a singlet, which one
 * backflow determinant of Φ↑, Φ↓ does only through the network.</li>
 * </ul>
 * With V = 0 either is the plain determinant of its table.
 *
 * <p>Both are one scheme: a factor ("block") is det A with A_{ij} = X_{row_i, col_j} +
 * Σ_m V_{(row_i col_j),m} h_m, where the rows are the occupied sites of one species and the columns
 * the orbital indices 0..N_s − 1 (Slater: X = Φ^s, L × N_s) or the occupied sites of the other
 * species (pairing: X = F, L × L).
 *
 * <p><b>Cost.</b> A hop changes n and so every entry of every block: the ratio needs a fresh
 * determinant, O(N³ + N² M) per proposal (θ = b + W n itself is updated in O(M)). This is inherent
 * to backflow; there is no rank-one update.
 *
 * <p>Parameters: [X of every block (row-major), b (M), W (M × L·S row-major), V of every block
 * ((row·cols + col) × M row-major)]; for the Slater determinant [Φ^0, Φ^1, b, W, V^0, V^1]. With
 * G_{ij} = ∂ log |det A|/∂A_{ij} = (A⁻¹)_{ji} and g_m = Σ_{blocks, ij} G_{ij} V_{(row_i col_j),m}:
 * O_X = G at (row_i, col_j) (0 elsewhere), O_V = G h_m, O_b = g_m (1 − h_m²), O_W = g_m (1 − h_m²) n_a.
 */
public final class NeuralBackflow implements FermionWaveFunction {
    /** {@link Block#colSpecies} of a Slater block: the columns are the orbitals 0..N − 1. */
    private static final int ORBITALS = -1;

    /**
     * One determinant: rows the occupied sites of {@code rowSpecies} (ascending), columns the orbital
     * indices ({@code colSpecies} = {@link #ORBITALS}) or the occupied sites of {@code colSpecies};
     * its table X (L × {@code tableCols}) and backflow V start at the given parameter offsets.
     */
    private record Block(int rowSpecies, int colSpecies, int size, int tableCols, int xOffset, int vOffset) {
    }

    private final int nSites;
    private final int[] particles;
    private final int nHidden;
    private final int nModes;
    private final double[] params;
    private final Block[] blocks;
    private final int bOffset;
    private final int wOffset;

    /** The tables X of the blocks, each L × cols[b] row-major, with N = sizes[b] rows of each determinant. */
    private NeuralBackflow(int nSites, int[] particles, int nHidden, int[] rowSpecies, int[] colSpecies,
                           DMatrixRMaj[] tables) {
        if (nHidden < 1) {
            throw new IllegalArgumentException("the backflow network needs at least one hidden unit, got " + nHidden);
        }
        this.nSites = nSites;
        this.particles = particles.clone();
        this.nHidden = nHidden;
        this.nModes = nSites * particles.length;
        this.blocks = new Block[tables.length];
        int p = 0;
        for (DMatrixRMaj table : tables) {
            p += table.data.length;
        }
        bOffset = p;
        wOffset = bOffset + nHidden;
        p = wOffset + nHidden * nModes;
        int x = 0;
        for (int b = 0; b < tables.length; b++) {
            blocks[b] = new Block(rowSpecies[b], colSpecies[b], particles[rowSpecies[b]], tables[b].numCols, x, p);
            x += tables[b].data.length;
            p += tables[b].data.length * nHidden;
        }
        params = new double[p];
        for (int b = 0; b < tables.length; b++) {
            System.arraycopy(tables[b].data, 0, params, blocks[b].xOffset(), tables[b].data.length);
        }
    }

    /** Backflow of the Slater determinant of these orbitals with M hidden units; b = W = V = 0, so ψ starts as det Φ. */
    public static NeuralBackflow of(SpinOrbitals orbitals, int nHidden) {
        int species = orbitals.nSpecies();
        int[] particles = new int[species];
        int[] rows = new int[species];
        int[] cols = new int[species];
        DMatrixRMaj[] tables = new DMatrixRMaj[species];
        for (int s = 0; s < species; s++) {
            particles[s] = orbitals.nParticles(s);
            rows[s] = s;
            cols[s] = ORBITALS;
            tables[s] = orbitals.orbitals(s);
        }
        return new NeuralBackflow(orbitals.nSites(), particles, nHidden, rows, cols, tables);
    }

    /**
     * Backflow of the pair product with F = Φ↑ Φ↓ᵀ (N↑ = N↓; the determinant of the orbitals at the
     * start, as {@link PairProduct#of}) and M hidden units; b = W = V = 0.
     */
    public static NeuralBackflow pairing(SpinOrbitals orbitals, int nHidden) {
        DMatrixRMaj f = PairProduct.pairing(orbitals);
        return new NeuralBackflow(orbitals.nSites(), new int[] {orbitals.nParticles(0), orbitals.nParticles(1)},
                nHidden, new int[] {0}, new int[] {1}, new DMatrixRMaj[] {f});
    }

    @Override
    public String description() {
        return "neural backflow (Luo & Clark; " + (blocks[0].colSpecies() == ORBITALS ? "Slater determinant"
                : "pair product") + ", L=" + nSites + ", particles " + java.util.Arrays.toString(particles) + ", M="
                + nHidden + ", P=" + nParameters() + ")";
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
    public FermionCache newCache() {
        return new Cache();
    }

    /** Per-chain workspace: θ, h, and per block its rows, columns, matrix, LU and inverse; allocation-free after construction. */
    private final class Cache implements FermionCache {
        @Override
        public int nSpecies() {
            return particles.length;
        }

        private final int[] occupations = new int[nModes];
        private final double[] theta = new double[nHidden];
        private final double[] h = new double[nHidden];
        private final int[][] rows = new int[blocks.length][];      // table row of each matrix row
        private final int[][] cols = new int[blocks.length][];      // table column of each matrix column
        private final DMatrixRMaj[] a = new DMatrixRMaj[blocks.length];
        private final DMatrixRMaj[] inverse = new DMatrixRMaj[blocks.length];
        private final LogDeterminant[] lu = new LogDeterminant[blocks.length];
        private final double[] g = new double[nHidden];
        private double logAbs;          // of the current configuration
        private double sign;
        private double lastLog;         // of the last evaluate()
        private double lastSign;

        Cache() {
            for (int b = 0; b < blocks.length; b++) {
                int n = blocks[b].size();
                rows[b] = new int[n];
                cols[b] = new int[n];
                for (int k = 0; k < n; k++) {
                    cols[b][k] = k; // the orbital columns of a Slater block; a pairing block overwrites them
                }
                a[b] = new DMatrixRMaj(n, n);
                inverse[b] = new DMatrixRMaj(n, n);
                lu[b] = new LogDeterminant(n);
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

        /** h = tanh θ, then every block's backflow matrix at {@code occupations} and its LU. */
        private void evaluate() {
            for (int m = 0; m < nHidden; m++) {
                h[m] = Math.tanh(theta[m]);
            }
            double log = 0;
            double sgn = 1;
            for (int b = 0; b < blocks.length; b++) {
                Block block = blocks[b];
                int size = block.size();
                occupiedSites(block.rowSpecies(), rows[b]);
                if (block.colSpecies() != ORBITALS) {
                    occupiedSites(block.colSpecies(), cols[b]);
                }
                for (int i = 0; i < size; i++) {
                    for (int j = 0; j < size; j++) {
                        a[b].data[i * size + j] = entry(block, rows[b][i], cols[b][j]);
                    }
                }
                lu[b].decompose(a[b]);
                log += lu[b].logAbs();
                sgn *= lu[b].sign();
            }
            lastLog = log;
            lastSign = sgn;
        }

        /** The occupied sites of species s in increasing order into {@code sites}, which must hold all N_s of them. */
        private void occupiedSites(int s, int[] sites) {
            int count = 0;
            for (int r = 0; r < nSites; r++) {
                if (occupations[r + s * nSites] == 1) {
                    if (count == sites.length) {
                        throw new IllegalArgumentException("more than " + sites.length + " particles of species " + s);
                    }
                    sites[count++] = r;
                }
            }
            if (count != sites.length) {
                throw new IllegalArgumentException(count + " particles of species " + s + ", expected " + sites.length);
            }
        }

        /** X_{rc} + Σ_m V_{(rc),m} h_m. */
        private double entry(Block block, int r, int c) {
            int rc = r * block.tableCols() + c;
            double value = params[block.xOffset() + rc];
            int v = block.vOffset() + rc * nHidden;
            for (int m = 0; m < nHidden; m++) {
                value += params[v + m] * h[m];
            }
            return value;
        }

        @Override
        public int[] configuration() {
            return occupations;
        }

        /** A fresh determinant of every block at n′: O(N³ + N²M), inherent to backflow. */
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
            for (int b = 0; b < blocks.length; b++) {
                Block block = blocks[b];
                int size = block.size();
                lu[b].invert(inverse[b]);
                for (int i = 0; i < size; i++) {
                    for (int j = 0; j < size; j++) {
                        double gij = inverse[b].data[j * size + i];
                        int rc = rows[b][i] * block.tableCols() + cols[b][j];
                        out[offset + block.xOffset() + rc] = gij;
                        int v = block.vOffset() + rc * nHidden;
                        for (int m = 0; m < nHidden; m++) {
                            out[offset + v + m] = gij * h[m];
                            g[m] += gij * params[v + m];
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
