package org.nqs4j.validation;

import org.ejml.data.DMatrixRMaj;

/**
 * Exact lowest energy of the spin-1/2 XXZ ring H = J Σ_{i=1}^{L} (S^x_iS^x_{i+1} + S^y_iS^y_{i+1}
 * + Δ S^z_iS^z_{i+1}) (S = σ/2, S_{L+1} ≡ S_1, J &gt; 0) in the sector S^z = L/2 − M with
 * M = ⌊L/2⌋ down spins, for Δ &gt; −1, by the Bethe ansatz of the finite ring (H. Bethe, Z. Phys.
 * 71, 205 (1931); R. Orbach, Phys. Rev. 112, 309 (1958); C. N. Yang and C. P. Yang, Phys. Rev.
 * 150, 321 (1966); M. Takahashi, <i>Thermodynamics of One-Dimensional Solvable Models</i>, ch. 4).
 *
 * <p>Over the ferromagnetic reference state (all up, energy JΔL/4) a magnon of momentum k costs
 * J(cos k − Δ). The M magnons of the ground state have real rapidities x_j solving the
 * logarithmic Bethe equations
 * <pre>
 *   F_j(x) = L·θ_1(x_j) − Σ_{k≠j} θ_2(x_j − x_k) − 2π I_j = 0,
 *   E = J·(Δ·L/4 + Σ_j ε(x_j)),
 * </pre>
 * with the quantum numbers I_j = −(M−1)/2, …, (M−1)/2 (integers when L − M is odd, half-odd
 * integers when it is even; for odd L the set is shifted by +1/2, one of the two degenerate
 * ground states of momentum ±k). The phases θ_n and the magnon energy ε depend on the regime
 * ({@link Regime}):
 * <pre>
 *   Δ = 1         θ_n(x) = 2 arctan(2x/n)                        ε(x) = −2/(4x² + 1)
 *   Δ = cos γ     θ_n(x) = 2 arctan(cot(nγ/2)·tanh x)            ε(x) = −sin²γ/(cosh 2x − cos γ)
 *   Δ = cosh η    θ_n(x) = 2 arctan(coth(nη/2)·tan x), continued  ε(x) = −sinh²η/(cosh η − cos 2x)
 * </pre>
 * (critical 0 &lt; γ &lt; π; gapped η &gt; 0 with x ∈ (−π/2, π/2] and θ_n(x + π) = θ_n(x) + 2π). The
 * limit γ → 0 with x = γλ gives the isotropic row.
 *
 * <p>Newton's method ({@link DampedNewton}) with the analytic Jacobian (the Gaudin matrix) ∂F_j/∂x_j = L·θ_1'(x_j) −
 * Σ_{k≠j} θ_2'(x_j − x_k), ∂F_j/∂x_l = θ_2'(x_j − x_l), halving the step until ‖F‖ decreases,
 * stops once ‖F‖ reaches the rounding level 64·ulp(2πL)·√M of its terms. It starts from the roots
 * of the mean-field counting function θ_1(x) − θ_2(x)/2 = 2π I_j/L, which has the range
 * (−π/2, π/2) of the exact counting function of the half-filled ground state, so every
 * quantum number has its root from the start.
 *
 * <p>For Δ ≤ −1 the ground state is ferromagnetic ({@link #ferromagneticGroundEnergy}); its S^z = 0
 * sector for Δ &lt; −1 holds bound magnons (complex strings), not covered here.
 */
public final class BetheAnsatzXxz {
    private static final int BISECTIONS = 200;

    private final int length;
    private final double coupling;
    private final double anisotropy;
    private final double[] rapidities;
    private final double residual;
    private final Regime regime;

    private BetheAnsatzXxz(int length, double coupling, double anisotropy, Regime regime, double[] rapidities,
                           double residual) {
        this.length = length;
        this.coupling = coupling;
        this.anisotropy = anisotropy;
        this.regime = regime;
        this.rapidities = rapidities;
        this.residual = residual;
    }

    /**
     * The phases and magnon energy of one regime of Δ. {@code phase(n, x)} is θ_n(x), {@code
     * magnonEnergy} is ε(x) in units of J; {@code [-bound, bound]} brackets every ground-state root.
     */
    sealed interface Regime {
        double phase(int n, double x);

        double phaseDerivative(int n, double x);

        double magnonEnergy(double x);

        double bound();

        static Regime of(double delta) {
            if (delta == 1) {
                return new Isotropic();
            }
            return delta < 1 ? new Critical(Math.acos(delta)) : new Gapped(acosh(delta));
        }
    }

    /** Δ = 1: rational rapidities. */
    record Isotropic() implements Regime {
        @Override
        public double phase(int n, double x) {
            return 2 * Math.atan(2 * x / n);
        }

        @Override
        public double phaseDerivative(int n, double x) {
            return 4.0 * n / (n * n + 4 * x * x);
        }

        @Override
        public double magnonEnergy(double x) {
            return -2 / (4 * x * x + 1);
        }

        @Override
        public double bound() {
            return 1e3;
        }
    }

    /** Δ = cos γ, 0 &lt; γ &lt; π: hyperbolic rapidities; θ_n' = 2c/(cosh²x + c² sinh²x), c = cot(nγ/2). */
    record Critical(double gamma) implements Regime {
        private double c(int n) {
            return 1 / Math.tan(n * gamma / 2);
        }

        @Override
        public double phase(int n, double x) {
            return 2 * Math.atan(c(n) * Math.tanh(x));
        }

        @Override
        public double phaseDerivative(int n, double x) {
            double c = c(n);
            double ch = Math.cosh(x);
            double sh = Math.sinh(x);
            return 2 * c / (ch * ch + c * c * sh * sh);
        }

        @Override
        public double magnonEnergy(double x) {
            double s = Math.sin(gamma);
            return -s * s / (Math.cosh(2 * x) - Math.cos(gamma));
        }

        @Override
        public double bound() {
            return 300;
        }
    }

    /**
     * Δ = cosh η, η &gt; 0: periodic rapidities. θ_n(x) = 2x + 2 arctan((c−1) sin 2x / ((c+1) −
     * (c−1) cos 2x)), c = coth(nη/2), equals 2 arctan(c tan x) on (−π/2, π/2) and is continuous
     * (the denominator is positive); θ_n' = 2c/(cos²x + c² sin²x).
     */
    record Gapped(double eta) implements Regime {
        private double c(int n) {
            return 1 / Math.tanh(n * eta / 2);
        }

        @Override
        public double phase(int n, double x) {
            double c = c(n);
            return 2 * x + 2 * Math.atan2((c - 1) * Math.sin(2 * x), (c + 1) - (c - 1) * Math.cos(2 * x));
        }

        @Override
        public double phaseDerivative(int n, double x) {
            double c = c(n);
            double co = Math.cos(x);
            double si = Math.sin(x);
            return 2 * c / (co * co + c * c * si * si);
        }

        @Override
        public double magnonEnergy(double x) {
            double s = Math.sinh(eta);
            return -s * s / (Math.cosh(eta) - Math.cos(2 * x));
        }

        @Override
        public double bound() {
            return Math.PI / 2;
        }
    }

    /**
     * The ground state of the even ring (S^z = 0), or of the odd ring in S^z = 1/2, for J &gt; 0 and
     * Δ &gt; −1 (odd L: Δ &gt; −1/2, where the shifted quantum numbers fit the counting function's
     * range, |2π I_max| &lt; L·θ_1(∞) − (M−1)·θ_2(∞) ⇔ γ &lt; 2π/3).
     */
    public static BetheAnsatzXxz groundState(int length, double coupling, double delta) {
        if (length < 2) {
            throw new IllegalArgumentException("the Bethe-ansatz ring needs L >= 2, got " + length);
        }
        if (!(coupling > 0) || !Double.isFinite(coupling)) {
            throw new IllegalArgumentException("J must be positive and finite (antiferromagnet), got " + coupling);
        }
        if (!(delta > -1) || !Double.isFinite(delta)) {
            throw new IllegalArgumentException("the real-root ground state needs a finite Δ > -1, got " + delta
                    + " (for Δ <= -1 the ground state is ferromagnetic, energy JΔL/4)");
        }
        if (length % 2 == 1 && !(delta > -0.5)) {
            throw new IllegalArgumentException("an odd ring needs Δ > -1/2 (its shifted quantum numbers do not fit"
                    + " the counting function below), got Δ = " + delta + " at L = " + length);
        }
        Regime regime = Regime.of(delta);
        int m = length / 2;
        double shift = length % 2 == 0 ? 0 : 0.5;
        double[] quantumNumbers = new double[m];
        double[] x = new double[m];
        for (int j = 0; j < m; j++) {
            quantumNumbers[j] = j - (m - 1) / 2.0 + shift;
            x[j] = meanFieldRoot(regime, 2 * Math.PI * quantumNumbers[j] / length);
        }
        // rounding level of F: its terms are of size up to πL
        double floor = 64 * Math.ulp(2 * Math.PI * length) * Math.sqrt(m);
        DampedNewton.Problem bethe = new DampedNewton.Problem() {
            @Override
            public double residual(double[] roots, double[] f) {
                return equations(regime, length, quantumNumbers, roots, f);
            }

            @Override
            public void jacobian(double[] roots, DMatrixRMaj jacobian) {
                gaudinMatrix(regime, length, roots, jacobian);
            }
        };
        double norm = DampedNewton.solve(bethe, x, floor, "Bethe equations (L = " + length + ", Δ = " + delta + ")");
        return new BetheAnsatzXxz(length, coupling, delta, regime, x, norm);
    }

    /**
     * Ground-state energy JΔL/4 for J &gt; 0, Δ ≤ −1, any L ≥ 2, in the full space (all spins up or
     * all down) and, at Δ = −1 on an even ring, in every S^z sector. Each bond's lowest level is
     * JΔ/4 (its |↑↑⟩, |↓↓⟩; the singlet lies at −J/2 − JΔ/4 ≥ JΔ/4), so Σ_bonds is bounded below by
     * LJΔ/4, which the polarised state reaches; at Δ = −1 the sublattice rotation of an even ring
     * maps H onto the isotropic ferromagnet −J Σ S_i·S_{i+1}, whose ground multiplet (S = L/2)
     * has a member in every sector.
     */
    public static double ferromagneticGroundEnergy(int length, double coupling, double delta) {
        if (!(coupling > 0) || !(delta <= -1)) {
            throw new IllegalArgumentException("the ferromagnetic ground state needs J > 0 and Δ <= -1, got J = "
                    + coupling + ", Δ = " + delta);
        }
        return coupling * delta * length / 4;
    }

    /** The root of the increasing mean-field counting function θ_1(x) − θ_2(x)/2 = v, by bisection. */
    private static double meanFieldRoot(Regime regime, double v) {
        double lo = -regime.bound();
        double hi = regime.bound();
        for (int i = 0; i < BISECTIONS && hi - lo > Math.ulp(hi); i++) {
            double mid = 0.5 * (lo + hi);
            if (regime.phase(1, mid) - 0.5 * regime.phase(2, mid) < v) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    /** Fills F(x) and returns its Euclidean norm. */
    private static double equations(Regime regime, int length, double[] quantumNumbers, double[] x, double[] f) {
        int m = x.length;
        double sum2 = 0;
        for (int j = 0; j < m; j++) {
            double scattering = 0;
            for (int k = 0; k < m; k++) {
                if (k != j) {
                    scattering += regime.phase(2, x[j] - x[k]);
                }
            }
            f[j] = length * regime.phase(1, x[j]) - scattering - 2 * Math.PI * quantumNumbers[j];
            sum2 += f[j] * f[j];
        }
        return Math.sqrt(sum2);
    }

    private static void gaudinMatrix(Regime regime, int length, double[] x, DMatrixRMaj jac) {
        int m = x.length;
        for (int j = 0; j < m; j++) {
            double diagonal = length * regime.phaseDerivative(1, x[j]);
            for (int l = 0; l < m; l++) {
                if (l != j) {
                    double kernel = regime.phaseDerivative(2, x[j] - x[l]);
                    jac.unsafe_set(j, l, kernel);
                    diagonal -= kernel;
                }
            }
            jac.unsafe_set(j, j, diagonal);
        }
    }

    private static double acosh(double y) {
        return Math.log(y + Math.sqrt((y - 1) * (y + 1)));
    }

    /** E_0 = J·(Δ·L/4 + Σ_j ε(x_j)). */
    public double groundEnergy() {
        double sum = 0;
        for (double x : rapidities) {
            sum += regime.magnonEnergy(x);
        }
        return coupling * (anisotropy * length / 4.0 + sum);
    }

    /** The ⌊L/2⌋ rapidities, ascending. */
    public double[] rapidities() {
        return rapidities.clone();
    }

    /** ‖F(x)‖ at the solution. */
    public double residual() {
        return residual;
    }

    public int length() {
        return length;
    }

    public double anisotropy() {
        return anisotropy;
    }
}
