package org.nqs4j.chemistry.integrals;

/**
 * The Hermite Coulomb integrals R_{tuv}(alpha, X, Y, Z) for t+u+v &lt;= L by the
 * McMurchie-Davidson recursion (Helgaker, Jorgensen &amp; Olsen eq. 9.9.18-9.9.20):
 * R^n_{000} = (-2 alpha)^n F_n(alpha R^2), R^n_{t+1,u,v} = t R^{n+1}_{t-1,u,v} + X R^{n+1}_{t,u,v},
 * likewise in u (Y) and v (Z); R_{tuv} = R^0_{tuv}.
 */
final class HermiteCoulomb {
    private final int l;
    private final int d;
    /** r[n][(t*d + u)*d + v], d = L+1. */
    private final double[][] r;
    private final double[] boys;

    HermiteCoulomb(int maxL) {
        this.l = maxL;
        this.d = maxL + 1;
        this.r = new double[d][d * d * d];
        this.boys = new double[d];
    }

    void compute(double alpha, double x, double y, double z) {
        Boys.values(l, alpha * (x * x + y * y + z * z), boys);
        double f = 1;
        for (int n = 0; n <= l; n++) {
            r[n][0] = f * boys[n];
            f *= -2 * alpha;
        }
        for (int n = l - 1; n >= 0; n--) {
            double[] up = r[n + 1];
            double[] cur = r[n];
            for (int t = 0; t <= l - n; t++) {
                for (int u = 0; u <= l - n - t; u++) {
                    for (int v = 0; v <= l - n - t - u; v++) {
                        if (t + u + v == 0) {
                            continue;
                        }
                        double val;
                        if (t > 0) {
                            val = x * up[i(t - 1, u, v)] + (t > 1 ? (t - 1) * up[i(t - 2, u, v)] : 0);
                        } else if (u > 0) {
                            val = y * up[i(t, u - 1, v)] + (u > 1 ? (u - 1) * up[i(t, u - 2, v)] : 0);
                        } else {
                            val = z * up[i(t, u, v - 1)] + (v > 1 ? (v - 1) * up[i(t, u, v - 2)] : 0);
                        }
                        cur[i(t, u, v)] = val;
                    }
                }
            }
        }
    }

    private int i(int t, int u, int v) {
        return (t * d + u) * d + v;
    }

    double at(int t, int u, int v) {
        return r[0][i(t, u, v)];
    }
}
