package org.nqs4j.optimizers;

/** δ = F: plain gradient descent (up to the factor 2 of a real ansatz, absorbed in η). */
public final class IdentityPreconditioner implements Preconditioner {
    @Override
    public void apply(LogDerivativeSamples centeredO, double[] force, double[] direction, int iteration) {
        int row = centeredO.rowLength();
        if (force.length < row || direction.length < row) {
            throw new IllegalArgumentException("force and direction need " + row + " doubles, got "
                    + force.length + " and " + direction.length);
        }
        System.arraycopy(force, 0, direction, 0, row);
    }

    @Override
    public String description() {
        return "identity (plain gradient)";
    }
}
