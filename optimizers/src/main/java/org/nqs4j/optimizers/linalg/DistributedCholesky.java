package org.nqs4j.optimizers.linalg;

/**
 * The blocked Cholesky factorisations ({@link BlockedCholesky}, {@link HermitianBlockedCholesky})
 * shared by the ranks of a {@link RankExchange}, each holding only its own rows of A
 * ({@link RankExchange#ownsRow}: cyclic blocks of {@value RankExchange#ROWS} rows, so that every
 * panel step's trailing update is balanced). Per panel of columns k₀..k₁:
 * <ol>
 * <li>the panel's columns of the rows i ≥ k₀ are all-gathered from their owners (traffic over the
 *   whole factorisation: the lower triangle once);</li>
 * <li>every rank factors the diagonal block and solves the panel rows (≈ 10 % of the flops at
 *   n = 1,000, repeated on every rank, so that the panel needs no second exchange);</li>
 * <li>each rank applies the trailing update to its own rows only (the n³/3 or (4/3) n³ part, split).</li>
 * </ol>
 * Every entry goes through the one-process kernels with the same operations in the same order, so
 * L is bit-identical to the one-process factor for any rank count; every panel of L is computed on
 * every rank, so each rank ends with all of L (the triangular solves then run locally). Keeps its
 * exchange workspaces.
 */
public final class DistributedCholesky {
    private double[] buffer = new double[0];
    private int[] counts = new int[0];
    private int[] offsets = new int[0];
    private int[] ownGroups = new int[0];

    static {
        if (RankExchange.ROWS % HermitianBlockedCholesky.GROUP != 0 || RankExchange.ROWS % BlockedCholesky.GROUP != 0) {
            throw new ExceptionInInitializerError("the row blocks of the ranks must hold whole row groups of the"
                    + " Cholesky kernels: " + RankExchange.ROWS + " rows");
        }
    }

    /** The three steps of one panel of a blocked Cholesky, on its matrix. */
    private interface Kernels {
        int diagonalBlock(int k0, int k1);

        void panelRows(int k0, int k1, int g);

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
        if (buffer.length < parts * block * n) {
            buffer = new double[parts * block * n];
        }
        if (ownGroups.length < (n + group - 1) / group) {
            ownGroups = new int[(n + group - 1) / group];
        }
        int pivot = -1;
        for (int k0 = 0; k0 < n; k0 += block) {
            int k1 = Math.min(n, k0 + block);
            gatherColumns(re, im, n, k0, k1, ranks);
            pivot = kernels.diagonalBlock(k0, k1);
            if (pivot >= 0 || k1 == n) {
                break;
            }
            int from = k0;
            int groups = (n - k1 + group - 1) / group;
            tasks.forEach(groups, g -> kernels.panelRows(from, k1, g));
            int own = 0;
            for (int g = 0; g < groups; g++) {
                if (ranks.ownsRow(k1 + g * group)) {
                    ownGroups[own++] = g;
                }
            }
            int owned = own;
            // the largest (last) groups first, so that the threads finish together
            tasks.forEach(owned, t -> kernels.trailingUpdate(from, k1, ownGroups[owned - 1 - t]));
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
     * Every rank's rows i ≥ k₀, columns k₀..k₁−1 (re, then im if not null, row after row) to every
     * rank: the current panel of A, updated by all earlier panels.
     */
    private void gatherColumns(double[] re, double[] im, int n, int k0, int k1, RankExchange ranks) {
        int segment = (im == null ? 1 : 2) * (k1 - k0);
        int offset = 0;
        for (int r = 0; r < ranks.size(); r++) {
            offsets[r] = offset;
            int rows = 0;
            for (int b = k0 / RankExchange.ROWS; b * RankExchange.ROWS < n; b++) {
                if (RankExchange.rowOwner(b * RankExchange.ROWS, ranks.size()) == r) {
                    rows += Math.min(n, (b + 1) * RankExchange.ROWS) - Math.max(k0, b * RankExchange.ROWS);
                }
            }
            counts[r] = segment * rows;
            offset += counts[r];
        }
        copyRows(re, im, n, k0, k1, ranks.rank(), ranks.size(), true);
        ranks.allgather(buffer, counts, offsets);
        for (int r = 0; r < ranks.size(); r++) {
            if (r != ranks.rank()) {
                copyRows(re, im, n, k0, k1, r, ranks.size(), false);
            }
        }
    }

    /** Rank r's rows i ≥ k₀, columns k₀..k₁−1, into its block of the buffer ({@code pack}) or back. */
    private void copyRows(double[] re, double[] im, int n, int k0, int k1, int r, int size, boolean pack) {
        int width = k1 - k0;
        int p = offsets[r];
        for (int i = k0; i < n; i++) {
            if (RankExchange.rowOwner(i, size) != r) {
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
