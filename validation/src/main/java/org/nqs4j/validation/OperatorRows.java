package org.nqs4j.validation;

import org.nqs4j.hamiltonians.Connections;
import org.nqs4j.hamiltonians.LocalOperator;
import org.nqs4j.hamiltonians.fock.FockConnections;
import org.nqs4j.hamiltonians.fock.OccupationOperator;
import org.nqs4j.hamiltonians.hilbert.Hilbert;

/**
 * The rows ⟨x'|Ô|x⟩ of an operator on a ranked basis, one basis state x at a time: the column
 * (rank of x′, or −1 when x′ leaves the basis sector) and value of every connection. One reading
 * for spins ({@link SpinBasis}, bit patterns) and for occupations (any {@link Hilbert}, e.g.
 * fermions), so that the sparse matrix ({@link CsrMatrix}) and the sums over the Hilbert space
 * ({@link TrialStateEnergy}, {@link StateExpectation}) are written once.
 *
 * <p>Threads: one {@link Cursor} per thread; the operator's {@code connections} is then called
 * concurrently, which is safe for operators that read only immutable tables (every operator of the
 * engine).
 */
abstract class OperatorRows {
    private final int dimension;
    private final String description;

    private OperatorRows(int dimension, String description) {
        this.dimension = dimension;
        this.description = description;
    }

    /** Number of basis states. */
    final int dimension() {
        return dimension;
    }

    final String description() {
        return description;
    }

    /** A per-thread reader of rows. */
    abstract Cursor newCursor();

    /** The connections of one basis state: {@link #load}, then read {@code columns}, {@code re}, {@code im}. */
    abstract static class Cursor {
        /** Configuration of the state last loaded. */
        final int[] configuration;
        final int[] columns;
        final double[] re;
        final double[] im;
        /** Number of connections of the state last loaded. */
        int size;

        Cursor(int configurationSize, int maxConnections) {
            configuration = new int[configurationSize];
            columns = new int[Math.max(1, maxConnections)];
            re = new double[columns.length];
            im = new double[columns.length];
        }

        /** Reads only the configuration of basis state {@code r} into {@link #configuration} and returns it. */
        abstract int[] configurationOf(int r);

        /** Reads basis state {@code r}: its configuration and connections. */
        abstract void load(int r);
    }

    static OperatorRows of(LocalOperator op, SpinBasis basis) {
        if (op.nSites() != basis.nSites()) {
            throw new IllegalArgumentException("operator acts on " + op.nSites() + " sites, basis has " + basis.nSites());
        }
        return new OperatorRows(basis.dimension(), op.description()) {
            @Override
            Cursor newCursor() {
                Connections conn = op.newConnections();
                return new Cursor(basis.nSites(), op.maxConnections()) {
                    @Override
                    int[] configurationOf(int r) {
                        basis.sigma(basis.state(r), configuration);
                        return configuration;
                    }

                    @Override
                    void load(int r) {
                        long bits = basis.state(r);
                        basis.sigma(bits, configuration);
                        op.connections(configuration, conn);
                        int[] flips = conn.flipSites(); // re-read: the buffer may have grown
                        size = conn.size();
                        for (int k = 0; k < size; k++) {
                            long target = bits;
                            for (int f = conn.flipOffset(k), end = f + conn.flipCount(k); f < end; f++) {
                                target ^= 1L << flips[f];
                            }
                            columns[k] = basis.index(target);
                            re[k] = conn.re(k);
                            im[k] = conn.im(k);
                        }
                    }
                };
            }
        };
    }

    static OperatorRows of(OccupationOperator op, Hilbert hilbert) {
        if (op.nModes() != hilbert.size()) {
            throw new IllegalArgumentException("operator acts on " + op.nModes() + " modes, the Hilbert space has "
                    + hilbert.size());
        }
        if (hilbert.dimension() > SpinBasis.MAX_DIMENSION) {
            throw new IllegalArgumentException("the basis of " + hilbert + " has " + hilbert.dimension()
                    + " states; exact methods allow at most " + SpinBasis.MAX_DIMENSION);
        }
        return new OperatorRows((int) hilbert.nStates(), op.description()) {
            @Override
            Cursor newCursor() {
                FockConnections conn = op.newConnections();
                int[] target = new int[hilbert.size()];
                return new Cursor(hilbert.size(), op.maxConnections()) {
                    @Override
                    int[] configurationOf(int r) {
                        hilbert.state(r, configuration);
                        return configuration;
                    }

                    @Override
                    void load(int r) {
                        hilbert.state(r, configuration);
                        op.connections(configuration, conn);
                        size = conn.size();
                        for (int k = 0; k < size; k++) {
                            System.arraycopy(configuration, 0, target, 0, target.length);
                            for (int q = 0; q < conn.changeCount(k); q++) {
                                target[conn.changeMode(k, q)] = conn.changeValue(k, q);
                            }
                            columns[k] = hilbert.contains(target) ? (int) hilbert.index(target) : -1;
                            re[k] = conn.value(k);
                            im[k] = 0;
                        }
                    }
                };
            }
        };
    }
}
