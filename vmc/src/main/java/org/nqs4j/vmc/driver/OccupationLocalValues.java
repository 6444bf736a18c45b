package org.nqs4j.vmc.driver;

import org.nqs4j.hamiltonians.fock.FockConnections;
import org.nqs4j.hamiltonians.fock.OccupationOperator;

/**
 * Local values of an occupation-number operator (fermions in the Jordan–Wigner basis, bosons): each
 * connection is already a move, a list of (mode, new occupation), with a real element (the
 * Jordan–Wigner sign included). Terms that reach the same x' are not merged; their ratios are
 * taken once each, as the operator lists them.
 */
record OccupationLocalValues(OccupationOperator operator) implements SampledOperator {
    @Override
    public LocalValue newLocalValue() {
        FockConnections connections = operator.newConnections();
        double[] ratio = new double[2];
        return (cache, out) -> {
            operator.connections(cache.configuration(), connections);
            double re = 0;
            double im = 0;
            for (int k = 0; k < connections.size(); k++) {
                double element = connections.value(k); // real, so ⟨x|Ô|x'⟩ = ⟨x'|Ô|x⟩
                int n = connections.changeCount(k);
                if (n == 0) {
                    re += element;
                    continue;
                }
                cache.ratio(connections.changeModes(), connections.changeValues(), connections.changeOffset(k), n,
                        ratio);
                re += element * ratio[0];
                im += element * ratio[1];
            }
            out[0] = re;
            out[1] = im;
        };
    }

    @Override
    public double normBound() {
        return operator.normBound();
    }

    @Override
    public String description() {
        return operator.description();
    }
}
