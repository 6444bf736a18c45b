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
        /** For {@link #rowFromWalker}: the connections of x', their moves' values, the sum. */
        private final Connections nextConnections;
        private int[] nextValues = new int[0];
        private final double[] row = new double[2];

        Evaluator(LocalOperator operator) {
            this.operator = operator;
            this.connections = operator.newConnections();
            this.nextConnections = operator.newConnections();
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
                int n = connections.flipCount(k);
                if (n == 0) { // the diagonal term: O_loc(x) itself
                    re += tRe * out[0] - tIm * out[1];
                    im += tRe * out[1] + tIm * out[0];
                    continue;
                }
                int offset = connections.flipOffset(k);
                double rRe = ratios[2 * move];
                double rIm = ratios[2 * move++ + 1];
                double termRe = Double.NaN;
                double termIm = Double.NaN;
                if (rRe != 0 || rIm != 0) { // ψ(x') ≠ 0: the probe's O_loc(x')
                    double wRe = tRe * rRe - tIm * rIm;
                    double wIm = tRe * rIm + tIm * rRe;
                    double[] next = neighbours.at(sites, moveValues, offset, n);
                    termRe = wRe * next[0] - wIm * next[1];
                    termIm = wRe * next[1] + wIm * next[0];
                }
                if (!Double.isFinite(termRe) || !Double.isFinite(termIm)) { // a node: (Ôψ)(x')/ψ(x) from x
                    double[] fromX = rowFromWalker(cache, neighbours, offset, n);
                    termRe = tRe * fromX[0] - tIm * fromX[1];
                    termIm = tRe * fromX[1] + tIm * fromX[0];
                }
                re += termRe;
                im += termIm;
            }
            out[2] = re;
            out[3] = im;
        }

        /**
         * (Ôψ)(x')/ψ(x) = Σ_x'' ⟨x'|Ô|x''⟩ ψ(x'')/ψ(x) for the connection x' of x that flips
         * {@code sites[offset..offset+n)}, each ratio asked of the walker's cache at x for the combined move.
         */
        private double[] rowFromWalker(WalkerCache cache, NeighbourValue neighbours, int offset, int n) {
            int[] x = cache.configuration();
            int[] xPrime = neighbours.moveTo(x, connections.flipSites(), moveValues, offset, n);
            operator.connections(xPrime, nextConnections);
            int[] sites = nextConnections.flipSites();
            if (nextValues.length < sites.length) {
                nextValues = new int[sites.length];
            }
            double re = 0;
            double im = 0;
            for (int j = 0; j < nextConnections.size(); j++) {
                int offset2 = nextConnections.flipOffset(j);
                int n2 = nextConnections.flipCount(j);
                for (int f = offset2; f < offset2 + n2; f++) {
                    nextValues[f] = -xPrime[sites[f]];
                }
                neighbours.ratioFromX(cache, sites, nextValues, offset2, n2, row);
                double mRe = nextConnections.re(j);
                double mIm = -nextConnections.im(j);
                re += mRe * row[0] - mIm * row[1];
                im += mRe * row[1] + mIm * row[0];
            }
            row[0] = re;
            row[1] = im;
            return row;
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
