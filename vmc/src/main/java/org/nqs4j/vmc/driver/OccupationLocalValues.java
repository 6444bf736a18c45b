package org.nqs4j.vmc.driver;

import org.nqs4j.ansatz.WalkerCache;
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
        return new Evaluator(operator);
    }

    /** The connections of x, each element times its ratio. */
    private static final class Evaluator implements LocalValue {
        private final OccupationOperator operator;
        private final FockConnections connections;
        private final double[] ratio = new double[2];
        /** For {@link #rowFromWalker}: the connections of x'. */
        private final FockConnections nextConnections;

        Evaluator(OccupationOperator operator) {
            this.operator = operator;
            this.connections = operator.newConnections();
            this.nextConnections = operator.newConnections();
        }

        @Override
        public void evaluate(WalkerCache cache, double[] out) {
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
        }

        @Override
        public void evaluateSecond(WalkerCache cache, NeighbourValue neighbours, double[] out) {
            evaluate(cache, out); // leaves the connections of x in place
            neighbours.startAt(cache.configuration());
            double re = 0;
            double im = 0;
            for (int k = 0; k < connections.size(); k++) {
                double element = connections.value(k);
                int n = connections.changeCount(k);
                if (n == 0) {
                    re += element * out[0];
                    im += element * out[1];
                    continue;
                }
                int[] modes = connections.changeModes();
                int[] values = connections.changeValues();
                int offset = connections.changeOffset(k);
                cache.ratio(modes, values, offset, n, ratio);
                double termRe = Double.NaN;
                double termIm = Double.NaN;
                if (ratio[0] != 0 || ratio[1] != 0) { // ψ(x') ≠ 0: the probe's O_loc(x')
                    double tRe = element * ratio[0];
                    double tIm = element * ratio[1];
                    double[] next = neighbours.at(modes, values, offset, n);
                    termRe = tRe * next[0] - tIm * next[1];
                    termIm = tRe * next[1] + tIm * next[0];
                }
                if (!Double.isFinite(termRe) || !Double.isFinite(termIm)) { // a node: (Ôψ)(x')/ψ(x) from x
                    rowFromWalker(cache, neighbours, modes, values, offset, n);
                    termRe = element * ratio[0];
                    termIm = element * ratio[1];
                }
                re += termRe;
                im += termIm;
            }
            out[2] = re;
            out[3] = im;
        }

        /**
         * (Ôψ)(x')/ψ(x) into {@code ratio} for the connection x' of x that is the move (modes, values), each
         * ratio ψ(x'')/ψ(x) asked of the walker's cache at x for the combined move.
         */
        private void rowFromWalker(WalkerCache cache, NeighbourValue neighbours, int[] modes, int[] values, int offset,
                                   int n) {
            int[] x = cache.configuration();
            int[] xPrime = neighbours.moveTo(x, modes, values, offset, n);
            operator.connections(xPrime, nextConnections);
            double re = 0;
            double im = 0;
            for (int j = 0; j < nextConnections.size(); j++) {
                neighbours.ratioFromX(cache, nextConnections.changeModes(), nextConnections.changeValues(),
                        nextConnections.changeOffset(j), nextConnections.changeCount(j), ratio);
                re += nextConnections.value(j) * ratio[0];
                im += nextConnections.value(j) * ratio[1];
            }
            ratio[0] = re;
            ratio[1] = im;
        }
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
