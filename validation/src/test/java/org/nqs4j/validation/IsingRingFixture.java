package org.nqs4j.validation;

import org.nqs4j.hamiltonians.Connections;
import org.nqs4j.hamiltonians.LocalOperator;

/**
 * TEST FIXTURE (to be replaced by SpinModels): H = −J Σ_i Z_i Z_{i+1} − h Σ_i X_i on a ring of L
 * sites (Pauli units), plus an optional parity penalty Λ(1 − p·P)/2 with P = Π_i X_i, which
 * lifts the states of parity −p by Λ and leaves those of parity p unchanged ([P, H] = 0).
 */
final class IsingRingFixture implements LocalOperator {
    private final int length;
    private final double coupling;
    private final double field;
    private final double penalty;
    private final int keptParity;
    private final int[][] single; // {i} for each site: the flip lists, so the fixture is stateless
    private final int[] all;

    private IsingRingFixture(int length, double coupling, double field, double penalty, int keptParity) {
        this.length = length;
        this.coupling = coupling;
        this.field = field;
        this.penalty = penalty;
        this.keptParity = keptParity;
        this.all = new int[length];
        this.single = new int[length][];
        for (int i = 0; i < length; i++) {
            all[i] = i;
            single[i] = new int[] {i};
        }
    }

    static IsingRingFixture of(int length, double coupling, double field) {
        return new IsingRingFixture(length, coupling, field, 0, 1);
    }

    /** H + Λ(1 − p·P)/2 with Λ above the bandwidth 2L(|J| + |h|), so the lowest state has parity p. */
    static IsingRingFixture projected(int length, double coupling, double field, int parity) {
        double lambda = 4 * length * (Math.abs(coupling) + Math.abs(field)) + 1;
        return new IsingRingFixture(length, coupling, field, lambda, parity);
    }

    @Override
    public int nSites() {
        return length;
    }

    @Override
    public int maxFlips() {
        return length;
    }

    @Override
    public int maxConnections() {
        return length + 2;
    }

    @Override
    public boolean isReal() {
        return true;
    }

    @Override
    public void connections(int[] sigma, Connections out) {
        out.clear();
        double diagonal = penalty / 2;
        for (int i = 0; i < length; i++) {
            diagonal -= coupling * sigma[i] * sigma[(i + 1) % length];
        }
        out.add(diagonal, 0, all, 0);
        if (field != 0) {
            for (int i = 0; i < length; i++) {
                out.add(-field, 0, single[i], 1);
            }
        }
        if (penalty != 0) {
            out.add(-penalty * keptParity / 2, 0, all, length);
        }
    }

    @Override
    public String description() {
        return "test fixture TFIM ring L=" + length + " J=" + coupling + " h=" + field
                + (penalty == 0 ? "" : " + parity penalty keeping P=" + keptParity);
    }
}
