package org.nqs4j.validation;

import org.nqs4j.hamiltonians.fock.OccupationOperator;
import org.nqs4j.hamiltonians.hilbert.Hilbert;

/** Test helper: the ED ground-state energy of a Fock operator in a sector (dense up to 2000 states, Lanczos above). */
final class FockEd {
    private FockEd() {
    }

    static double groundEnergy(OccupationOperator h, Hilbert sector) {
        CsrMatrix m = CsrMatrix.fromFockOperator(h, sector);
        return m.dimension() <= 2000 ? FullDiagonalization.of(m).eigenvalues()[0]
                : Lanczos.lowest(m, 1, Lanczos.Settings.defaults()).groundEnergy();
    }
}
