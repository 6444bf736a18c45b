package org.nqs4j.optimizers.linalg;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The cross product C = scale · Hᵀ V of real sample rows H (N_s × A) with columns V (N_s × B) whose
 * entries are ±1, by tables of signed sums ("the method of four Russians", Arlazarov et al. 1970):
 * <pre>
 *   C_ab = scale · Σ_g T_g[p_gb]_a,   T_g[p]_a = Σ_{q&lt;4} (−1)^{bit q of p} H_{4g+q, a},
 * </pre>
 * where p_gb holds the signs of column b over the four samples of group g. Each group's 16 signed
 * sums are built once (30 vector additions per lane block), then every column adds the one its
 * pattern selects: A·B·N_s/4 additions instead of the A·B·N_s multiply-adds of a Gram kernel.
 *
 * <p>Rounding: T_g[p] is summed in sample order, ((±H₀ ± H₁) ± H₂) ± H₃, and the groups in order,
 * so each entry is a sum of N_s terms in a fixed association: it differs from the sequential sum by
 * at most γ_{N_s/4+3} Σ_s |H_sa|, and it does not depend on the {@link TaskRunner}. Samples past
 * N_s (up to a whole group) count as zero rows. Keeps its workspaces; not thread-safe.
 */
public final class SignTableProduct {
    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();
    /** Samples per table: 2⁴ signed sums. */
    public static final int GROUP = 4;
    private static final int PATTERNS = 1 << GROUP;
    /** Entries a per task and per table row: two vectors. */
    private static final int WIDTH = 2 * LANES;
    /** Columns b per register tile (eight columns × two vectors = 16 accumulators). */
    private static final int TILE = 8;
    /** Groups whose tables are built before the columns add them (8 × 16 × WIDTH doubles, in L1). */
    private static final int BLOCK = 8;

    private double[] packed = new double[0];
    private double[] tables = new double[0];
    private double[] sums = new double[0];
    /** Offset of the table row each (group, column) adds, relative to its block's tables; 0 for padding columns. */
    private int[] rowOffsets = new int[0];

    /** Groups of {@value #GROUP} samples covering {@code samples}. */
    public static int groups(int samples) {
        return (samples + GROUP - 1) / GROUP;
    }

    /**
     * Prepares the buffer for the rows H of {@code samples} samples and {@code a} entries, which the caller
     * fills by {@link #setRow} before {@link #multiply}: the entries in blocks of two vectors, each
     * block's entries of every sample contiguous. The padding (entries past A, samples past N_s) is zeroed here.
     */
    public void rows(int samples, int a) {
        int groups = groups(samples);
        int rows = groups * GROUP;
        int blocks = (a + WIDTH - 1) / WIDTH;
        packed = ensure(packed, (long) blocks * rows * WIDTH);
        for (int block = 0; block < blocks; block++) {
            int from = block * rows * WIDTH;
            java.util.Arrays.fill(packed, from + samples * WIDTH, from + rows * WIDTH, 0.0);
        }
        int last = (blocks - 1) * rows * WIDTH;
        for (int s = 0; s < samples && a % WIDTH != 0; s++) {
            java.util.Arrays.fill(packed, last + s * WIDTH + a % WIDTH, last + (s + 1) * WIDTH, 0.0);
        }
    }

    /** Row s of H (entries {@code src[from..from+a)}) into the buffer of {@link #rows}. */
    public void setRow(int sample, double[] src, int from, int a, int samples) {
        int blockStride = groups(samples) * GROUP * WIDTH;
        for (int k0 = 0, at = sample * WIDTH; k0 < a; k0 += WIDTH, at += blockStride) {
            System.arraycopy(src, from + k0, packed, at, Math.min(WIDTH, a - k0));
        }
    }

    /**
     * out[a · B + b] = scale · Σ_s H_sa V_sb for a &lt; A, b &lt; B, H in the buffer of {@link #rows}.
     *
     * @param patterns the signs of V, group-major: bit q of {@code patterns[g · B + b]} set when
     *                 V_{4g+q, b} = −1 (clear for samples past N_s)
     */
    public void multiply(int samples, int a, byte[] patterns, int b, double scale, double[] out, TaskRunner tasks) {
        int groups = groups(samples);
        int rows = groups * GROUP;
        int blocks = (a + WIDTH - 1) / WIDTH;
        int columns = (b + TILE - 1) / TILE * TILE;
        tables = ensure(tables, (long) blocks * BLOCK * PATTERNS * WIDTH);
        sums = ensure(sums, (long) blocks * columns * WIDTH);
        if (rowOffsets.length < groups * columns) {
            rowOffsets = new int[groups * columns];
        }
        int[] offsets = rowOffsets;
        for (int g = 0; g < groups; g++) {
            for (int c = 0; c < columns; c++) {
                offsets[g * columns + c] = ((g % BLOCK) * PATTERNS + (c < b ? patterns[g * b + c] : 0)) * WIDTH;
            }
        }
        double[] packed = this.packed;
        double[] tables = this.tables;
        double[] sums = this.sums;
        tasks.forEach(blocks, block -> {
            int a0 = block * WIDTH;
            int width = Math.min(WIDTH, a - a0);
            int from = block * rows * WIDTH;
            int acc = block * columns * WIDTH;
            java.util.Arrays.fill(sums, acc, acc + columns * WIDTH, 0.0);
            int table = block * BLOCK * PATTERNS * WIDTH;
            for (int g0 = 0; g0 < groups; g0 += BLOCK) {
                int count = Math.min(BLOCK, groups - g0);
                for (int g = 0; g < count; g++) {
                    buildTable(packed, from + (g0 + g) * GROUP * WIDTH, tables, table + g * PATTERNS * WIDTH);
                }
                for (int b0 = 0; b0 < columns; b0 += TILE) {
                    addColumns(tables, table, offsets, g0 * columns + b0, count, columns, sums, acc + b0 * WIDTH);
                }
            }
            for (int r = 0; r < width; r++) {
                for (int c = 0; c < b; c++) {
                    out[(a0 + r) * b + c] = scale * sums[acc + c * WIDTH + r];
                }
            }
        });
    }

    /**
     * The 16 signed sums of the group's four rows at {@code row}, T[p] = ((±H₀ ± H₁) ± H₂) ± H₃ with −
     * where bit q of p is set, formed in registers: T[p | 2^q] = T[p] − H_q and T[p] += H_q, q = 1, 2, 3.
     */
    private static void buildTable(double[] packed, int row, double[] t, int at) {
        for (int v = 0; v < WIDTH; v += LANES) {
            DoubleVector h0 = DoubleVector.fromArray(SPECIES, packed, row + v);
            DoubleVector h1 = DoubleVector.fromArray(SPECIES, packed, row + WIDTH + v);
            DoubleVector h2 = DoubleVector.fromArray(SPECIES, packed, row + 2 * WIDTH + v);
            DoubleVector h3 = DoubleVector.fromArray(SPECIES, packed, row + 3 * WIDTH + v);
            DoubleVector a0 = h0;
            DoubleVector a1 = h0.neg();
            DoubleVector b0 = a0.add(h1);
            DoubleVector b1 = a1.add(h1);
            DoubleVector b2 = a0.sub(h1);
            DoubleVector b3 = a1.sub(h1);
            DoubleVector c0 = b0.add(h2);
            DoubleVector c1 = b1.add(h2);
            DoubleVector c2 = b2.add(h2);
            DoubleVector c3 = b3.add(h2);
            DoubleVector c4 = b0.sub(h2);
            DoubleVector c5 = b1.sub(h2);
            DoubleVector c6 = b2.sub(h2);
            DoubleVector c7 = b3.sub(h2);
            c0.add(h3).intoArray(t, at + v);
            c1.add(h3).intoArray(t, at + WIDTH + v);
            c2.add(h3).intoArray(t, at + 2 * WIDTH + v);
            c3.add(h3).intoArray(t, at + 3 * WIDTH + v);
            c4.add(h3).intoArray(t, at + 4 * WIDTH + v);
            c5.add(h3).intoArray(t, at + 5 * WIDTH + v);
            c6.add(h3).intoArray(t, at + 6 * WIDTH + v);
            c7.add(h3).intoArray(t, at + 7 * WIDTH + v);
            c0.sub(h3).intoArray(t, at + 8 * WIDTH + v);
            c1.sub(h3).intoArray(t, at + 9 * WIDTH + v);
            c2.sub(h3).intoArray(t, at + 10 * WIDTH + v);
            c3.sub(h3).intoArray(t, at + 11 * WIDTH + v);
            c4.sub(h3).intoArray(t, at + 12 * WIDTH + v);
            c5.sub(h3).intoArray(t, at + 13 * WIDTH + v);
            c6.sub(h3).intoArray(t, at + 14 * WIDTH + v);
            c7.sub(h3).intoArray(t, at + 15 * WIDTH + v);
        }
    }

    /**
     * Columns b₀..b₀+7 of {@code count} groups, whose table rows are at {@code table} plus the offsets
     * from {@code at} (one row of {@code columns} per group): the accumulators stay in registers while
     * each group's selected rows are added, in group order.
     */
    private static void addColumns(double[] t, int table, int[] offsets, int at, int count, int columns,
                                   double[] sums, int acc) {
        DoubleVector c00 = DoubleVector.fromArray(SPECIES, sums, acc);
        DoubleVector c01 = DoubleVector.fromArray(SPECIES, sums, acc + LANES);
        DoubleVector c10 = DoubleVector.fromArray(SPECIES, sums, acc + WIDTH);
        DoubleVector c11 = DoubleVector.fromArray(SPECIES, sums, acc + WIDTH + LANES);
        DoubleVector c20 = DoubleVector.fromArray(SPECIES, sums, acc + 2 * WIDTH);
        DoubleVector c21 = DoubleVector.fromArray(SPECIES, sums, acc + 2 * WIDTH + LANES);
        DoubleVector c30 = DoubleVector.fromArray(SPECIES, sums, acc + 3 * WIDTH);
        DoubleVector c31 = DoubleVector.fromArray(SPECIES, sums, acc + 3 * WIDTH + LANES);
        DoubleVector c40 = DoubleVector.fromArray(SPECIES, sums, acc + 4 * WIDTH);
        DoubleVector c41 = DoubleVector.fromArray(SPECIES, sums, acc + 4 * WIDTH + LANES);
        DoubleVector c50 = DoubleVector.fromArray(SPECIES, sums, acc + 5 * WIDTH);
        DoubleVector c51 = DoubleVector.fromArray(SPECIES, sums, acc + 5 * WIDTH + LANES);
        DoubleVector c60 = DoubleVector.fromArray(SPECIES, sums, acc + 6 * WIDTH);
        DoubleVector c61 = DoubleVector.fromArray(SPECIES, sums, acc + 6 * WIDTH + LANES);
        DoubleVector c70 = DoubleVector.fromArray(SPECIES, sums, acc + 7 * WIDTH);
        DoubleVector c71 = DoubleVector.fromArray(SPECIES, sums, acc + 7 * WIDTH + LANES);
        for (int g = 0, o = at; g < count; g++, o += columns) {
            int p = table + offsets[o];
            c00 = c00.add(DoubleVector.fromArray(SPECIES, t, p));
            c01 = c01.add(DoubleVector.fromArray(SPECIES, t, p + LANES));
            p = table + offsets[o + 1];
            c10 = c10.add(DoubleVector.fromArray(SPECIES, t, p));
            c11 = c11.add(DoubleVector.fromArray(SPECIES, t, p + LANES));
            p = table + offsets[o + 2];
            c20 = c20.add(DoubleVector.fromArray(SPECIES, t, p));
            c21 = c21.add(DoubleVector.fromArray(SPECIES, t, p + LANES));
            p = table + offsets[o + 3];
            c30 = c30.add(DoubleVector.fromArray(SPECIES, t, p));
            c31 = c31.add(DoubleVector.fromArray(SPECIES, t, p + LANES));
            p = table + offsets[o + 4];
            c40 = c40.add(DoubleVector.fromArray(SPECIES, t, p));
            c41 = c41.add(DoubleVector.fromArray(SPECIES, t, p + LANES));
            p = table + offsets[o + 5];
            c50 = c50.add(DoubleVector.fromArray(SPECIES, t, p));
            c51 = c51.add(DoubleVector.fromArray(SPECIES, t, p + LANES));
            p = table + offsets[o + 6];
            c60 = c60.add(DoubleVector.fromArray(SPECIES, t, p));
            c61 = c61.add(DoubleVector.fromArray(SPECIES, t, p + LANES));
            p = table + offsets[o + 7];
            c70 = c70.add(DoubleVector.fromArray(SPECIES, t, p));
            c71 = c71.add(DoubleVector.fromArray(SPECIES, t, p + LANES));
        }
        // written inline: a vector passed to a helper that C2 does not inline is boxed
        c00.intoArray(sums, acc);
        c01.intoArray(sums, acc + LANES);
        c10.intoArray(sums, acc + WIDTH);
        c11.intoArray(sums, acc + WIDTH + LANES);
        c20.intoArray(sums, acc + 2 * WIDTH);
        c21.intoArray(sums, acc + 2 * WIDTH + LANES);
        c30.intoArray(sums, acc + 3 * WIDTH);
        c31.intoArray(sums, acc + 3 * WIDTH + LANES);
        c40.intoArray(sums, acc + 4 * WIDTH);
        c41.intoArray(sums, acc + 4 * WIDTH + LANES);
        c50.intoArray(sums, acc + 5 * WIDTH);
        c51.intoArray(sums, acc + 5 * WIDTH + LANES);
        c60.intoArray(sums, acc + 6 * WIDTH);
        c61.intoArray(sums, acc + 6 * WIDTH + LANES);
        c70.intoArray(sums, acc + 7 * WIDTH);
        c71.intoArray(sums, acc + 7 * WIDTH + LANES);
    }

    private static double[] ensure(double[] a, long length) {
        if (length > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("the sign tables need " + length + " doubles");
        }
        return a.length >= length ? a : new double[(int) length];
    }
}
