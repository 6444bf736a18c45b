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
 * fermions), so that sums over the Hilbert space ({@link TrialStateEnergy},
 * {@link StateExpectation}) are written once.
 */
abstract class OperatorRows {
    /** Number of basis states. */
    abstract int dimension();

    /** Entries of a configuration. */
    abstract int size();

    abstract String description();

    /** A per-thread reader of rows. */
    abstract Cursor newCursor();

    /** The connections of one basis state; {@link #load} then read, allocation-free. */
    interface Cursor {
        /** Reads basis state {@code r}: its configuration and connections. */
        void load(int r);

        /** Reads only the configuration of basis state {@code r} and returns it. */
        int[] configurationOf(int r);

        /** The configuration of the loaded state (owned by the cursor). */
        int[] configuration();

        int size();

        /** Rank of x′ of connection k, −1 outside the basis. */
        int column(int k);

        double re(int k);

        double im(int k);
    }

    static OperatorRows of(LocalOperator op, SpinBasis basis) {
        if (op.nSites() != basis.nSites()) {
            throw new IllegalArgumentException("operator acts on " + op.nSites() + " sites, basis has " + basis.nSites());
        }
        return new OperatorRows() {
            @Override
            int dimension() {
                return basis.dimension();
            }

            @Override
            int size() {
                return basis.nSites();
            }

            @Override
            String description() {
                return op.description() + " on " + basis;
            }

            @Override
            Cursor newCursor() {
                Connections conn = op.newConnections();
                int[] sigma = new int[basis.nSites()];
                int[] columns = new int[Math.max(1, op.maxConnections())];
                return new Cursor() {
                    @Override
                    public void load(int r) {
                        long bits = basis.state(r);
                        basis.sigma(bits, sigma);
                        op.connections(sigma, conn);
                        int[] flips = conn.flipSites(); // re-read: the buffer may have grown
                        for (int k = 0; k < conn.size(); k++) {
                            long target = bits;
                            for (int f = conn.flipOffset(k), end = f + conn.flipCount(k); f < end; f++) {
                                target ^= 1L << flips[f];
                            }
                            columns[k] = basis.index(target);
                        }
                    }

                    @Override
                    public int[] configurationOf(int r) {
                        basis.sigma(basis.state(r), sigma);
                        return sigma;
                    }

                    @Override
                    public int[] configuration() {
                        return sigma;
                    }

                    @Override
                    public int size() {
                        return conn.size();
                    }

                    @Override
                    public int column(int k) {
                        return columns[k];
                    }

                    @Override
                    public double re(int k) {
                        return conn.re(k);
                    }

                    @Override
                    public double im(int k) {
                        return conn.im(k);
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
                    + " states; exact sums allow at most " + SpinBasis.MAX_DIMENSION);
        }
        int d = (int) hilbert.nStates();
        return new OperatorRows() {
            @Override
            int dimension() {
                return d;
            }

            @Override
            int size() {
                return hilbert.size();
            }

            @Override
            String description() {
                return op.description() + " on " + hilbert;
            }

            @Override
            Cursor newCursor() {
                FockConnections conn = op.newConnections();
                int[] x = new int[hilbert.size()];
                int[] y = new int[hilbert.size()];
                int[] columns = new int[Math.max(1, op.maxConnections())];
                return new Cursor() {
                    @Override
                    public void load(int r) {
                        hilbert.state(r, x);
                        op.connections(x, conn);
                        for (int k = 0; k < conn.size(); k++) {
                            System.arraycopy(x, 0, y, 0, x.length);
                            for (int q = 0; q < conn.changeCount(k); q++) {
                                y[conn.changeMode(k, q)] = conn.changeValue(k, q);
                            }
                            columns[k] = hilbert.contains(y) ? (int) hilbert.index(y) : -1;
                        }
                    }

                    @Override
                    public int[] configurationOf(int r) {
                        hilbert.state(r, x);
                        return x;
                    }

                    @Override
                    public int[] configuration() {
                        return x;
                    }

                    @Override
                    public int size() {
                        return conn.size();
                    }

                    @Override
                    public int column(int k) {
                        return columns[k];
                    }

                    @Override
                    public double re(int k) {
                        return conn.value(k);
                    }

                    @Override
                    public double im(int k) {
                        return 0;
                    }
                };
            }
        };
    }
}
