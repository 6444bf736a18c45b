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
        lu.invert(inverse);
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                inverseT[i * n + k] = inverse.data[k * n + i];
            }
        }
        hopsSinceRefresh = 0;
    }

    /** ψ′/ψ of this species' factor for the hop from → to (from occupied, to empty). O(N + |to − from|). */
    double ratio(int[] occupations, int from, int to) {
        return jordanWignerSign(occupations, from, to) * dot(to, slotOfSite[from]);
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
        sign *= Math.signum(rho) * jordanWignerSign(occupations, from, to);
        slotOfSite[to] = i;
        slotOfSite[from] = -1;
        siteOfSlot[i] = to;
        hopsSinceRefresh++;
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

    /** (−1)^{occupied sites of this species strictly between from and to}. */
    private double jordanWignerSign(int[] occupations, int from, int to) {
        int lo = Math.min(from, to) + 1 + modeOffset;
        int hi = Math.max(from, to) + modeOffset;
        int count = 0;
        for (int m = lo; m < hi; m++) {
            count += occupations[m];
        }
        return (count & 1) == 0 ? 1 : -1;
    }
}
