package org.nqs4j.validation;

import java.util.Arrays;

/**
 * Component-parallel kernels on sets of long vectors (the Krylov basis of {@link Lanczos}).
 * Each thread works on a fixed component range in cache-sized chunks; partial sums are reduced
 * in range order, so results are reproducible.
 */
final class VectorKernels {
    private static final int CHUNK = 2048;

    private final int[] bounds;
    private final double[][] partial;  // per range: partial dot products
    private final double[][] rotation; // per range: CHUNK × maxVectors scratch for rotate()
    private final double[][] single = new double[1][];
    private final double[] singleDot = new double[1];

    VectorKernels(int length, int maxVectors) {
        this.bounds = RowParallel.evenBounds(length);
        int parts = bounds.length - 1;
        this.partial = new double[parts][maxVectors];
        this.rotation = new double[parts][CHUNK * maxVectors];
    }

    /** Bytes of scratch held by these kernels. */
    long memoryBytes() {
        return 8L * partial.length * (partial[0].length + rotation[0].length);
    }

    /** c_l = v_l·w for l < count. */
    void dots(double[][] v, int count, double[] w, double[] c) {
        RowParallel.run(bounds, (part, from, to) -> {
            double[] s = partial[part];
            Arrays.fill(s, 0, count, 0.0);
            for (int t0 = from; t0 < to; t0 += CHUNK) {
                int t1 = Math.min(to, t0 + CHUNK);
                for (int l = 0; l < count; l++) {
                    double[] vl = v[l];
                    double acc = 0;
                    for (int t = t0; t < t1; t++) {
                        acc += vl[t] * w[t];
                    }
                    s[l] += acc;
                }
            }
        });
        for (int l = 0; l < count; l++) {
            double sum = 0;
            for (double[] s : partial) {
                sum += s[l];
            }
            c[l] = sum;
        }
    }

    /** w ← w − Σ_{l<count} c_l v_l. */
    void subtract(double[][] v, int count, double[] c, double[] w) {
        RowParallel.run(bounds, (part, from, to) -> {
            for (int t0 = from; t0 < to; t0 += CHUNK) {
                int t1 = Math.min(to, t0 + CHUNK);
                for (int l = 0; l < count; l++) {
                    double[] vl = v[l];
                    double cl = c[l];
                    for (int t = t0; t < t1; t++) {
                        w[t] -= cl * vl[t];
                    }
                }
            }
        });
    }

    /** In place: v_l ← Σ_{i<count} y[i][l] v_i for l < keep (v ← V·Y restricted to keep columns). */
    void rotate(double[][] v, int count, double[][] y, int keep) {
        RowParallel.run(bounds, (part, from, to) -> {
            double[] tmp = rotation[part];
            for (int t0 = from; t0 < to; t0 += CHUNK) {
                int len = Math.min(to, t0 + CHUNK) - t0;
                Arrays.fill(tmp, 0, keep * len, 0.0);
                for (int i = 0; i < count; i++) {
                    double[] vi = v[i];
                    for (int l = 0; l < keep; l++) {
                        double yil = y[i][l];
                        int o = l * len - t0;
                        for (int t = t0; t < t0 + len; t++) {
                            tmp[o + t] += yil * vi[t];
                        }
                    }
                }
                for (int l = 0; l < keep; l++) {
                    System.arraycopy(tmp, l * len, v[l], t0, len);
                }
            }
        });
    }

    double dot(double[] a, double[] b) {
        single[0] = a;
        dots(single, 1, b, singleDot);
        return singleDot[0];
    }

    /** w ← s·w. */
    void scale(double s, double[] w) {
        RowParallel.run(bounds, (part, from, to) -> {
            for (int t = from; t < to; t++) {
                w[t] *= s;
            }
        });
    }
}
