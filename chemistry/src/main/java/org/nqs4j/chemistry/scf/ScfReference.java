package org.nqs4j.chemistry.scf;

import org.nqs4j.chemistry.Molecule;
import org.nqs4j.chemistry.basis.BasisLibrary;
import org.nqs4j.chemistry.basis.BasisSet;
import org.nqs4j.chemistry.fcidump.Fcidump;
import org.nqs4j.chemistry.integrals.OneElectronIntegrals;
import org.nqs4j.chemistry.integrals.TwoElectronIntegrals;

/**
 * A molecule's Hartree–Fock reference from its geometry: Gaussian integrals, RHF (UHF when asked
 * or for an open shell), MP2, and the Hamiltonian in the HF orbitals (RHF canonical orbitals, UHF
 * α orbitals) with core energy = nuclear repulsion.
 *
 * @param hf      the SCF problem (AO integrals)
 * @param scf     its solution; check {@code scf().converged()} before trusting the rest
 * @param mp2     the MP2 correlation energy (RMP2 or UMP2), NaN when the SCF did not converge
 * @param fcidump the integrals in the HF orbitals, null when the SCF did not converge
 */
public record ScfReference(HartreeFock hf, ScfResult scf, double mp2, Fcidump fcidump) {

    /** Integrals, SCF, MP2 and MO integrals of {@code m} in {@code basis}. */
    public static ScfReference compute(Molecule m, BasisLibrary basis, boolean unrestricted) {
        BasisSet functions = BasisSet.build(m, basis);
        OneElectronIntegrals one = OneElectronIntegrals.compute(functions, m);
        HartreeFock hf = new HartreeFock(one.overlap(), one.core(), TwoElectronIntegrals.compute(functions),
                m.nuclearRepulsion());
        boolean open = unrestricted || m.multiplicity() != 1;
        ScfResult r = open ? hf.unrestricted(m.alphaElectrons(), m.betaElectrons(), HartreeFock.Options.DEFAULT)
                : hf.restricted(m.electrons(), HartreeFock.Options.DEFAULT);
        if (!r.converged()) {
            return new ScfReference(hf, r, Double.NaN, null);
        }
        return new ScfReference(hf, r, Mp2.correlation(r, hf.unpackedEri()), MoIntegrals.of(hf, r.coefficientsAlpha(),
                m.electrons(), m.alphaElectrons() - m.betaElectrons(), m.nuclearRepulsion()));
    }
}
