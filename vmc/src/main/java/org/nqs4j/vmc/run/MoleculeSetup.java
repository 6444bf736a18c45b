package org.nqs4j.vmc.run;

import org.ejml.data.DMatrixRMaj;
import org.nqs4j.ansatz.GaussianParameters;
import org.nqs4j.ansatz.Rbm;
import org.nqs4j.ansatz.WaveFunction;
import org.nqs4j.ansatz.fermion.FermionProduct;
import org.nqs4j.ansatz.fermion.JordanWignerRbm;
import org.nqs4j.ansatz.fermion.NeuralBackflow;
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
 * gradient then vanishes too: from it (init_scale 0) the chains never leave HF. So its virtual rows
 * get the {@link FirstOrderMixing} of the first-order double-excitation amplitudes, and the
 * Jastrow parameters N(0, init_scale²) noise. The signs matter: a positive Jastrow cannot change
 * them, and with random mixing H2 (one double) fell back to HF in two of three seeds, LiH and H2O
 * in every run; with the first-order mixing LiH ends below E_MP2 (README, "Molecules: VMC").
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

    /**
     * Slater (identity blocks, then the first-order mixing) × optional Jastrow, or neural backflow
     * around the same orbitals (Luo &amp; Clark 2019), with seeded noise (class comment).
     */
    static WaveFunction waveFunction(RunConfig c) {
        FermionHilbert h = hilbert(c);
        AnsatzSpec a = c.ansatz();
        if (a.type().equals("jw_rbm")) {
            return jordanWignerRbm(c, h);
        }
        int norb = h.nSites();
        DMatrixRMaj[] phi = new DMatrixRMaj[h.nSpecies()];
        for (int s = 0; s < phi.length; s++) {
            phi[s] = new DMatrixRMaj(norb, h.nParticles(s));
            for (int k = 0; k < h.nParticles(s); k++) {
                phi[s].set(k, k, 1);
            }
        }
        FermionWaveFunction determinant = SlaterDeterminant.of(SpinOrbitals.of(phi));
        FermionWaveFunction psi = switch (a.type()) {
            case "slater+rbm" -> FermionProduct.of(determinant,
                    RbmJastrow.of(Rbm.real(norb * h.nSpecies(), a.alpha()), norb, h.nSpecies()));
            case "slater+pairs" -> FermionProduct.of(determinant, OccupationJastrow.spinResolved(norb, h.nSpecies()));
            // the orbitals Φ come first in backflow as in the determinant: the same mixing, noise on the network
            case "backflow" -> NeuralBackflow.of(SpinOrbitals.of(phi), a.alpha() * norb * h.nSpecies());
            default -> determinant;
        };
        double[] start = new double[psi.nParameters()];
        psi.getParameters(start);
        GaussianParameters.initialise(psi, c.seed(), a.initScale());
        double[] noise = new double[psi.nParameters()];
        psi.getParameters(noise);
        if (a.initScale() > 0) {
            FirstOrderMixing.apply((MolecularHamiltonian) c.hamiltonian().fockOperator(), h.nParticles(0),
                    h.nSpecies() > 1 ? h.nParticles(1) : 0, start);
        }
        for (int k = determinant.nParameters(); k < start.length; k++) { // Jastrow or network: noise around 0
            start[k] += noise[k];
        }
        psi.setParameters(start);
        return psi;
    }

    /**
     * The RBM of the Jordan–Wigner spins (Choo, Mezzacapo &amp; Carleo 2020), α·2·NORB hidden units,
     * complex unless the config says otherwise, every parameter N(0, init_scale²): a nearly uniform
     * superposition of the sector's determinants, from which SR flows to the ground state. A start
     * biased towards the Hartree–Fock occupations (visible biases ±h) converged worse under the same
     * exact gradients: H2O/STO-3G 14.1 mHa above FCI after 500 steps with HF holding half of |ψ|²
     * (h = 0.42), stuck on HF at h = 1, against 0.04 mHa from the uniform start (README, "Molecules:
     * VMC").
     */
    private static WaveFunction jordanWignerRbm(RunConfig c, FermionHilbert h) {
        AnsatzSpec a = c.ansatz();
        Rbm rbm = a.complex() ? Rbm.complex(h.size(), a.alpha()) : Rbm.real(h.size(), a.alpha());
        WaveFunction psi = JordanWignerRbm.of(rbm, h.nSites());
        GaussianParameters.initialise(psi, c.seed(), a.initScale());
        return psi;
    }

    private static int[] aufbau(RunConfig c, FermionHilbert h) {
        MolecularHamiltonian op = (MolecularHamiltonian) c.hamiltonian().fockOperator();
        return op.aufbau(h.nParticles(0), h.nSpecies() > 1 ? h.nParticles(1) : 0);
    }

    /** Excitation moves, every chain at the aufbau (HF) configuration. */
    static MetropolisSampler sampler(RunConfig c, WaveFunction psi) {
        FermionHilbert h = hilbert(c);
        MetropolisSampler sampler = new MetropolisSampler(psi, h, ExcitationRule.of(h), c.sampler().chains(),
                c.sampler().sweepSize(), c.sampler().temperatures(), c.seed() + 1);
        sampler.startAt(aufbau(c, h));
        return sampler;
    }

    private static FermionHilbert hilbert(RunConfig c) {
        return (FermionHilbert) c.hilbert();
    }
}
