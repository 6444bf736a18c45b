package org.nqs4j.optimizers;

/** Argument checks shared by the {@link Optimizer}s. */
final class OptimizerArguments {
    private OptimizerArguments() {
    }

    static void checkLengths(double[] parameters, double[] direction) {
        if (direction.length != parameters.length) {
            throw new IllegalArgumentException("direction has " + direction.length + " doubles but parameters have "
                    + parameters.length);
        }
    }
}
