package org.nqs4j.validation;

import java.util.ArrayList;
import java.util.List;

import org.nqs4j.hamiltonians.Connections;
import org.nqs4j.hamiltonians.LocalOperator;

/**
 * TEST FIXTURE (to be replaced by SpinModels): H = J Σ_(i,j) S_i·S_j, S = σ/2, on a bond list.
 * ⟨σ|H|σ⟩ = (J/4) Σ σ_iσ_j; each antiparallel bond connects to its exchanged pair with J/2.
 * Stateless, so one instance serves all threads.
 */
final class HeisenbergFixture implements LocalOperator {
    private final int nSites;
    private final int[][] bonds;
    private final double coupling;
    private static final int[] NONE = {};

    HeisenbergFixture(int nSites, int[][] bonds, double coupling) {
        this.nSites = nSites;
        this.bonds = bonds;
        this.coupling = coupling;
    }

    static HeisenbergFixture ring(int length, double coupling) {
        int[][] b = new int[length][];
        for (int i = 0; i < length; i++) {
            b[i] = new int[] {i, (i + 1) % length};
        }
        return new HeisenbergFixture(length, b, coupling);
    }

    /** The L×L periodic square lattice, site x + L·y, 2L² bonds. */
    static HeisenbergFixture periodicSquare(int length, double coupling) {
        List<int[]> b = new ArrayList<>();
        for (int y = 0; y < length; y++) {
            for (int x = 0; x < length; x++) {
                int s = x + length * y;
                b.add(new int[] {s, (x + 1) % length + length * y});
                b.add(new int[] {s, x + length * ((y + 1) % length)});
            }
        }
        return new HeisenbergFixture(length * length, b.toArray(int[][]::new), coupling);
    }

    /** S_i·S_j as an operator. */
    static HeisenbergFixture bond(int nSites, int i, int j) {
        return new HeisenbergFixture(nSites, new int[][] {{i, j}}, 1.0);
    }

    int nBonds() {
        return bonds.length;
    }

    @Override
    public int nSites() {
        return nSites;
    }

    @Override
    public int maxFlips() {
        return 2;
    }

    @Override
    public int maxConnections() {
        return bonds.length + 1;
    }

    @Override
    public boolean isReal() {
        return true;
    }

    @Override
    public void connections(int[] sigma, Connections out) {
        out.clear();
        double diagonal = 0;
        for (int[] b : bonds) {
            diagonal += 0.25 * coupling * sigma[b[0]] * sigma[b[1]];
        }
        out.add(diagonal, 0, NONE, 0);
        for (int[] b : bonds) {
            if (sigma[b[0]] != sigma[b[1]]) {
                out.add(0.5 * coupling, 0, b, 2); // the bond {i, j} is the list of flipped sites
            }
        }
    }

    @Override
    public String description() {
        return "test fixture Heisenberg J=" + coupling + " on " + bonds.length + " bonds (S = sigma/2)";
    }
}
