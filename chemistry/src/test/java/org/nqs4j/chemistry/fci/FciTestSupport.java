package org.nqs4j.chemistry.fci;

import org.nqs4j.chemistry.Molecule;
import org.nqs4j.chemistry.basis.BasisLibrary;
import org.nqs4j.chemistry.basis.BasisSet;
import org.nqs4j.chemistry.fcidump.Fcidump;
import org.nqs4j.chemistry.integrals.OneElectronIntegrals;
import org.nqs4j.chemistry.integrals.TwoElectronIntegrals;
import org.nqs4j.chemistry.scf.HartreeFock;
import org.nqs4j.chemistry.scf.MoIntegrals;
import org.nqs4j.chemistry.scf.ScfResult;

/** Integrals in the RHF (or, for open shells, UHF alpha) orbital basis for tests. */
public final class FciTestSupport {
    private FciTestSupport() {
    }

    /** The SCF problem of a molecule in a named basis. */
    public static HartreeFock hartreeFock(Molecule m, String basisName) {
        BasisSet basis = BasisSet.build(m, BasisLibrary.named(basisName));
        OneElectronIntegrals one = OneElectronIntegrals.compute(basis, m);
        return new HartreeFock(one.overlap(), one.core(), TwoElectronIntegrals.compute(basis), m.nuclearRepulsion());
    }

    public static Fcidump rhfIntegrals(Molecule m, String basisName) {
        HartreeFock hf = hartreeFock(m, basisName);
        ScfResult r = m.multiplicity() == 1 ? hf.restricted(m.electrons(), HartreeFock.Options.DEFAULT)
                : hf.unrestricted(m.alphaElectrons(), m.betaElectrons(), HartreeFock.Options.DEFAULT);
        return MoIntegrals.of(hf, r.coefficientsAlpha(), m.electrons(), m.multiplicity() - 1, m.nuclearRepulsion());
    }
}
