package org.nqs4j.optimizers;

/**
 * Adam (Kingma &amp; Ba 2015, Algorithm 1) with bias correction, applied to the direction δ:
 * <pre>
 * m_t = β₁ m_{t−1} + (1 − β₁) δ,   v_t = β₂ v_{t−1} + (1 − β₂) δ²,
 * p  ← p − η_p m̂_t / (√v̂_t + ε̂),  m̂_t = m_t / (1 − β₁ᵗ),  v̂_t = v_t / (1 − β₂ᵗ),
 * </pre>
 * with t = 1, 2, … counting the steps taken by this instance (saved in checkpoints) and η_p
 * from a schedule in the optimisation step p.
 *
 * <p>Complex parameters are treated component-wise: the interleaved real and imaginary parts
 * are two independent real coordinates, each with its own moments (δ_re², δ_im² rather than
 * |δ|²). This is Adam on ℝ^{2P}; it is not invariant under a phase rotation of a parameter.
 */
public final class Adam implements Optimizer {
    private final Schedule learningRate;
    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private double[] m = new double[0];
    private double[] v = new double[0];
    private long t;

    /** Kingma &amp; Ba defaults β₁ = 0.9, β₂ = 0.999, ε̂ = 10⁻⁸. */
    public Adam(Schedule learningRate) {
        this(learningRate, 0.9, 0.999, 1e-8);
    }

    public Adam(Schedule learningRate, double beta1, double beta2, double epsilon) {
        if (learningRate == null) {
            throw new IllegalArgumentException("Adam needs a learning-rate schedule");
        }
        if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)) {
            throw new IllegalArgumentException("Adam decay rates must be in [0, 1), got beta1 = " + beta1
                    + ", beta2 = " + beta2);
        }
        if (!(epsilon > 0) || !Double.isFinite(epsilon)) {
            throw new IllegalArgumentException("Adam epsilon must be finite and > 0, got " + epsilon);
        }
        this.learningRate = learningRate;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
    }

    @Override
    public void step(double[] parameters, double[] direction, int iteration) {
        OptimizerArguments.checkLengths(parameters, direction);
        if (t == 0 && m.length != parameters.length) {
            m = new double[parameters.length];
            v = new double[parameters.length];
        } else if (m.length != parameters.length) {
            throw new IllegalArgumentException("Adam state holds " + m.length + " parameters, got "
                    + parameters.length);
        }
        t++;
        double eta = learningRate.valueAt(iteration);
        double c1 = 1.0 / (1.0 - Math.pow(beta1, t));
        double c2 = 1.0 / (1.0 - Math.pow(beta2, t));
        for (int k = 0; k < parameters.length; k++) {
            double g = direction[k];
            m[k] = beta1 * m[k] + (1 - beta1) * g;
            v[k] = beta2 * v[k] + (1 - beta2) * g * g;
            parameters[k] -= eta * (m[k] * c1) / (Math.sqrt(v[k] * c2) + epsilon);
        }
    }

    /** {t, m₀ … m_{L−1}, v₀ … v_{L−1}}. */
    @Override
    public double[] saveState() {
        double[] state = new double[1 + 2 * m.length];
        state[0] = t;
        System.arraycopy(m, 0, state, 1, m.length);
        System.arraycopy(v, 0, state, 1 + m.length, v.length);
        return state;
    }

    @Override
    public void restoreState(double[] state) {
        if (state.length % 2 != 1 || !(state[0] >= 0) || state[0] != Math.rint(state[0])) {
            throw new IllegalArgumentException("Adam state must be {t, m[L], v[L]} with integer t >= 0; got "
                    + state.length + " doubles");
        }
        int len = (state.length - 1) / 2;
        t = (long) state[0];
        m = java.util.Arrays.copyOfRange(state, 1, 1 + len);
        v = java.util.Arrays.copyOfRange(state, 1 + len, 1 + 2 * len);
    }

    @Override
    public String description() {
        return "Adam(beta1 = " + beta1 + ", beta2 = " + beta2 + ", eps = " + epsilon + "), learning rate "
                + learningRate.description() + "; complex parameters component-wise";
    }
}
