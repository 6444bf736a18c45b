package org.nqs4j.optimizers.linalg;

/**
 * {@link HermitianBlockedCholesky} shared by the ranks of a {@link RankExchange}, each holding
 * only its own rows of A ({@link RankExchange#ownsRow}, cyclic blocks of {@value RankExchange#ROWS}
 * rows, so that every panel step's trailing update is balanced). Per panel of columns k₀..k₁:
 * <ol>
 * <li>the panel's columns of the rows i ≥ k₀ are all-gathered from their owners (traffic over the
 *   whole factorisation: the lower triangle, n²/2 complex numbers, once);</li>
 * <li>every rank factors the diagonal block and solves the panel rows (≈ 10 % of the flops, repeated
 *   on every rank, so the panel needs no second exchange);</li>
 * <li>each rank applies the trailing update to its own rows only (the (4/3) n³ part, split).</li>
 * </ol>
 * Every entry goes through the kernels of {@link HermitianBlockedCholesky} with the same
 * operations in the same order, so L is bit-identical to the one-process factor for any rank
 * count; every panel of L is computed on every rank, so each rank ends with all of L (the
 * triangular solves then run locally). Keeps its exchange workspaces.
 */
public final class DistributedHermitianCholesky {
    private static final int BLOCK = HermitianBlockedCholesky.BLOCK;
    private static final int GROUP = HermitianBlockedCholesky.GROUP;
    private double[] buffer = new double[0];
    private int[] counts = new int[0];
    private int[] offsets = new int[0];
    private int[] ownGroups = new int[0];

    static {
        if (RankExchange.ROWS % GROUP != 0) {
            throw new ExceptionInInitializerError("the row blocks of the ranks must hold whole row groups of the"
                    + " Cholesky kernel: " + RankExchange.ROWS + " rows against groups of " + GROUP);
        }
    }

    /**
     * Factors (re + i·im) = L L† as {@link HermitianBlockedCholesky#factor}; on entry only this
     * rank's rows need hold A (lower triangle), on return every rank holds L.
     *
     * @return −1 on success, else the first pivot that is not positive and finite (the same on every rank)
     */
    public int factor(double[] re, double[] im, int n, double[] panelRe, double[] panelIm, RankExchange ranks,
                      TaskRunner tasks) {
        int k = ranks.size();
        if (counts.length != k) {
            counts = new int[k];
            offsets = new int[k];
        }
        if (buffer.length < 2 * BLOCK * n) {
            buffer = new double[2 * BLOCK * n];
        }
        if (ownGroups.length < (n + GROUP - 1) / GROUP) {
            ownGroups = new int[(n + GROUP - 1) / GROUP];
        }
        int pivot = -1;
        for (int k0 = 0; k0 < n; k0 += BLOCK) {
            int k1 = Math.min(n, k0 + BLOCK);
            gatherColumns(re, im, n, k0, k1, ranks);
            pivot = HermitianBlockedCholesky.diagonalBlock(re, im, n, k0, k1);
            if (pivot >= 0 || k1 == n) {
                break;
            }
            int from = k0;
            int groups = (n - k1 + GROUP - 1) / GROUP;
            tasks.forEach(groups, g -> HermitianBlockedCholesky.panelRows(re, im, n, from, k1, panelRe, panelIm, g));
            int own = 0;
            for (int g = 0; g < groups; g++) {
                if (ranks.ownsRow(k1 + g * GROUP)) {
                    ownGroups[own++] = g;
                }
            }
            int owned = own;
            // the largest (last) groups first, so that the threads finish together
            tasks.forEach(owned, t -> HermitianBlockedCholesky.trailingUpdate(re, im, n, from, k1, panelRe, panelIm,
                    ownGroups[owned - 1 - t]));
        }
        return pivot;
    }

    /**
     * Every rank's rows i ≥ k₀, columns k₀..k₁−1 (re, then im, row after row) to every rank: the
     * current panel of A, updated by all earlier panels.
     */
    private void gatherColumns(double[] re, double[] im, int n, int k0, int k1, RankExchange ranks) {
        int width = k1 - k0;
        int offset = 0;
        for (int r = 0; r < ranks.size(); r++) {
            offsets[r] = offset;
            int rows = 0;
            for (int b = k0 / RankExchange.ROWS; b * RankExchange.ROWS < n; b++) {
                if (RankExchange.rowOwner(b * RankExchange.ROWS, ranks.size()) == r) {
                    rows += Math.min(n, (b + 1) * RankExchange.ROWS) - Math.max(k0, b * RankExchange.ROWS);
                }
            }
            counts[r] = 2 * width * rows;
            offset += counts[r];
        }
        copyRows(re, im, n, k0, k1, ranks.rank(), ranks, true);
        ranks.allgather(buffer, counts, offsets);
        for (int r = 0; r < ranks.size(); r++) {
            if (r != ranks.rank()) {
                copyRows(re, im, n, k0, k1, r, ranks, false);
            }
        }
    }

    /** Rank r's rows i ≥ k₀, columns k₀..k₁−1, into its block of the buffer ({@code pack}) or back. */
    private void copyRows(double[] re, double[] im, int n, int k0, int k1, int r, RankExchange ranks, boolean pack) {
        int width = k1 - k0;
        int p = offsets[r];
        for (int i = k0; i < n; i++) {
            if (RankExchange.rowOwner(i, ranks.size()) != r) {
                continue;
            }
            if (pack) {
                System.arraycopy(re, i * n + k0, buffer, p, width);
                System.arraycopy(im, i * n + k0, buffer, p + width, width);
            } else {
                System.arraycopy(buffer, p, re, i * n + k0, width);
                System.arraycopy(buffer, p + width, im, i * n + k0, width);
            }
            p += 2 * width;
        }
    }

    /** Gives every rank the diagonal A_ii of every row, each rank holding its own rows' entries of {@code a}. */
    public void gatherDiagonal(double[] a, int n, double[] diagonal, RankExchange ranks) {
        int k = ranks.size();
        if (counts.length != k) {
            counts = new int[k];
            offsets = new int[k];
        }
        if (buffer.length < n) {
            buffer = new double[n];
        }
        int offset = 0;
        for (int r = 0; r < k; r++) {
            offsets[r] = offset;
            for (int i = 0; i < n; i++) {
                if (RankExchange.rowOwner(i, k) == r) {
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
                if (RankExchange.rowOwner(i, k) == r) {
                    diagonal[i] = buffer[p++];
                }
            }
        }
    }
}
