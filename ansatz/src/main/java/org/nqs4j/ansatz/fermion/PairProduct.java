package org.nqs4j.ansatz.fermion;

import org.ejml.data.DMatrixRMaj;

/**
 * The pair-product (pairing, AGP) state of N↑ = N↓ = N fermions,
 * |ψ⟩ = (Σ_{r r′} F_{r r′} c†_{r↑} c†_{r′↓})^N |0⟩ (up to N! and a constant sign), whose amplitude in
 * the Jordan–Wigner basis is
 * <pre>  ψ(n) = det F[r↑_1 &lt; ⋯ &lt; r↑_N ; r↓_1 &lt; ⋯ &lt; r↓_N]</pre>
 * (rows the occupied ↑ sites, columns the occupied ↓ sites, both in increasing order: expanding the
 * N-th power pairs ↑ particle i with ↓ particle π(i), and sorting the c† to the basis order costs the
 * constant (−1)^{N(N−1)/2} times sgn π). The pairing wave function of mVMC and of the RBM + PP
 * state of Nomura et al., PRB 96, 205152 (2017); Tahara &amp; Imada, JPSJ 77, 114701 (2008).
 *
 * <p>It contains the spin-resolved Slater determinant: F = Φ↑ Φ↓ᵀ gives
 * det(Φ↑[r↑; :] Φ↓[r↓; :]ᵀ) = det Φ↑[r↑; :] · det Φ↓[r↓; :] ({@link #of(SpinOrbitals)}), so it starts
 * where a {@link SlaterDeterminant} would and can also mix the degenerate levels of an open shell.
 *
 * <p>Parameters: F row-major, index r·L + r′ (P = L²). O_{r r′} = ∂ log ψ/∂F_{r r′} = (A⁻¹)_{j i}
 * when r is the i-th occupied ↑ site and r′ the j-th occupied ↓ site, 0 otherwise. Or, with the pairs
 * tied into classes ({@link #tied}, F_{r r′} = s_{r r′} f_c), the class amplitudes f_c, with
 * O_c = Σ_{(r r′) ∈ c} s_{r r′} O_{r r′} over the occupied pairs.
 *
 * <p>The cache holds A⁻¹ of the slot-ordered matrix A_{ij} = F_{r↑_i r↓_j}. A ↑ hop r → r′ replaces
 * row i = slot(r) by u_j = F_{r′ r↓_j}: ratio ρ = Σ_j u_j (A⁻¹)_{j i} (O(N)); a ↓ hop replaces
 * column j by v_i = F_{r↑_i r′}: ρ = Σ_i (A⁻¹)_{j i} v_i (O(N)); times the Jordan–Wigner sign of the
 * re-sort, (−1)^{occupied sites of the species strictly between r and r′}. Accepted hops update the
 * inverse by Sherman–Morrison in O(N²), with a fresh LU every 4N accepted hops against drift. An ↑ and
 * a ↓ hop at once (row i and column j replaced together: the exchange of two opposite spins, when the
 * state is read as a spin state by {@link GutzwillerProjected}) cost O(N²):
 * <pre>  ρ = ρ₁ Σ_l (A⁻¹)_{j l} v_l − (A⁻¹)_{j i} (Σ_l w_l v_l − v_i)</pre>
 * with w = uᵀA⁻¹ (ρ₁ = w_i, the row replacement alone) and v the new column, whose entry in row i is
 * F at the new ↑ and ↓ sites: the two Sherman–Morrison steps multiplied out, with no division, so that
 * it holds where the row replacement alone is a node. Two hops of one species (double excitations of
 * molecular Hamiltonians) are evaluated from a fresh LU, O(N³).
 */
public final class PairProduct implements FermionWaveFunction {
    /** Accepted hops between fresh recomputations, in units of N. */
    static final int REFRESH_PER_PAIR = 4;
    /**
     * |ρ₁| below which an accepted ↑↓ pair of hops is not applied as two Sherman–Morrison steps: the
     * intermediate matrix (row replaced, column not yet) is near a node, and its inverse would carry
     * rounding errors amplified by 1/|ρ₁| into the tables; a fresh LU instead.
     */
    static final double NEAR_NODE = 1e-3;

    private final int nSites;
    private final int nPairs;
    /** F, L × L row-major (with tied pairs: s_k f_{c(k)}, kept expanded for the ratios). */
    private final double[] f;
    /** The classes of tied pairs, or null: every F_{r r′} a parameter. */
    private final PairClasses classes;
    /** f_c of the classes (tied pairs only). */
    private final double[] values;

    private PairProduct(int nSites, int nPairs, double[] f) {
        this(nSites, nPairs, f, null);
    }

    private PairProduct(int nSites, int nPairs, double[] f, PairClasses classes) {
        if (nPairs < 1 || nPairs > nSites) {
            throw new IllegalArgumentException("a pair product needs 1 ≤ N ≤ L pairs, got N = " + nPairs + " on L = "
                    + nSites + " sites");
        }
        this.nSites = nSites;
        this.nPairs = nPairs;
        this.f = f;
        this.classes = classes;
        this.values = classes == null ? null : classes.valuesOf(f);
        if (classes != null) {
            expand();
        }
    }

    /**
     * F = Φ↑ Φ↓ᵀ from the orbitals of a spin-resolved determinant with N↑ = N↓: the same amplitudes
     * as {@code SlaterDeterminant.of(orbitals)}.
     */
    public static PairProduct of(SpinOrbitals orbitals) {
        return new PairProduct(orbitals.nSites(), orbitals.nParticles(0), pairing(orbitals).data);
    }

    /** The pair product of {@code nPairs} pairs with the L × L pairing amplitudes {@code f} (row-major, copied). */
    public static PairProduct of(int nSites, int nPairs, double[] f) {
        if (f.length != nSites * nSites) {
            throw new IllegalArgumentException("F has " + f.length + " entries, L × L = " + nSites * nSites);
        }
        return new PairProduct(nSites, nPairs, f.clone());
    }

    /**
     * The pair product of {@code nPairs} pairs whose amplitudes F (row-major, invariant under the classes:
     * {@link PairClasses#valuesOf}) are tied into {@code classes}: its parameters are the class amplitudes.
     */
    public static PairProduct tied(PairClasses classes, int nPairs, double[] f) {
        int n = classes.nSites();
        if (f.length != n * n || classes.classOf().length != n * n) {
            throw new IllegalArgumentException("F has " + f.length + " entries, the classes " + classes.classOf().length);
        }
        return new PairProduct(n, nPairs, f.clone(), classes);
    }

    /** F_k = s_k f_{c(k)}. */
    private void expand() {
        int[] classOf = classes.classOf();
        double[] signOf = classes.signOf();
        for (int k = 0; k < f.length; k++) {
            f[k] = signOf[k] * values[classOf[k]];
        }
    }

    /** F = Φ↑ Φ↓ᵀ (L × L); throws unless there are two species with N↑ = N↓. */
    static DMatrixRMaj pairing(SpinOrbitals orbitals) {
        if (orbitals.nSpecies() != 2 || orbitals.orbitals(0).numCols != orbitals.orbitals(1).numCols) {
            throw new IllegalArgumentException("a pair product pairs every ↑ with a ↓ fermion: it needs two species"
                    + " with N↑ = N↓");
        }
        DMatrixRMaj up = orbitals.orbitals(0);
        DMatrixRMaj down = orbitals.orbitals(1);
        DMatrixRMaj pairs = new DMatrixRMaj(up.numRows, down.numRows);
        org.ejml.dense.row.CommonOps_DDRM.multTransB(up, down, pairs);
        return pairs;
    }

    @Override
    public String description() {
        return "pair product (L=" + nSites + ", pairs " + nPairs + (classes == null ? "" : ", F tied in "
                + classes.count() + " classes") + ", P=" + nParameters() + ")";
    }

    @Override
    public int nSites() {
        return nSites;
    }

    @Override
    public int nSpecies() {
        return 2;
    }

    @Override
    public int nParameters() {
        return classes == null ? f.length : values.length;
    }

    @Override
    public void getParameters(double[] dst) {
        System.arraycopy(classes == null ? f : values, 0, dst, 0, nParameters());
    }

    @Override
    public void setParameters(double[] src) {
        if (classes == null) {
            System.arraycopy(src, 0, f, 0, f.length);
        } else {
            System.arraycopy(src, 0, values, 0, values.length);
            expand();
        }
    }

    /** The site-ordered N × N matrix and its LU: O(N³), for tests and exact sums. */
    @Override
    public void logPsi(int[] n, double[] out) {
        int[] up = occupied(n, 0);
        int[] down = occupied(n, nSites);
        DMatrixRMaj a = new DMatrixRMaj(nPairs, nPairs);
        for (int i = 0; i < nPairs; i++) {
            for (int j = 0; j < nPairs; j++) {
                a.data[i * nPairs + j] = f[up[i] * nSites + down[j]];
            }
        }
        LogDeterminant lu = new LogDeterminant(nPairs);
        lu.decompose(a);
        out[0] = lu.logAbs();
        out[1] = lu.sign() < 0 ? Math.PI : 0;
    }

    /** The occupied sites of one species (orbitals offset..offset + L) in increasing order; exactly N of them. */
    private int[] occupied(int[] n, int offset) {
        int[] sites = new int[nPairs];
        int count = 0;
        for (int r = 0; r < nSites; r++) {
            if (n[offset + r] == 1) {
                if (count == nPairs) {
                    throw new IllegalArgumentException("more than " + nPairs + " particles of species "
                            + offset / nSites);
                }
                sites[count++] = r;
            }
        }
        if (count != nPairs) {
            throw new IllegalArgumentException(count + " particles of species " + offset / nSites + ", the pair"
                    + " product has " + nPairs);
        }
        return sites;
    }

    @Override
    public FermionCache newCache() {
        return new Cache();
    }

    /**
     * A⁻¹ stored with its columns contiguous, {@code inverseT[c·N + k]} = (A⁻¹)_{k c}; rows of A are
     * ↑ slots, columns ↓ slots (a site keeps its slot while its particle hops).
     */
    private final class Cache implements FermionCache {
        private final int n = nPairs;
        private final int[] occupations = new int[2 * nSites];
        private final int[][] slotOfSite = {new int[nSites], new int[nSites]};
        private final int[][] siteOfSlot = {new int[nPairs], new int[nPairs]};
        private final double[] inverseT = new double[nPairs * nPairs];
        private final double[] w = new double[nPairs];
        private final double[] column = new double[nPairs];
        private final DMatrixRMaj a = new DMatrixRMaj(nPairs, nPairs);
        private final DMatrixRMaj inverse = new DMatrixRMaj(nPairs, nPairs);
        private final LogDeterminant lu = new LogDeterminant(nPairs);
        private final double[] fresh = new double[2];
        private double logAbs;
        private double sign;
        private int hopsSinceRefresh;

        @Override
        public int nSpecies() {
            return 2;
        }

        @Override
        public int[] configuration() {
            return occupations;
        }

        /** Slots in increasing site order, a fresh LU and inverse. */
        @Override
        public void reset(int[] x) {
            System.arraycopy(x, 0, occupations, 0, occupations.length);
            for (int s = 0; s < 2; s++) {
                int slot = 0;
                for (int r = 0; r < nSites; r++) {
                    if (occupations[r + s * nSites] == 1) {
                        if (slot == n) {
                            throw new IllegalArgumentException("more than " + n + " particles of species " + s);
                        }
                        slotOfSite[s][r] = slot;
                        siteOfSlot[s][slot++] = r;
                    } else {
                        slotOfSite[s][r] = -1;
                    }
                }
                if (slot != n) {
                    throw new IllegalArgumentException(slot + " particles of species " + s + ", the pair product has "
                            + n);
                }
            }
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    a.data[i * n + j] = f[siteOfSlot[0][i] * nSites + siteOfSlot[1][j]];
                }
            }
            lu.decompose(a);
            if (lu.sign() == 0) {
                throw new IllegalArgumentException("ψ(n) = 0: a walker cannot sit on a node of the pair product");
            }
            logAbs = lu.logAbs();
            sign = lu.sign();
            lu.invertTransposed(inverse, inverseT);
            hopsSinceRefresh = 0;
        }

        @Override
        public double ratio(int species, int from, int to) {
            FermionCache.requireHop(occupations, nSites, species, from, to);
            return FermionCache.jordanWignerSign(occupations, species * nSites, from, to)
                    * (species == 0 ? rowRatio(to, slotOfSite[0][from])
                    : columnRatio(to, slotOfSite[1][from]));
        }

        /** Σ_j F_{to, r↓_j} (A⁻¹)_{j c}: row i of A replaced by the pairs of ↑ site {@code to}, read at column c of A⁻¹. */
        private double rowRatio(int to, int c) {
            int p = to * nSites;
            int q = c * n;
            double s = 0;
            for (int j = 0; j < n; j++) {
                s += f[p + siteOfSlot[1][j]] * inverseT[q + j];
            }
            return s;
        }

        /** Σ_i (A⁻¹)_{k i} F_{r↑_i, to}: row k of A⁻¹ times the new column of ↓ site {@code to}. */
        private double columnRatio(int to, int k) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += inverseT[i * n + k] * f[siteOfSlot[0][i] * nSites + to];
            }
            return s;
        }

        /**
         * Sherman–Morrison. ↑ (row i → u): with w_c = (uᵀA⁻¹)_c, column c ≠ i of A⁻¹ loses
         * (w_c/ρ)·column i and column i is divided by ρ = w_i. ↓ (column j → v): with z = A⁻¹v,
         * (A⁻¹)_{kc} loses (z_k − δ_kj)(A⁻¹)_{jc}/ρ, ρ = z_j.
         */
        @Override
        public void applyHop(int species, int from, int to) {
            FermionCache.requireHop(occupations, nSites, species, from, to);
            hop(species, from, to);
            refreshWhenDue(1);
        }

        /** A fresh LU once {@link #REFRESH_PER_PAIR}·N hops have been applied incrementally. */
        private void refreshWhenDue(int hops) {
            hopsSinceRefresh += hops;
            if (hopsSinceRefresh >= REFRESH_PER_PAIR * n) {
                reset(occupations);
            }
        }

        /** The checked hop applied to the tables by Sherman–Morrison (no refresh). */
        private void hop(int species, int from, int to) {
            double rho;
            int slot = slotOfSite[species][from];
            if (species == 0) {
                for (int c = 0; c < n; c++) {
                    w[c] = rowRatio(to, c);
                }
                rho = w[slot];
                int rowI = slot * n;
                for (int c = 0; c < n; c++) {
                    if (c != slot) {
                        double g = w[c] / rho;
                        int rowC = c * n;
                        for (int k = 0; k < n; k++) {
                            inverseT[rowC + k] -= g * inverseT[rowI + k];
                        }
                    }
                }
                for (int k = 0; k < n; k++) {
                    inverseT[rowI + k] /= rho;
                }
            } else {
                java.util.Arrays.fill(w, 0);
                for (int i = 0; i < n; i++) {
                    double v = f[siteOfSlot[0][i] * nSites + to];
                    int row = i * n;
                    for (int k = 0; k < n; k++) {
                        w[k] += inverseT[row + k] * v;
                    }
                }
                rho = w[slot];
                w[slot] -= 1;
                for (int c = 0; c < n; c++) {
                    column[c] = inverseT[c * n + slot] / rho;
                }
                for (int c = 0; c < n; c++) {
                    int row = c * n;
                    double g = column[c];
                    for (int k = 0; k < n; k++) {
                        inverseT[row + k] -= w[k] * g;
                    }
                }
            }
            logAbs += Math.log(Math.abs(rho));
            sign *= Math.signum(rho) * FermionCache.jordanWignerSign(occupations, species * nSites, from, to);
            slotOfSite[species][to] = slot;
            slotOfSite[species][from] = -1;
            siteOfSlot[species][slot] = to;
            occupations[from + species * nSites] = 0;
            occupations[to + species * nSites] = 1;
        }

        /**
         * An ↑ and a ↓ hop: O(N²) by the class's formula (with the Jordan–Wigner signs of both hops); two hops of one
         * species from a fresh LU of the matrix after both, O(N³) (double excitations are rare moves).
         */
        @Override
        public double ratio(int s1, int from1, int to1, int s2, int from2, int to2) {
            if (s1 != s2) {
                FermionCache.requireTwoHops(occupations, nSites, s1, from1, to1, s2, from2, to2);
                return s1 == 0 ? pairRatio(from1, to1, from2, to2) : pairRatio(from2, to2, from1, to1);
            }
            PairProduct.this.logPsi(afterHops(s1, from1, to1, s2, from2, to2), fresh);
            return Math.exp(fresh[0] - logAbs) * Math.cos(fresh[1]) * sign;
        }

        /** ψ(n″)/ψ(n) for the ↑ hop upFrom → upTo and the ↓ hop downFrom → downTo together (checked). */
        private double pairRatio(int upFrom, int upTo, int downFrom, int downTo) {
            int i = slotOfSite[0][upFrom];
            int j = slotOfSite[1][downFrom];
            for (int c = 0; c < n; c++) {
                w[c] = rowRatio(upTo, c);
            }
            double bv = 0; // Σ_l (A⁻¹)_{j l} v_l
            double wv = 0; // Σ_l w_l v_l
            for (int l = 0; l < n; l++) {
                double v = f[(l == i ? upTo : siteOfSlot[0][l]) * nSites + downTo];
                bv += inverseT[l * n + j] * v;
                wv += w[l] * v;
            }
            double vi = f[upTo * nSites + downTo];
            double rho = w[i] * bv - inverseT[i * n + j] * (wv - vi);
            return FermionCache.jordanWignerSign(occupations, 0, upFrom, upTo)
                    * FermionCache.jordanWignerSign(occupations, nSites, downFrom, downTo) * rho;
        }

        /**
         * An ↑ and a ↓ hop as two Sherman–Morrison steps, unless the first alone lands near a node
         * ({@link #NEAR_NODE}: then a fresh LU); two hops of one species from a fresh LU.
         */
        @Override
        public void applyHops(int s1, int from1, int to1, int s2, int from2, int to2) {
            if (s1 != s2) {
                FermionCache.requireTwoHops(occupations, nSites, s1, from1, to1, s2, from2, to2);
                int upFrom = s1 == 0 ? from1 : from2;
                int upTo = s1 == 0 ? to1 : to2;
                int downFrom = s1 == 0 ? from2 : from1;
                int downTo = s1 == 0 ? to2 : to1;
                if (Math.abs(rowRatio(upTo, slotOfSite[0][upFrom])) >= NEAR_NODE) {
                    hop(0, upFrom, upTo);
                    hop(1, downFrom, downTo);
                    refreshWhenDue(2);
                    return;
                }
            }
            reset(afterHops(s1, from1, to1, s2, from2, to2));
        }

        /** A new array: the occupations after the two (checked) hops. */
        private int[] afterHops(int s1, int from1, int to1, int s2, int from2, int to2) {
            FermionCache.requireTwoHops(occupations, nSites, s1, from1, to1, s2, from2, to2);
            int[] after = occupations.clone();
            after[from1 + s1 * nSites] = 0;
            after[to1 + s1 * nSites] = 1;
            after[from2 + s2 * nSites] = 0;
            after[to2 + s2 * nSites] = 1;
            return after;
        }

        @Override
        public void logPsi(double[] out) {
            out[0] = logAbs;
            out[1] = sign < 0 ? Math.PI : 0;
        }

        /**
         * O_{r r′} = (A⁻¹)_{slot(r′), slot(r)} for occupied ↑ r and ↓ r′, 0 elsewhere; with tied pairs their
         * sums over each class, O_c = Σ s_{r r′} O_{r r′}.
         */
        @Override
        public void logDerivatives(double[] out, int offset) {
            java.util.Arrays.fill(out, offset, offset + nParameters(), 0);
            for (int i = 0; i < n; i++) {
                int row = siteOfSlot[0][i] * nSites;
                for (int j = 0; j < n; j++) {
                    int k = row + siteOfSlot[1][j];
                    if (classes == null) {
                        out[offset + k] = inverseT[i * n + j];
                    } else {
                        out[offset + classes.classOf()[k]] += classes.signOf()[k] * inverseT[i * n + j];
                    }
                }
            }
        }
    }
}
