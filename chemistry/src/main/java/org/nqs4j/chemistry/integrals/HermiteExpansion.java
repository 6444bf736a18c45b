package org.nqs4j.chemistry.integrals;

/**
 * McMurchie-Davidson expansion of a 1D Gaussian product in Hermite Gaussians:
 * x_A^i x_B^j exp(-a x_A^2) exp(-b x_B^2) = sum_t E^{ij}_t Lambda_t(x_P), with p = a + b,
 * P = (aA + bB)/p. Recursion (Helgaker, Jorgensen &amp; Olsen eq. 9.5.6-9.5.7):
 * E^{00}_0 = exp(-ab/p (A-B)^2), E^{i+1,j}_t = E^{ij}_{t-1}/(2p) + X_PA E^{ij}_t + (t+1) E^{ij}_{t+1},
 * and the same in j with X_PB.
 */
final class HermiteExpansion {
    private final int iMax;
    private final int jMax;
    private final int tMax;
    /** e[(i*(jMax+1) + j)*(tMax+1) + t]. */
    private final double[] e;

    HermiteExpansion(int iMax, int jMax) {
        this.iMax = iMax;
        this.jMax = jMax;
        this.tMax = iMax + jMax;
        this.e = new double[(iMax + 1) * (jMax + 1) * (tMax + 1)];
    }

    /** Fills the table for exponents a, b and centres xa, xb. */
    void compute(double a, double b, double xa, double xb) {
        java.util.Arrays.fill(e, 0);
        double p = a + b;
        double q = a * b / p;
        double xab = xa - xb;
        double xpa = -b * xab / p;
        double xpb = a * xab / p;
        double half = 0.5 / p;
        e[idx(0, 0, 0)] = Math.exp(-q * xab * xab);
        for (int i = 0; i <= iMax; i++) {
            for (int j = 0; j <= jMax; j++) {
                if (i == 0 && j == 0) {
                    continue;
                }
                for (int t = 0; t <= i + j; t++) {
                    double v;
                    if (i > 0) {
                        v = xpa * at(i - 1, j, t) + (t + 1) * at(i - 1, j, t + 1) + (t > 0 ? half * at(i - 1, j, t - 1) : 0);
                    } else {
                        v = xpb * at(i, j - 1, t) + (t + 1) * at(i, j - 1, t + 1) + (t > 0 ? half * at(i, j - 1, t - 1) : 0);
                    }
                    e[idx(i, j, t)] = v;
                }
            }
        }
    }

    private int idx(int i, int j, int t) {
        return (i * (jMax + 1) + j) * (tMax + 1) + t;
    }

    /** E^{ij}_t, zero outside 0 &lt;= t &lt;= i + j. */
    double at(int i, int j, int t) {
        return t < 0 || t > i + j ? 0 : e[idx(i, j, t)];
    }
}
