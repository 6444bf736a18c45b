package org.nqs4j.ansatz;

/**
 * Float copies of one set of an {@link Rbm}'s one-flip tables for {@link RbmFloatKernels}: per row r (a site, or
 * a tabulated pair) and unit j, at r·stride + j, C = cosh x = (e^x + e^{−x})/2, S = sinh x = (e^x − e^{−x})/2
 * (formed in double, then rounded), |C|₁ and |S|₁; the padding units up to {@link RbmFloatKernels#stride} are
 * C = 1, S = 0 (a factor of exactly 1). {@link #usable} says whether a row's products stay in range
 * (see {@link RbmFloatKernels}). Refilled with the double tables, in place.
 */
final class RbmFloatTables {
    final int stride;
    final float[] coshRe;
    final float[] coshIm;
    final float[] sinhRe;
    final float[] sinhIm;
    final float[] coshNorm;
    final float[] sinhNorm;
    private final boolean[] usable;
    private boolean anyUsable;

    private final int rows;
    private final int nHidden;

    private RbmFloatTables(int rows, int nHidden) {
        this.rows = rows;
        this.nHidden = nHidden;
        stride = RbmFloatKernels.stride(nHidden);
        int length = rows * stride;
        coshRe = new float[length];
        coshIm = new float[length];
        sinhRe = new float[length];
        sinhIm = new float[length];
        coshNorm = new float[length];
        sinhNorm = new float[length];
        usable = new boolean[rows];
    }

    /**
     * The tables of {@code rows} rows of M units e^{±x} at r·M + j, written into {@code reuse} when it has this
     * shape (the parameters change every step; the arrays need not), else into new arrays.
     */
    static RbmFloatTables of(RbmFloatTables reuse, double[] ePosRe, double[] ePosIm, double[] eNegRe, double[] eNegIm,
                             int rows, int nHidden) {
        RbmFloatTables t = reuse != null && reuse.rows == rows && reuse.nHidden == nHidden ? reuse
                : new RbmFloatTables(rows, nHidden);
        t.fill(ePosRe, ePosIm, eNegRe, eNegIm);
        return t;
    }

    private void fill(double[] ePosRe, double[] ePosIm, double[] eNegRe, double[] eNegIm) {
        double lanesPerRow = (double) stride / RbmFloatKernels.LANES;
        anyUsable = false;
        for (int r = 0; r < rows; r++) {
            double reach = RbmFloatKernels.K_PROVEN;
            for (int j = 0; j < stride; j++) {
                int k = r * stride + j;
                if (j >= nHidden) {
                    coshRe[k] = 1f;
                    coshNorm[k] = 1f;
                    continue;
                }
                int d = r * nHidden + j;
                double cr = 0.5 * (ePosRe[d] + eNegRe[d]);
                double ci = 0.5 * (ePosIm[d] + eNegIm[d]);
                double sr = 0.5 * (ePosRe[d] - eNegRe[d]);
                double si = 0.5 * (ePosIm[d] - eNegIm[d]);
                coshRe[k] = (float) cr;
                coshIm[k] = (float) ci;
                sinhRe[k] = (float) sr;
                sinhIm[k] = (float) si;
                coshNorm[k] = (float) (Math.abs(cr) + Math.abs(ci));
                sinhNorm[k] = (float) (Math.abs(sr) + Math.abs(si));
                reach = Math.max(reach, Math.abs(cr) + Math.abs(ci)
                        + RbmFloatKernels.TANH_NORM_BOUND * (Math.abs(sr) + Math.abs(si)));
            }
            // T_row with a margin of 10⁻³ for the rounding of C, S and t
            double bits = 2.0 * Math.log(reach * 1.001) / Math.log(2.0);
            usable[r] = bits * lanesPerRow <= 124 && bits * nHidden <= 1000; // false for NaN
            anyUsable |= usable[r];
        }
    }

    boolean usable(int row) {
        return usable[row];
    }

    /** Whether some row is usable: else a cache need not keep its float copies (M ≳ 170). */
    boolean anyUsable() {
        return anyUsable;
    }
}
