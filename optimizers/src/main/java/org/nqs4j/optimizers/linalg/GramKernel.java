package org.nqs4j.optimizers.linalg;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Gram matrices C = X Xᵀ (real) and C_kl = ⟨x_k, x_l⟩ = Σ_j conj(x_kj) x_lj (complex) of the n
 * rows of a row-major matrix X, the O(n² len) heart of forming the quantum geometric tensor.
 *
 * <p>Only the upper triangle is computed (half the work), with a 2 × 4 register-blocked dot
 * kernel over row chunks of Y that stay in L2 cache; the lower triangle is then mirrored.
 * Measured on the development machine this is several times faster than EJML's
 * {@code multTransA} for the ΔOᵀΔO shapes of SR.
 */
public final class GramKernel {
    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    /** Doubles of Y kept hot per chunk: 1 MiB, half a typical L2. */
    private static final int CHUNK_DOUBLES = 1 << 17;

    private GramKernel() {
    }

    /**
     * C = scale · X Xᵀ for the n × len row-major X, written fully (both triangles) into the
     * row-major n × n array {@code c}.
     */
    public static void symmetric(double[] x, int n, int len, double scale, double[] c) {
        upperProduct(x, x, n, len, scale, c, 0, 1);
        for (int k = 0; k < n; k++) {
            for (int l = k + 1; l < n; l++) {
                c[l * n + k] = c[k * n + l];
            }
        }
    }

    /**
     * C_kl = scale · Σ_j conj(x_kj) x_lj for the n rows of m complex numbers of X (interleaved,
     * row length 2m), written fully into the interleaved row-major n × n array {@code c}
     * (EJML {@code ZMatrixRMaj} layout).
     *
     * <p>With the real dot · of interleaved arrays, ⟨x, y⟩ = x·y + i x·(−i y); {@code minusIx}
     * must hold −i X (see {@link DenseKernels#timesMinusI}).
     */
    public static void hermitian(double[] x, double[] minusIx, int n, int m, double scale, double[] c) {
        upperProduct(x, x, n, 2 * m, scale, c, 0, 2);
        upperProduct(x, minusIx, n, 2 * m, scale, c, 1, 2);
        for (int k = 0; k < n; k++) {
            c[2 * (k * n + k) + 1] = 0.0; // exactly real on the diagonal
            for (int l = k + 1; l < n; l++) {
                c[2 * (l * n + k)] = c[2 * (k * n + l)];
                c[2 * (l * n + k) + 1] = -c[2 * (k * n + l) + 1];
            }
        }
    }

    /**
     * Upper triangle of scale · X Yᵀ: for 0 ≤ k ≤ l &lt; n,
     * c[cOff + (k n + l) cStride] = scale Σ_j x[k len + j] y[l len + j]; X, Y are n × len row-major.
     * Entries below the diagonal are not written.
     */
    public static void upperProduct(double[] x, double[] y, int n, int len, double scale, double[] c, int cOff,
            int cStride) {
        int chunk = Math.max(4, (CHUNK_DOUBLES / Math.max(1, len)) & ~3);
        for (int l0 = 0; l0 < n; l0 += chunk) {
            int l1 = Math.min(n, l0 + chunk);
            int k = 0;
            for (; k + 1 < l1; k += 2) {
                int l = Math.max(l0, k);
                for (; l + 3 < l1; l += 4) {
                    block2x4(x, y, k, l, n, len, scale, c, cOff, cStride);
                }
                for (; l < l1; l++) {
                    store(c, cOff, cStride, n, k, l, scale * DenseKernels.dot(x, k * len, y, l * len, len));
                    store(c, cOff, cStride, n, k + 1, l, scale * DenseKernels.dot(x, (k + 1) * len, y, l * len, len));
                }
            }
            if (k < l1) {
                for (int l = Math.max(l0, k); l < l1; l++) {
                    store(c, cOff, cStride, n, k, l, scale * DenseKernels.dot(x, k * len, y, l * len, len));
                }
            }
        }
    }

    private static void store(double[] c, int cOff, int cStride, int n, int k, int l, double value) {
        if (l >= k) {
            c[cOff + (k * n + l) * cStride] = value;
        }
    }

    /** Rows k, k+1 of X against rows l..l+3 of Y: 8 independent FMA chains. */
    private static void block2x4(double[] x, double[] y, int k, int l, int n, int len, double scale, double[] c,
            int cOff, int cStride) {
        int x0 = k * len;
        int x1 = x0 + len;
        int y0 = l * len;
        int y1 = y0 + len;
        int y2 = y1 + len;
        int y3 = y2 + len;
        DoubleVector s00 = DoubleVector.zero(SPECIES);
        DoubleVector s01 = s00;
        DoubleVector s02 = s00;
        DoubleVector s03 = s00;
        DoubleVector s10 = s00;
        DoubleVector s11 = s00;
        DoubleVector s12 = s00;
        DoubleVector s13 = s00;
        int bound = SPECIES.loopBound(len);
        int j = 0;
        for (; j < bound; j += SPECIES.length()) {
            DoubleVector a0 = DoubleVector.fromArray(SPECIES, x, x0 + j);
            DoubleVector a1 = DoubleVector.fromArray(SPECIES, x, x1 + j);
            DoubleVector b = DoubleVector.fromArray(SPECIES, y, y0 + j);
            s00 = a0.fma(b, s00);
            s10 = a1.fma(b, s10);
            b = DoubleVector.fromArray(SPECIES, y, y1 + j);
            s01 = a0.fma(b, s01);
            s11 = a1.fma(b, s11);
            b = DoubleVector.fromArray(SPECIES, y, y2 + j);
            s02 = a0.fma(b, s02);
            s12 = a1.fma(b, s12);
            b = DoubleVector.fromArray(SPECIES, y, y3 + j);
            s03 = a0.fma(b, s03);
            s13 = a1.fma(b, s13);
        }
        double c00 = DenseKernels.sumLanes(s00);
        double c01 = DenseKernels.sumLanes(s01);
        double c02 = DenseKernels.sumLanes(s02);
        double c03 = DenseKernels.sumLanes(s03);
        double c10 = DenseKernels.sumLanes(s10);
        double c11 = DenseKernels.sumLanes(s11);
        double c12 = DenseKernels.sumLanes(s12);
        double c13 = DenseKernels.sumLanes(s13);
        for (; j < len; j++) {
            double a0 = x[x0 + j];
            double a1 = x[x1 + j];
            c00 += a0 * y[y0 + j];
            c01 += a0 * y[y1 + j];
            c02 += a0 * y[y2 + j];
            c03 += a0 * y[y3 + j];
            c10 += a1 * y[y0 + j];
            c11 += a1 * y[y1 + j];
            c12 += a1 * y[y2 + j];
            c13 += a1 * y[y3 + j];
        }
        store(c, cOff, cStride, n, k, l, scale * c00);
        store(c, cOff, cStride, n, k, l + 1, scale * c01);
        store(c, cOff, cStride, n, k, l + 2, scale * c02);
        store(c, cOff, cStride, n, k, l + 3, scale * c03);
        store(c, cOff, cStride, n, k + 1, l, scale * c10);
        store(c, cOff, cStride, n, k + 1, l + 1, scale * c11);
        store(c, cOff, cStride, n, k + 1, l + 2, scale * c12);
        store(c, cOff, cStride, n, k + 1, l + 3, scale * c13);
    }
}
