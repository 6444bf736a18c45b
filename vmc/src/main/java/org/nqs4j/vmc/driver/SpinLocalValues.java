package org.nqs4j.vmc.driver;

import org.nqs4j.ansatz.WalkerCache;
import org.nqs4j.hamiltonians.Connections;
import org.nqs4j.hamiltonians.LocalOperator;

/**
 * Local values of a spin-½ operator: each connection flips a list of sites, handed to the cache as
 * the move that sets each of them to −σᵢ; all connections of a configuration go to the cache at once
 * ({@link WalkerCache#ratios}), so that it may evaluate independent ratios side by side.
 */
record SpinLocalValues(LocalOperator operator) implements SampledOperator {
    @Override
    public LocalValue newLocalValue() {
        return new Evaluator(operator);
    }

    /** The connections of x, their moves (the connections' own site lists, values −σᵢ) and their ratios. */
    private static final class Evaluator implements LocalValue {
        private final LocalOperator operator;
        private final Connections connections;
        private int[] moveValues;
        private int[] moveOffsets;
        private int[] moveCounts;
        private double[] ratios;

        Evaluator(LocalOperator operator) {
            this.operator = operator;
            this.connections = operator.newConnections();
            int capacity = Math.max(1, operator.maxConnections());
            moveValues = new int[connections.flipSites().length];
            moveOffsets = new int[capacity];
            moveCounts = new int[capacity];
            ratios = new double[2 * capacity];
        }

        @Override
        public void evaluate(WalkerCache cache, double[] out) {
            connect(cache);
            sum(out);
        }

        @Override
        public void evaluateSecond(WalkerCache cache, NeighbourValue neighbours, double[] out) {
            connect(cache);
            sum(out);
            neighbours.startAt(cache.configuration());
            int[] sites = connections.flipSites();
            double re = 0;
            double im = 0;
            int move = 0;
            for (int k = 0; k < connections.size(); k++) {
                double tRe = connections.re(k); // the term ⟨x|Ô|x'⟩ ψ(x')/ψ(x), as in sum
                double tIm = -connections.im(k);
                double[] next = out; // O_loc(x) for the diagonal term
                int n = connections.flipCount(k);
                if (n != 0) {
                    double rRe = ratios[2 * move];
                    double rIm = ratios[2 * move++ + 1];
                    double mRe = tRe;
                    tRe = mRe * rRe - tIm * rIm;
                    tIm = mRe * rIm + tIm * rRe;
                    next = neighbours.at(sites, moveValues, connections.flipOffset(k), n);
                }
                re += tRe * next[0] - tIm * next[1];
                im += tRe * next[1] + tIm * next[0];
            }
            out[2] = re;
            out[3] = im;
        }

        /** The connections of x, their moves and their ratios. */
        private void connect(WalkerCache cache) {
            int[] sigma = cache.configuration();
            operator.connections(sigma, connections);
            int[] sites = connections.flipSites();
            if (moveValues.length < sites.length || moveOffsets.length < connections.size()) {
                grow(sites.length, connections.size()); // only if the operator understated its connections
            }
            int moves = 0;
            for (int k = 0; k < connections.size(); k++) {
                int n = connections.flipCount(k);
                if (n == 0) {
                    continue;
                }
                int offset = connections.flipOffset(k);
                for (int f = offset; f < offset + n; f++) {
                    moveValues[f] = -sigma[sites[f]];
                }
                moveOffsets[moves] = offset;
                moveCounts[moves++] = n;
            }
            cache.ratios(sites, moveValues, moveOffsets, moveCounts, moves, ratios);
        }

        /** O_loc(x) of the connections and ratios of {@link #connect} into out[0..1]. */
        private void sum(double[] out) {
            double re = 0;
            double im = 0;
            int move = 0;
            for (int k = 0; k < connections.size(); k++) {
                double mRe = connections.re(k);
                double mIm = -connections.im(k); // conj: the row element ⟨σ|Ô|σ'⟩
                if (connections.flipCount(k) == 0) {
                    re += mRe;
                    im += mIm;
                    continue;
                }
                double rRe = ratios[2 * move];
                double rIm = ratios[2 * move++ + 1];
                re += mRe * rRe - mIm * rIm;
                im += mRe * rIm + mIm * rRe;
            }
            out[0] = re;
            out[1] = im;
        }

        private void grow(int flips, int size) {
            moveValues = new int[Math.max(moveValues.length, flips)];
            moveOffsets = new int[Math.max(moveOffsets.length, size)];
            moveCounts = new int[moveOffsets.length];
            ratios = new double[2 * moveOffsets.length];
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
