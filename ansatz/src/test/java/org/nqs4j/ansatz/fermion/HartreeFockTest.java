package org.nqs4j.ansatz.fermion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.junit.jupiter.api.Test;
import org.nqs4j.hamiltonians.Boundary;
import org.nqs4j.hamiltonians.Lattice;
import org.nqs4j.hamiltonians.fock.FockConnections;
import org.nqs4j.hamiltonians.fock.FockModels;
import org.nqs4j.hamiltonians.fock.FockOperator;
import org.nqs4j.hamiltonians.hilbert.FermionHilbert;

class HartreeFockTest {
    private static final Lattice RING6 = Lattice.chain(6, Boundary.PERIODIC, false);

    /** At U = 0 the mean field is the tight-binding problem: E = −8 on the half-filled 6-ring, no moment. */
    @Test
    void reducesToTightBindingAtZeroU() {
        HartreeFock.Solution hf = HartreeFock.antiferromagnetic(RING6, 1, 0, 0, 3, 3, 0.1);
        assertEquals(-8.0, hf.energy(), 1e-9);
        assertEquals(0.0, hf.staggeredMagnetization(RING6), 1e-9);
    }

    /**
     * Half-filled 6-ring and 2×3 open cluster at U = 8: the UHF energy equals ⟨Φ|H|Φ⟩/⟨Φ|Φ⟩ of its
     * Slater determinant summed exactly over the sector (the energy formula and the determinant
     * agree), lies above the exact ground state (variational: UHF ≥ ED), below the paramagnetic
     * determinant, and the Néel order is present.
     */
    @Test
    void energyIsTheDeterminantsExpectationAndBoundsTheExactGroundState() {
        for (Lattice lattice : new Lattice[] {RING6, Lattice.rectangular(2, 3, Boundary.OPEN, false)}) {
            double u = 8;
            FockOperator h = FockModels.hubbard(lattice, 1, 0, u, 0, 0);
            HartreeFock.Solution hf = HartreeFock.antiferromagnetic(lattice, 1, 0, u, 3, 3, 0.2);
            double expectation = expectation(h, SlaterDeterminant.of(hf.orbitals()), lattice.nSites(), 3, 3);
            assertEquals(expectation, hf.energy(), 1e-8, lattice + ": E_UHF = ⟨H⟩ of its determinant");
            double exact = groundStateEnergy(h, FermionHilbert.spinful(lattice.nSites(), 3, 3));
            assertTrue(hf.energy() > exact, lattice + ": UHF " + hf.energy() + " above ED " + exact);
            HartreeFock.Solution para = HartreeFock.antiferromagnetic(lattice, 1, 0, u, 3, 3, 0);
            assertTrue(hf.energy() < para.energy() - 1, lattice + ": Néel below paramagnetic " + para.energy());
            assertTrue(Math.abs(hf.staggeredMagnetization(lattice)) > 0.3, "Néel moment " + hf.staggeredMagnetization(lattice));
        }
    }

    /**
     * Large-U limit of the Néel determinant: second-order hopping of each electron to its z
     * antiparallel neighbours, E → −L z t²/U. On the half-filled 6-ring (z = 2) at U = 100 the
     * corrections are O(t²/U²) relative.
     */
    @Test
    void largeULimitIsTheNeelSecondOrderEnergy() {
        double u = 100;
        HartreeFock.Solution hf = HartreeFock.antiferromagnetic(RING6, 1, 0, u, 3, 3, 0.3);
        assertEquals(-6 * 2 / u, hf.energy(), 6 * 2 / u * 1e-2);
    }

    static double expectation(FockOperator h, FermionWaveFunction wf, int l, int nUp, int nDown) {
        FermionHilbert hilbert = FermionHilbert.spinful(l, nUp, nDown);
        FockConnections conn = h.newConnections();
        int[] n = new int[2 * l];
        double num = 0;
        double norm = 0;
        for (long i = 0; i < hilbert.nStates(); i++) {
            hilbert.state(i, n);
            double psi = FermionTestSupport.psi(wf, n);
            num += psi * FermionTestSupport.hPsi(h, wf, n, conn);
            norm += psi * psi;
        }
        return num / norm;
    }

    /** Lowest eigenvalue of the dense sector matrix built from the operator's connections. */
    static double groundStateEnergy(FockOperator h, FermionHilbert hilbert) {
        int d = (int) hilbert.nStates();
        DMatrixRMaj m = new DMatrixRMaj(d, d);
        FockConnections conn = h.newConnections();
        int[] n = new int[hilbert.size()];
        for (int i = 0; i < d; i++) {
            hilbert.state(i, n);
            h.connections(n, conn);
            for (int c = 0; c < conn.size(); c++) {
                m.add((int) hilbert.index(FermionTestSupport.target(n, conn, c)), i, conn.value(c));
            }
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(d, false, true);
        assertTrue(eig.decompose(m));
        double min = Double.POSITIVE_INFINITY;
        for (int k = 0; k < d; k++) {
            min = Math.min(min, eig.getEigenvalue(k).real);
        }
        return min;
    }
}
