package org.nqs4j.validation;

import org.ejml.data.DMatrixRMaj;

/**
 * Ground-state energy of the periodic Hubbard ring H = −t Σ_{jσ} (c†_{jσ}c_{j+1,σ} + h.c.)
 * + U Σ_j n_{j↑}n_{j↓} (t &gt; 0, U &gt; 0, c_{L+1} ≡ c_1) with N↑ + N↓ = N ≤ L electrons, by the
 * Bethe ansatz of Lieb &amp; Wu (Phys. Rev. Lett. 20, 1445 (1968)) in the logarithmic form of
 * Essler et al., <i>The One-Dimensional Hubbard Model</i> (CUP 2005), with u = U/(4t), θ(x) = 2 arctan x, M ≤ min(N↑, N↓) down spins and real charge momenta k_j (j = 1..N)
 * and spin rapidities Λ_α (α = 1..M),
 * <pre>
 *   L k_j = 2π I_j − Σ_α θ((sin k_j − Λ_α)/u),
 *   Σ_j θ((Λ_α − sin k_j)/u) = 2π J_α + Σ_β θ((Λ_α − Λ_β)/(2u)),
 *   E = −2t Σ_j cos k_j.
 * </pre>
 * I_j is an integer if M is even and a half-odd integer if M is odd; J_α is an integer if N − M
 * is odd and a half-odd integer if N − M is even. The ground state fills both sets
 * consecutively around zero, I_j = −(N−1)/2 + j − 1 + s_I and J_α = −(M−1)/2 + α − 1 + s_J. When
 * that centred set has the wrong parity (an open shell, e.g. N↑ and N↓ even), s = ±1/2; the
 * lowest of the candidate shifts is taken, and unless its momentum P = 2π(ΣI + ΣJ)/L is 0 or π
 * its mirror image (−s) is degenerate with it, which {@link #degenerate()} says. Bethe states are SU(2) highest-weight states of spin
 * S = N/2 − M, so the ground state of the sector (N↑, N↓) is the lowest over M = 0..min(N↑, N↓)
 * (an open shell can have S &gt; 0 by Hund's rule, e.g. L = 6, N↑ = N↓ = 2); at half filling of
 * an even ring it is the singlet (E. H. Lieb, Phys. Rev. Lett. 62, 1201 (1989)).
 *
 * <p>The N + M equations are solved by {@link DampedNewton}, continued in u from u₀ = max(u, 4),
 * where the free guess k_j = 2π I_j/L, Λ_α = u·tan(π J_α/N) (the large-u limit, where the spin
 * equations decouple into Heisenberg-like ones) lies close, down to u in steps of at most 30 %.
 */
public final class LiebWu {
    private static final double START_U = 4;

    private final double energy;
    private final boolean degenerate;
    private final double residual;

    private LiebWu(double energy, boolean degenerate, double residual) {
        this.energy = energy;
        this.degenerate = degenerate;
        this.residual = residual;
    }

    /**
     * The ground state of the ring of length L ≥ 3 with N↑ + N↓ ≤ L, t &gt; 0 and U &gt; 0.
     *
     * @throws IllegalArgumentException outside that range
     * @throws IllegalStateException if Newton's method does not converge
     */
    public static LiebWu groundState(int length, int nUp, int nDown, double t, double u) {
        if (length < 3) {
            throw new IllegalArgumentException("the Lieb-Wu ring needs L >= 3, got " + length);
        }
        if (nUp < 0 || nDown < 0 || nUp + nDown > length || nUp + nDown == 0) {
            throw new IllegalArgumentException("the Lieb-Wu ground state is solved for 0 < N↑ + N↓ <= L, got N↑ = "
                    + nUp + ", N↓ = " + nDown + " on L = " + length);
        }
        if (!(t > 0) || !(u > 0) || !Double.isFinite(t) || !Double.isFinite(u)) {
            throw new IllegalArgumentException("the Lieb-Wu ground state needs t > 0 and U > 0 finite, got t = " + t
                    + ", U = " + u);
        }
        int n = nUp + nDown;
        // SU(2): the S_z = (N↑ − N↓)/2 ground state belongs to a multiplet whose highest-weight
        // Bethe state has M' ≤ min(N↑, N↓) down spins; at half filling on a bipartite ring it is a
        // singlet (Lieb 1989), M' = N/2, otherwise every M' is tried
        int m = Math.min(nUp, nDown);
        int fewest = n == length && length % 2 == 0 ? m : 0;
        double best = Double.POSITIVE_INFINITY;
        boolean shifted = false;
        double residual = 0;
        for (int mm = fewest; mm <= m; mm++) {
            for (double si : shifts(-(n - 1) / 2.0, mm % 2 == 1)) {
                for (double sj : shifts(-(mm - 1) / 2.0, (n - mm) % 2 == 0)) {
                    Equations eq = new Equations(length, n, mm, si, sj, u / (4 * t));
                    double[] x = solve(eq);
                    double e = 0;
                    for (int j = 0; j < n; j++) {
                        e -= 2 * t * Math.cos(x[j]);
                    }
                    if (e < best) {
                        best = e;
                        // P = Σk = 2π(ΣI + ΣJ)/L = π·q/L with q = 2(N s_I + M s_J): the mirror state
                        // (−s_I, −s_J) has −P, a different state unless P ∈ {0, π}
                        long q = Math.round(2 * (n * si + mm * sj));
                        shifted = q % length != 0;
                        residual = eq.residual(x, new double[n + mm]);
                    }
                }
            }
        }
        return new LiebWu(best, shifted, residual);
    }

    /** {0} when base has the required parity (half-odd or integer), else {−1/2, +1/2}. */
    private static double[] shifts(double base, boolean halfOdd) {
        boolean baseHalfOdd = Math.rint(base) != base;
        return baseHalfOdd == halfOdd ? new double[] {0} : new double[] {-0.5, 0.5};
    }

    private static double[] solve(Equations target) {
        int n = target.n();
        int m = target.m();
        double current = Math.max(target.u(), START_U);
        Equations start = target.at(current);
        double[] x = new double[n + m];
        for (int j = 0; j < n; j++) {
            x[j] = 2 * Math.PI * start.quantumI(j) / target.length();
        }
        for (int a = 0; a < m; a++) {
            x[n + a] = current * Math.tan(Math.PI * start.quantumJ(a) / n);
        }
        double floor = 64 * Math.ulp(2 * Math.PI * target.length()) * Math.sqrt(n + m);
        DampedNewton.solve(start, x, floor, "Lieb-Wu equations (" + start + ")");
        while (current > target.u()) {
            current = Math.max(target.u(), 0.7 * current);
            Equations step = target.at(current);
            DampedNewton.solve(step, x, floor, "Lieb-Wu equations (" + step + ")");
        }
        return x;
    }

    /** F_j (charge) and G_α (spin) with unknowns x = (k_1..k_N, Λ_1..Λ_M). */
    private record Equations(int length, int n, int m, double shiftI, double shiftJ, double u)
            implements DampedNewton.Problem {
        Equations at(double otherU) {
            return new Equations(length, n, m, shiftI, shiftJ, otherU);
        }

        double quantumI(int j) {
            return -(n - 1) / 2.0 + j + shiftI;
        }

        double quantumJ(int a) {
            return -(m - 1) / 2.0 + a + shiftJ;
        }

        @Override
        public double residual(double[] x, double[] f) {
            double sum2 = 0;
            for (int j = 0; j < n; j++) {
                double s = Math.sin(x[j]);
                double phase = 0;
                for (int a = 0; a < m; a++) {
                    phase += theta((s - x[n + a]) / u);
                }
                f[j] = length * x[j] + phase - 2 * Math.PI * quantumI(j);
                sum2 += f[j] * f[j];
            }
            for (int a = 0; a < m; a++) {
                double lambda = x[n + a];
                double g = 0;
                for (int j = 0; j < n; j++) {
                    g += theta((lambda - Math.sin(x[j])) / u);
                }
                for (int b = 0; b < m; b++) {
                    g -= theta((lambda - x[n + b]) / (2 * u));
                }
                f[n + a] = g - 2 * Math.PI * quantumJ(a);
                sum2 += f[n + a] * f[n + a];
            }
            return Math.sqrt(sum2);
        }

        @Override
        public void jacobian(double[] x, DMatrixRMaj jac) {
            jac.zero();
            for (int j = 0; j < n; j++) {
                double s = Math.sin(x[j]);
                double c = Math.cos(x[j]);
                double diagonal = length;
                for (int a = 0; a < m; a++) {
                    double d = thetaPrime((s - x[n + a]) / u) / u;
                    diagonal += d * c;
                    jac.unsafe_set(j, n + a, -d);        // ∂F_j/∂Λ_α
                    jac.unsafe_set(n + a, j, -d * c);    // ∂G_α/∂k_j (θ' is even)
                }
                jac.unsafe_set(j, j, diagonal);
            }
            for (int a = 0; a < m; a++) {
                double lambda = x[n + a];
                double diagonal = 0;
                for (int j = 0; j < n; j++) {
                    diagonal += thetaPrime((lambda - Math.sin(x[j])) / u) / u;
                }
                for (int b = 0; b < m; b++) {
                    if (b != a) {
                        double d = thetaPrime((lambda - x[n + b]) / (2 * u)) / (2 * u);
                        diagonal -= d;
                        jac.unsafe_set(n + a, n + b, d);
                    }
                }
                jac.unsafe_set(n + a, n + a, diagonal);
            }
        }

        private static double theta(double x) {
            return 2 * Math.atan(x);
        }

        private static double thetaPrime(double x) {
            return 2 / (1 + x * x);
        }
    }

    /** E₀ = −2t Σ_j cos k_j (the lowest over the candidate quantum-number shifts). */
    public double groundEnergy() {
        return energy;
    }

    /**
     * True when the ground state found has a momentum P ∉ {0, π} (quantum numbers shifted by ½ in an
     * open shell): its mirror image has −P and the same energy, so the sector's ground state is degenerate.
     */
    public boolean degenerate() {
        return degenerate;
    }

    /** ‖(F, G)‖ at the solution. */
    public double residual() {
        return residual;
    }
}
