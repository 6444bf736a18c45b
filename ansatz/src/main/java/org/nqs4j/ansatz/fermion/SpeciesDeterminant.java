package org.nqs4j.ansatz.fermion;

import org.ejml.data.DMatrixRMaj;

/**
 * The walker table of one species' determinant det A, A_{ik} = Φ_{r_i k} with r_i the occupied
 * sites: the inverse, stored transposed as {@code inverseT[i·N + k]} = (A⁻¹)_{k i} so that every
 * product below is a contiguous row.
 *
 * <p>Rows of A sit in "slots" (the slot of a site is kept while the particle hops), so A differs
 * from the site-ordered matrix of ψ by a row permutation. A hop r → r′ replaces row i = slot(r) by
 * Φ_{r′}: by the matrix determinant lemma the slot-ordered ratio is
 * ρ = Σ_k Φ_{r′k} (A⁻¹)_{k i} (O(N)), and re-sorting the rows of the site-ordered determinant moves
 * r′ past the occupied sites between r and r′: ψ′/ψ = (−1)^{#between} ρ. An accepted hop updates
 * the inverse by Sherman–Morrison in O(N²): with w_j = Σ_k Φ_{r′k} (A⁻¹)_{k j} (w_i = ρ),
 * column j ≠ i of A⁻¹ loses (w_j/ρ)·column i and column i is divided by ρ. Rounding accumulates
 * in the updates, so every {@code refreshInterval} accepted hops the inverse and log |det| are
 * recomputed from a fresh LU (O(N³), amortised O(N²/refreshInterval·N)).
 *
 * <p>Two hops r₁ → r₁′, r₂ → r₂′ of this species (a same-spin double excitation) replace rows
 * i = slot(r₁) and j = slot(r₂). The generalised determinant lemma (Woodbury) gives the slot-ordered
 * ratio as the 2 × 2 determinant of single-hop terms,
 * <pre>  ρ₂ = w₁(i) w₂(j) − w₁(j) w₂(i),   w_a(c) = Σ_k Φ_{r_a′ k} (A⁻¹)_{k c},</pre>
 * (O(N); the Slater–Condon rule in the walker's inverse), and the row re-sort is the product of the
 * Jordan–Wigner signs of the hops made one after the other; this is defined even when the state
 * after one hop alone is a node. The accepted pair updates the inverse by the rank-2 Woodbury
 * formula in O(N²): with G = M⁻¹ (u₁; u₂), M = [[w₁(i), w₁(j)], [w₂(i), w₂(j)]] and
 * u_a(c) = w_a(c) − δ_{c, slot_a}, column c of A⁻¹ loses G₁(c)·column i + G₂(c)·column j.
 */
final class SpeciesDeterminant {
    private final int nSites;
    private final int n;
    private final int modeOffset;
    private final int refreshInterval;
    private final double[] phi;           // the wave function's L × N orbitals, row-major (shared, read-only)
    private final int[] slotOfSite;       // −1 when empty
    private final int[] siteOfSlot;
    private final double[] inverseT;
    private final double[] w;
    private final double[] w2;
    private final double[] columnI;
    private final double[] columnJ;
    private final DMatrixRMaj a;
    private final DMatrixRMaj inverse;
    private final LogDeterminant lu;
    private double logAbs;
    private double sign;
    private int hopsSinceRefresh;

    SpeciesDeterminant(double[] phi, int nSites, int n, int modeOffset, int refreshInterval) {
        this.nSites = nSites;
        this.n = n;
        this.modeOffset = modeOffset;
        this.refreshInterval = refreshInterval;
        this.phi = phi;
        this.slotOfSite = new int[nSites];
        this.siteOfSlot = new int[n];
        this.inverseT = new double[n * n];
        this.w = new double[n];
        this.w2 = new double[n];
        this.columnI = new double[n];
        this.columnJ = new double[n];
        this.a = new DMatrixRMaj(n, n);
        this.inverse = new DMatrixRMaj(n, n);
        this.lu = new LogDeterminant(n);
    }

    /** Slots in increasing site order (slot-ordered A = site-ordered A), a fresh LU and inverse. */
    void reset(int[] occupations) {
        int slot = 0;
        for (int r = 0; r < nSites; r++) {
            if (occupations[modeOffset + r] == 1) {
                if (slot == n) {
                    throw new IllegalArgumentException("more than " + n + " particles of this species in the configuration");
                }
                slotOfSite[r] = slot;
                siteOfSlot[slot++] = r;
            } else {
                slotOfSite[r] = -1;
            }
        }
        if (slot != n) {
            throw new IllegalArgumentException(slot + " particles of this species in the configuration, the determinant has " + n);
        }
        for (int i = 0; i < n; i++) {
            System.arraycopy(phi, siteOfSlot[i] * n, a.data, i * n, n);
        }
        lu.decompose(a);
        if (lu.sign() == 0) {
            throw new IllegalArgumentException("ψ(n) = 0: a walker cannot sit on a node of the determinant");
        }
        logAbs = lu.logAbs();
        sign = lu.sign();
        lu.invertTransposed(inverse, inverseT);
        hopsSinceRefresh = 0;
    }

    /** ψ′/ψ of this species' factor for the hop from → to (from occupied, to empty). O(N + |to − from|). */
    double ratio(int[] occupations, int from, int to) {
        return FermionCache.jordanWignerSign(occupations, modeOffset, from, to) * dot(to, slotOfSite[from]);
    }

    /** Applies the accepted hop from → to; {@code occupations} are those before the hop. */
    void applyHop(int[] occupations, int from, int to) {
        int i = slotOfSite[from];
        double rho = dot(to, i);
        for (int j = 0; j < n; j++) {
            w[j] = dot(to, j);
        }
        int rowI = i * n;
        for (int j = 0; j < n; j++) {
            if (j != i) {
                double f = w[j] / rho;
                int rowJ = j * n;
                for (int k = 0; k < n; k++) {
                    inverseT[rowJ + k] -= f * inverseT[rowI + k];
                }
            }
        }
        double inv = 1 / rho;
        for (int k = 0; k < n; k++) {
            inverseT[rowI + k] *= inv;
        }
        logAbs += Math.log(Math.abs(rho));
        sign *= Math.signum(rho) * FermionCache.jordanWignerSign(occupations, modeOffset, from, to);
        slotOfSite[to] = i;
        slotOfSite[from] = -1;
        siteOfSlot[i] = to;
        hopsSinceRefresh++;
    }

    /**
     * ψ″/ψ of this species' factor for the two hops from1 → to1, from2 → to2 (sources occupied,
     * targets empty, all four distinct): the 2 × 2 determinant times the signs of the hops in turn. O(N).
     */
    double ratio(int[] occupations, int from1, int to1, int from2, int to2) {
        int i = slotOfSite[from1];
        int j = slotOfSite[from2];
        double rho = dot(to1, i) * dot(to2, j) - dot(to1, j) * dot(to2, i);
        return FermionCache.jordanWignerSign(occupations, modeOffset, from1, to1)
                * secondHopSign(occupations, from1, to1, from2, to2) * rho;
    }

    /** Applies the accepted two hops by the rank-2 Woodbury update; {@code occupations} are those before. */
    void applyHops(int[] occupations, int from1, int to1, int from2, int to2) {
        int i = slotOfSite[from1];
        int j = slotOfSite[from2];
        for (int c = 0; c < n; c++) {
            w[c] = dot(to1, c);
            w2[c] = dot(to2, c);
        }
        double m11 = w[i];
        double m12 = w[j];
        double m21 = w2[i];
        double m22 = w2[j];
        double rho = m11 * m22 - m12 * m21;
        System.arraycopy(inverseT, i * n, columnI, 0, n);
        System.arraycopy(inverseT, j * n, columnJ, 0, n);
        for (int c = 0; c < n; c++) {
            double u1 = w[c] - (c == i ? 1 : 0);
            double u2 = w2[c] - (c == j ? 1 : 0);
            double g1 = (m22 * u1 - m12 * u2) / rho;
            double g2 = (m11 * u2 - m21 * u1) / rho;
            int row = c * n;
            for (int k = 0; k < n; k++) {
                inverseT[row + k] -= g1 * columnI[k] + g2 * columnJ[k];
            }
        }
        logAbs += Math.log(Math.abs(rho));
        sign *= Math.signum(rho) * FermionCache.jordanWignerSign(occupations, modeOffset, from1, to1)
                * secondHopSign(occupations, from1, to1, from2, to2);
        slotOfSite[from1] = -1;
        slotOfSite[from2] = -1;
        slotOfSite[to1] = i;
        slotOfSite[to2] = j;
        siteOfSlot[i] = to1;
        siteOfSlot[j] = to2;
        hopsSinceRefresh += 2;
    }

    /**
     * The Jordan–Wigner sign of the hop from2 → to2 made after from1 → to1: the occupied sites
     * strictly between from2 and to2 counted in the configuration after the first hop.
     */
    private double secondHopSign(int[] occupations, int from1, int to1, int from2, int to2) {
        int lo = Math.min(from2, to2);
        int hi = Math.max(from2, to2);
        double s = FermionCache.jordanWignerSign(occupations, modeOffset, from2, to2);
        if (from1 > lo && from1 < hi) {
            s = -s;
        }
        if (to1 > lo && to1 < hi) {
            s = -s;
        }
        return s;
    }

    /** True when the next accepted hop should be followed by a fresh {@link #reset}. */
    boolean needsRefresh() {
        return hopsSinceRefresh >= refreshInterval;
    }

    double logAbs() {
        return logAbs;
    }

    double sign() {
        return sign;
    }

    /** ∂ log |det| / ∂Φ_{rk} = (A⁻¹)_{k, slot(r)} for occupied r, 0 otherwise; L × N block at offset. */
    void logDerivatives(double[] out, int offset) {
        java.util.Arrays.fill(out, offset, offset + nSites * n, 0);
        for (int i = 0; i < n; i++) {
            System.arraycopy(inverseT, i * n, out, offset + siteOfSlot[i] * n, n);
        }
    }

    /** L · N, the number of orbital coefficients of this species. */
    int parameterCount() {
        return nSites * n;
    }

    /** (A⁻¹)_{k, slot(r)}, for tests of the drift. */
    double inverseElement(int site, int k) {
        return inverseT[slotOfSite[site] * n + k];
    }

    /** Σ_k Φ_{site,k} (A⁻¹)_{k,slot}. */
    private double dot(int site, int slot) {
        int p = site * n;
        int q = slot * n;
        double s = 0;
        for (int k = 0; k < n; k++) {
            s += phi[p + k] * inverseT[q + k];
        }
        return s;
    }
}
