package org.nqs4j.vmc.run;

import org.ejml.data.DMatrixRMaj;
import org.nqs4j.ansatz.GaussianParameters;
import org.nqs4j.ansatz.Rbm;
import org.nqs4j.ansatz.fermion.FermionProduct;
import org.nqs4j.ansatz.fermion.FermionWaveFunction;
import org.nqs4j.ansatz.fermion.OccupationJastrow;
import org.nqs4j.ansatz.fermion.RbmJastrow;
import org.nqs4j.ansatz.fermion.SlaterDeterminant;
import org.nqs4j.ansatz.fermion.SpinOrbitals;
import org.nqs4j.hamiltonians.fock.MolecularHamiltonian;
import org.nqs4j.hamiltonians.hilbert.FermionHilbert;
import org.nqs4j.samplers.ExcitationRule;
import org.nqs4j.samplers.MetropolisSampler;
import org.nqs4j.vmc.config.AnsatzSpec;
import org.nqs4j.vmc.config.RunConfig;

/**
 * The ansatz and sampler of a VMC run of a molecule ({@code hamiltonian: {model: molecule}}), in
 * the orbital basis of its integrals (the sites are the 2·NORB spin-orbitals).
 *
 * <p>Ansatz: the Slater determinant whose N_s orbitals of species s are the first N_s basis
 * orbitals, Φ^s = (1; 0) (NORB × N_s): in the Hartree–Fock orbitals of the FCIDUMP this is the HF
 * determinant, a single configuration, the aufbau one. Its coefficients Φ^s_{rk} are variational:
 * a change of the virtual rows is the Thouless rotation exp(Σ_ai κ_ai a†_a a_i) to first order, a
 * change within the occupied block only rescales ψ. Optionally times a real RBM Jastrow over the
 * occupations (Choo, Mezzacapo &amp; Carleo, Nat. Commun. 11, 2368 (2020) use an RBM of the
 * Jordan–Wigner occupations) or a two-body Jastrow over the spin-orbitals.
 *
 * <p>Start: the HF determinant vanishes on every other configuration, where the sampled energy
 * gradient then vanishes too, so the virtual rows get noise: Φ↑_{ak} ~ N(0, init_scale²) and
 * Φ↓_{ak} = −Φ↑_{ak} (the Jastrow parameters get N(0, init_scale²) too). Opposite mixing of the two
 * spins gives every pair double excitation i↑i↓ → a↑a↓ the amplitude −κ_ai² &lt; 0 relative to HF,
 * the sign of its first-order amplitude −(ai|ai)/(2Δε); a positive Jastrow cannot change a sign, and
 * with random signs H2 (one double) went back to HF in two of three seeds, with this start in none.
 *
 * <p>Sampler: single and double excitations ({@link ExcitationRule}), every chain starting at the
 * aufbau configuration, where the HF determinant does not vanish.
 */
final class MoleculeSetup {
    private MoleculeSetup() {
    }

    static boolean applies(RunConfig c) {
        return c.hamiltonian().model().equals("molecule");
    }

    /** Slater (identity blocks) × optional Jastrow, plus the seeded noise (class comment). */
    static FermionWaveFunction waveFunction(RunConfig c) {
        FermionHilbert h = hilbert(c);
        AnsatzSpec a = c.ansatz();
        int norb = h.nSites();
        DMatrixRMaj[] phi = new DMatrixRMaj[h.nSpecies()];
        for (int s = 0; s < phi.length; s++) {
            phi[s] = new DMatrixRMaj(norb, h.nParticles(s));
            for (int k = 0; k < h.nParticles(s); k++) {
                phi[s].set(k, k, 1);
            }
        }
        FermionWaveFunction slater = SlaterDeterminant.of(SpinOrbitals.of(phi));
        FermionWaveFunction psi = switch (a.type()) {
            case "slater+rbm" -> FermionProduct.of(slater,
                    RbmJastrow.of(Rbm.real(norb * h.nSpecies(), a.alpha()), norb, h.nSpecies()));
            case "slater+pairs" -> FermionProduct.of(slater, OccupationJastrow.spinResolved(norb, h.nSpecies()));
            default -> slater;
        };
        double[] start = new double[psi.nParameters()];
        psi.getParameters(start);
        GaussianParameters.initialise(psi, c.seed(), a.initScale());
        double[] noise = new double[psi.nParameters()];
        psi.getParameters(noise);
        int up = h.nParticles(0);
        int offset = 0; // the Slater parameters come first: Φ↑ (NORB × N↑), then Φ↓, row-major
        for (int s = 0; s < h.nSpecies(); s++) {
            int n = h.nParticles(s);
            for (int r = n; r < norb; r++) { // virtual rows: Φ↑ noise, Φ↓ its opposite where ↑ has the column
                for (int k = 0; k < n; k++) {
                    start[offset + r * n + k] = s == 1 && k < up ? -noise[r * up + k] : noise[offset + r * n + k];
                }
            }
            offset += norb * n;
        }
        for (int k = offset; k < start.length; k++) { // the Jastrow
            start[k] += noise[k];
        }
        psi.setParameters(start);
        return psi;
    }

    /** Excitation moves, every chain at the aufbau (HF) configuration. */
    static MetropolisSampler sampler(RunConfig c, FermionWaveFunction psi) {
        FermionHilbert h = hilbert(c);
        MetropolisSampler sampler = new MetropolisSampler(psi, h, ExcitationRule.of(h), c.sampler().chains(),
                c.sampler().sweepSize(), c.seed() + 1);
        MolecularHamiltonian op = (MolecularHamiltonian) c.hamiltonian().fockOperator();
        sampler.startAt(op.aufbau(h.nParticles(0), h.nSpecies() > 1 ? h.nParticles(1) : 0));
        return sampler;
    }

    private static FermionHilbert hilbert(RunConfig c) {
        return (FermionHilbert) c.hilbert();
    }
}
