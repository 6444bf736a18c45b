package org.nqs4j.optimizers;

/** Plain (stochastic) gradient descent p ← p − η_p δ; stateless. */
public final class Sgd implements Optimizer {
    private final Schedule learningRate;

    public Sgd(Schedule learningRate) {
        if (learningRate == null) {
            throw new IllegalArgumentException("SGD needs a learning-rate schedule");
        }
        this.learningRate = learningRate;
    }

    /** Constant learning rate η. */
    public Sgd(double learningRate) {
        this(Schedule.constant(learningRate));
    }

    @Override
    public void step(double[] parameters, double[] direction, int iteration) {
        OptimizerArguments.checkLengths(parameters, direction);
        double eta = learningRate.valueAt(iteration);
        for (int k = 0; k < parameters.length; k++) {
            parameters[k] -= eta * direction[k];
        }
    }

    @Override
    public double[] saveState() {
        return new double[0];
    }

    @Override
    public void restoreState(double[] state) {
        if (state.length != 0) {
            throw new IllegalArgumentException("SGD is stateless; expected an empty state, got " + state.length
                    + " doubles");
        }
    }

    @Override
    public String description() {
        return "SGD, learning rate " + learningRate.description();
    }
}
