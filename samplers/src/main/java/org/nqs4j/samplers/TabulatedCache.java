package org.nqs4j.samplers;

import org.nqs4j.ansatz.WalkerCache;

/**
 * A walker cache at a basis state of an enumerated sector whose log ψ is tabulated
 * ({@link SectorWeights}): the ratio of a move is read from the table, log ψ(x′) − log ψ(x) with x′
 * ranked in O(size), instead of computed by the ansatz (for an RBM a double excitation of a molecule
 * flips four spins and takes a log-cosh per hidden unit, the local energy's largest cost). Everything
 * else (log ψ, log-derivatives) comes from the ansatz's own cache. A move that leaves the sector
 * (an observable that does not conserve it) goes to the ansatz's cache too.
 */
final class TabulatedCache implements WalkerCache {
    private final SectorWeights table;
    private final WalkerCache ansatz;
    private final int[] moved;
    private int state = -1;

    TabulatedCache(SectorWeights table, WalkerCache ansatz) {
        this.table = table;
        this.ansatz = ansatz;
        this.moved = new int[table.hilbert().size()];
    }

    /** Moves to basis state {@code i} (written to {@code x}) unless already there. */
    void moveTo(int i, int[] x) {
        if (i != state) {
            table.hilbert().state(i, x);
            ansatz.reset(x);
            state = i;
        }
    }

    /** Forgets the state, after the parameters (and so the table) changed. */
    void invalidate() {
        state = -1;
    }

    @Override
    public void reset(int[] x) {
        ansatz.reset(x);
        state = (int) table.hilbert().index(x);
    }

    @Override
    public int[] configuration() {
        return ansatz.configuration();
    }

    @Override
    public void logRatio(int[] sites, int[] values, int offset, int count, double[] out) {
        int[] x = ansatz.configuration();
        System.arraycopy(x, 0, moved, 0, moved.length);
        for (int k = offset; k < offset + count; k++) {
            moved[sites[k]] = values[k];
        }
        if (!table.hilbert().contains(moved)) {
            ansatz.logRatio(sites, values, offset, count, out);
            return;
        }
        int target = (int) table.hilbert().index(moved);
        out[0] = table.logModulus(target) - table.logModulus(state);
        out[1] = table.phase(target) - table.phase(state);
    }

    @Override
    public void applyMove(int[] sites, int[] values, int offset, int count) {
        ansatz.applyMove(sites, values, offset, count);
        state = (int) table.hilbert().index(ansatz.configuration());
    }

    @Override
    public void logPsi(double[] out) {
        ansatz.logPsi(out);
    }

    @Override
    public void logDerivatives(double[] out, int offset) {
        ansatz.logDerivatives(out, offset);
    }

    @Override
    public void logDerivativeFactors(double[] out, int offset) {
        ansatz.logDerivativeFactors(out, offset);
    }
}
