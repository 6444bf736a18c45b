package org.nqs4j.optimizers.linalg;

import java.util.Arrays;

/**
 * The blocked Cholesky factorisations ({@link BlockedCholesky}, {@link HermitianBlockedCholesky})
 * shared by the ranks of a {@link RankExchange}, each holding only its own rows of A
 * ({@link RankExchange#ownsRow}: cyclic blocks of {@value RankExchange#ROWS} rows, so that every
 * panel step's trailing update is balanced). Per panel of columns k₀..k₁ (next panel k₁..k₂):
 * <ol>
 * <li>every rank factors the diagonal block (small, repeated, so that it needs no exchange of its own);</li>
 * <li>each rank solves the panel rows i ≥ k₁ of its own rows only (X L_kk† = A_i,panel);</li>
 * <li>one all-gather: each rank's solved panel rows, and for its rows of the next diagonal block
 *   (k₁ ≤ i &lt; k₂) also their columns k₁..k₂−1 as they stand (updated by every earlier panel);
 *   over the whole factorisation the lower triangle once, plus the diagonal blocks;</li>
 * <li>every rank applies this panel's trailing update to the rows of the next diagonal block
 *   (look-ahead: 64 rows, their columns within the block, repeated) and to its own other rows
 *   (the n³/3 or (4/3) n³ part, split), with the transposed panel of the other ranks' rows packed
 *   from the gathered rows.</li>
 * </ol>
 * A first all-gather brings the first diagonal block. Every entry goes through the one-process
 * kernels with the same operations in the same order, so L is bit-identical to the one-process
 * factor for any rank count; every panel of L reaches every rank, so each rank ends with all of L
 * (the triangular solves then run locally). Keeps its exchange workspaces.
 */
public final class DistributedCholesky {
    private double[] buffer = new double[0];
    private int[] counts = new int[0];
    private int[] offsets = new int[0];
    private int[] updateGroups = new int[0];
    private int[] ownGroups = new int[0];
    private int[] otherGroups = new int[0];

    static {
        if (RankExchange.ROWS % HermitianBlockedCholesky.GROUP != 0 || RankExchange.ROWS % BlockedCholesky.GROUP != 0) {
            throw new ExceptionInInitializerError("the row blocks of the ranks must hold whole row groups of the"
                    + " Cholesky kernels: " + RankExchange.ROWS + " rows");
        }
    }

    /** The steps of one panel of a blocked Cholesky, on its matrix. */
    private interface Kernels {
        int diagonalBlock(int k0, int k1);

        void panelRows(int k0, int k1, int g);

        void packPanel(int k0, int k1, int g);

        void trailingUpdate(int k0, int k1, int g);
    }

    /**
     * Factors (re + i·im) = L L† as {@link HermitianBlockedCholesky#factor}; on entry only this
     * rank's rows need hold A (lower triangle), on return every rank holds L.
     *
     * @return −1 on success, else the first pivot that is not positive and finite (the same on every rank)
     */
    public int factorHermitian(double[] re, double[] im, int n, double[] panelRe, double[] panelIm,
                               RankExchange ranks, TaskRunner tasks) {
        return factor(re, im, n, HermitianBlockedCholesky.BLOCK, HermitianBlockedCholesky.GROUP, new Kernels() {
            @Override
            public int diagonalBlock(int k0, int k1) {
                return HermitianBlockedCholesky.diagonalBlock(re, im, n, k0, k1);
            }

            @Override
            public void panelRows(int k0, int k1, int g) {
                HermitianBlockedCholesky.panelRows(re, im, n, k0, k1, panelRe, panelIm, g);
            }

            @Override
            public void packPanel(int k0, int k1, int g) {
                HermitianBlockedCholesky.packPanel(re, im, n, k0, k1, panelRe, panelIm, g);
            }

            @Override
            public void trailingUpdate(int k0, int k1, int g) {
                HermitianBlockedCholesky.trailingUpdate(re, im, n, k0, k1, panelRe, panelIm, g);
            }
        }, ranks, tasks);
    }

    /**
     * Factors a = L Lᵀ as {@link BlockedCholesky#factor}; on entry only this rank's rows need hold
     * A (lower triangle), on return every rank holds L.
     *
     * @return −1 on success, else the first pivot that is not positive and finite (the same on every rank)
     */
    public int factorSymmetric(double[] a, int n, double[] panel, RankExchange ranks, TaskRunner tasks) {
        return factor(a, null, n, BlockedCholesky.BLOCK, BlockedCholesky.GROUP, new Kernels() {
            @Override
            public int diagonalBlock(int k0, int k1) {
                return BlockedCholesky.diagonalBlock(a, n, k0, k1);
            }

            @Override
            public void panelRows(int k0, int k1, int g) {
                BlockedCholesky.panelRows(a, n, k0, k1, panel, g);
            }

            @Override
            public void packPanel(int k0, int k1, int g) {
                BlockedCholesky.packPanel(a, n, k0, k1, panel, g);
            }

            @Override
            public void trailingUpdate(int k0, int k1, int g) {
                BlockedCholesky.trailingUpdate(a, n, k0, k1, panel, g);
            }
        }, ranks, tasks);
    }

    /** The panel loop; {@code im} is null for a real matrix. */
    private int factor(double[] re, double[] im, int n, int block, int group, Kernels kernels, RankExchange ranks,
                       TaskRunner tasks) {
        ensureRanks(ranks.size());
        int parts = im == null ? 1 : 2;
        if (buffer.length < parts * 2 * block * n) {
            buffer = new double[parts * 2 * block * n];
        }
        int maxGroups = (n + group - 1) / group;
        if (updateGroups.length < maxGroups) {
            updateGroups = new int[maxGroups];
            ownGroups = new int[maxGroups];
            otherGroups = new int[maxGroups];
        }
        exchangeRows(re, im, n, 0, 0, 0, Math.min(n, block), ranks); // the first diagonal block
        int pivot = kernels.diagonalBlock(0, Math.min(n, block));
        for (int k0 = 0; k0 < n && pivot < 0; k0 += block) {
            int k1 = Math.min(n, k0 + block);
            if (k1 == n) {
                break;
            }
            int k2 = Math.min(n, k1 + block);
            int from = k0;
            int groups = (n - k1 + group - 1) / group;
            int ahead = (k2 - k1 + group - 1) / group;
            int own = 0;
            int other = 0;
            int update = 0;
            for (int g = groups - 1; g >= 0; g--) { // the largest (last) groups first, so the threads finish together
                if (ranks.ownsRow(k1 + g * group)) {
                    ownGroups[own++] = g;
                } else {
                    otherGroups[other++] = g;
                }
                if (g < ahead || ranks.ownsRow(k1 + g * group)) {
                    updateGroups[update++] = g;
                }
            }
            int owned = own;
            tasks.forEach(owned, t -> kernels.panelRows(from, k1, ownGroups[t]));
            exchangeRows(re, im, n, k1, k0, k1, k2, ranks);
            int others = other;
            tasks.forEach(others, t -> kernels.packPanel(from, k1, otherGroups[t]));
            int updated = update;
            tasks.forEach(updated, t -> kernels.trailingUpdate(from, k1, updateGroups[t]));
            pivot = kernels.diagonalBlock(k1, k2);
        }
        return pivot;
    }

    private void ensureRanks(int k) {
        if (counts.length != k) {
            counts = new int[k];
            offsets = new int[k];
        }
    }

    /**
     * Every rank's rows i ≥ r₀, columns k₀..k₂−1 for i &lt; k₂ and k₀..k₁−1 beyond (re, then im if not
     * null, row after row), to every rank.
     */
    private void exchangeRows(double[] re, double[] im, int n, int r0, int k0, int k1, int k2, RankExchange ranks) {
        int parts = im == null ? 1 : 2;
        Arrays.fill(counts, 0);
        for (int i = r0; i < n; i++) {
            counts[ranks.rowOwner(i)] += parts * ((i < k2 ? k2 : k1) - k0);
        }
        for (int r = 0, offset = 0; r < ranks.size(); r++) {
            offsets[r] = offset;
            offset += counts[r];
        }
        copyRows(re, im, n, r0, k0, k1, k2, ranks.rank(), ranks, true);
        ranks.allgather(buffer, counts, offsets);
        for (int r = 0; r < ranks.size(); r++) {
            if (r != ranks.rank()) {
                copyRows(re, im, n, r0, k0, k1, k2, r, ranks, false);
            }
        }
    }

    /** Rank r's rows of {@link #exchangeRows} into its block of the buffer ({@code pack}) or back. */
    private void copyRows(double[] re, double[] im, int n, int r0, int k0, int k1, int k2, int r, RankExchange ranks,
                          boolean pack) {
        int p = offsets[r];
        for (int i = r0; i < n; i++) {
            int width = (i < k2 ? k2 : k1) - k0;
            if (ranks.rowOwner(i) != r || width == 0) {
                continue;
            }
            if (pack) {
                System.arraycopy(re, i * n + k0, buffer, p, width);
            } else {
                System.arraycopy(buffer, p, re, i * n + k0, width);
            }
            p += width;
            if (im != null) {
                if (pack) {
                    System.arraycopy(im, i * n + k0, buffer, p, width);
                } else {
                    System.arraycopy(buffer, p, im, i * n + k0, width);
                }
                p += width;
            }
        }
    }

    /** Gives every rank the diagonal A_ii of every row, each rank holding its own rows' entries of {@code a}. */
    public void gatherDiagonal(double[] a, int n, double[] diagonal, RankExchange ranks) {
        int k = ranks.size();
        ensureRanks(k);
        if (buffer.length < n) {
            buffer = new double[n];
        }
        int offset = 0;
        for (int r = 0; r < k; r++) {
            offsets[r] = offset;
            for (int i = 0; i < n; i++) {
                if (ranks.rowOwner(i) == r) {
                    if (r == ranks.rank()) {
                        buffer[offset] = a[i * n + i];
                    }
                    offset++;
                }
            }
            counts[r] = offset - offsets[r];
        }
        ranks.allgather(buffer, counts, offsets);
        for (int r = 0, p = 0; r < k; r++) {
            for (int i = 0; i < n; i++) {
                if (ranks.rowOwner(i) == r) {
                    diagonal[i] = buffer[p++];
                }
            }
        }
    }
}
