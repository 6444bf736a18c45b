package org.nqs4j.vmc.config;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

import org.nqs4j.chemistry.Atom;
import org.nqs4j.chemistry.ChemistryInputException;
import org.nqs4j.chemistry.Molecule;
import org.nqs4j.chemistry.XyzReader;
import org.nqs4j.chemistry.basis.BasisLibrary;
import org.nqs4j.chemistry.fcidump.Fcidump;
import org.nqs4j.chemistry.fcidump.FcidumpReader;
import org.nqs4j.chemistry.scf.Mp2;
import org.nqs4j.chemistry.scf.ScfReference;
import org.nqs4j.hamiltonians.fock.MolecularHamiltonian;
import org.nqs4j.hamiltonians.hilbert.FermionHilbert;
import org.nqs4j.hamiltonians.hilbert.Hilbert;
import org.nqs4j.samplers.ExactSampler;

/**
 * The {@code molecule} model: {@code hamiltonian: {model: molecule, fcidump: PATH}} (an FCIDUMP)
 * or {@code {model: molecule, xyz: PATH, basis: sto-3g|6-31g, charge: 0, multiplicity: 1}}
 * (integrals and RHF/UHF orbitals computed here; {@code bond_length: R} re-sets a diatomic's
 * distance); paths are relative to the config file. The
 * orbitals are the sites: no lattice section.
 *
 * @param operator   H on 2·NORB spin-orbitals
 * @param electrons  NELEC
 * @param twiceSpin  MS2 = N↑ − N↓
 * @param hf         E_HF: the SCF energy (xyz), or the aufbau determinant's energy in the FCIDUMP's orbitals
 * @param mp2        E_MP2 total: from the SCF (xyz), or RMP2 when the FCIDUMP holds canonical RHF orbitals
 */
record MoleculeInput(MolecularHamiltonian operator, int electrons, int twiceSpin, double hf, OptionalDouble mp2) {

    static MoleculeInput read(Section s, Path config) {
        boolean dump = s.has("fcidump");
        boolean xyz = s.has("xyz");
        if (dump == xyz) {
            throw dump ? s.invalid("xyz", "give either fcidump or xyz, not both.")
                    : s.missing("fcidump", "an FCIDUMP file such as `nqs integrals` writes, or instead xyz: a geometry"
                            + " with basis: sto-3g or 6-31g");
        }
        MoleculeInput m = dump ? fromFcidump(s, file(s, "fcidump", config)) : fromXyz(s, file(s, "xyz", config));
        s.finish();
        return m;
    }

    private static Path file(Section s, String key, Path config) {
        Path dir = config.toAbsolutePath().getParent();
        Path file = dir.resolve(s.string(key, null));
        if (!Files.isRegularFile(file)) {
            throw s.invalid(key, "no file " + file + " (paths are relative to the config file).");
        }
        // the resolved config (and so a resume from the run folder) names the file absolutely
        s.resolve(key, file.toString());
        return file;
    }

    private static MoleculeInput fromFcidump(Section s, Path file) {
        Fcidump f;
        try {
            f = FcidumpReader.read(file);
        } catch (ChemistryInputException | UncheckedIOException e) {
            throw s.invalid("fcidump", "cannot use this FCIDUMP: " + e.getMessage());
        }
        MolecularHamiltonian h = MolecularHamiltonian.of(f.toMolecularIntegrals());
        double hf = h.determinantEnergy(h.aufbau(f.alpha(), f.beta()));
        OptionalDouble mp2 = Mp2.fromCanonicalOrbitals(f);
        return new MoleculeInput(h, f.electrons(), f.twiceSpin(), hf,
                mp2.isPresent() ? OptionalDouble.of(hf + mp2.getAsDouble()) : OptionalDouble.empty());
    }

    private static MoleculeInput fromXyz(Section s, Path file) {
        String basis = s.choice("basis", null, BasisLibrary.NAMES.toArray(String[]::new));
        int charge = s.integer("charge", 0, -100, 100);
        int multiplicity = s.integer("multiplicity", 1, 1, 100);
        Molecule m;
        try {
            m = XyzReader.read(file, charge, multiplicity);
        } catch (ChemistryInputException e) {
            throw s.invalid("xyz", e.getMessage());
        }
        if (s.has("bond_length")) {
            m = withBondLength(s, m, s.positive("bond_length", null));
        }
        ScfReference ref;
        try {
            ref = ScfReference.compute(m, BasisLibrary.named(basis), false);
        } catch (ChemistryInputException | IllegalArgumentException e) {
            throw s.invalid("xyz", e.getMessage());
        }
        if (!ref.scf().converged()) {
            throw s.invalid("xyz", String.format(Locale.ROOT, "Hartree-Fock did not converge (orbital gradient %.1e after"
                    + " %d iterations); compute the FCIDUMP with nqs integrals and name it with fcidump.",
                    ref.scf().gradient(), ref.scf().iterations()));
        }
        MolecularHamiltonian h = MolecularHamiltonian.of(ref.fcidump().toMolecularIntegrals());
        return new MoleculeInput(h, m.electrons(), m.alphaElectrons() - m.betaElectrons(), ref.scf().energy(),
                OptionalDouble.of(ref.scf().energy() + ref.mp2()));
    }

    /**
     * {@code bond_length: R} (Å) for a diatomic XYZ: the second atom moved along the axis from the
     * first to distance R, so that a dissociation curve is a sweep of one key
     * ({@code sweep: {hamiltonian.bond_length: [...]}}). Refused for any other number of atoms.
     */
    private static Molecule withBondLength(Section s, Molecule m, double angstrom) {
        if (m.atoms().size() != 2) {
            throw s.invalid("bond_length", "sets the distance of a diatomic molecule, and this XYZ has "
                    + m.atoms().size() + " atoms; write the geometry in the XYZ file instead.");
        }
        Atom a = m.atoms().get(0);
        Atom b = m.atoms().get(1);
        double dx = b.x() - a.x();
        double dy = b.y() - a.y();
        double dz = b.z() - a.z();
        double scale = angstrom / Molecule.BOHR_IN_ANGSTROM / Math.sqrt(dx * dx + dy * dy + dz * dz);
        Atom moved = new Atom(b.element(), a.x() + scale * dx, a.y() + scale * dy, a.z() + scale * dz);
        return new Molecule(java.util.List.of(a, moved), m.charge(), m.multiplicity());
    }

    /** {@code hilbert: {type: fermions, n_up, n_down}}, both defaulting to (and checked against) NELEC and MS2. */
    FermionHilbert hilbert(Section s) {
        s.choice("type", "fermions", "fermions");
        int n = operator.orbitals();
        int up = (electrons + twiceSpin) / 2;
        int down = (electrons - twiceSpin) / 2;
        int nUp = s.integer("n_up", up, 0, n);
        int nDown = s.integer("n_down", down, 0, n);
        if (nUp != up || nDown != down) {
            throw s.invalid(nUp != up ? "n_up" : "n_down", "the molecule has NELEC = " + electrons + ", MS2 = " + twiceSpin
                    + ", i.e. n_up = " + up + " and n_down = " + down + "; got " + nUp + " and " + nDown + " (another"
                    + " sector of the same integrals: nqs fci FCIDUMP --nup N --ndown N).");
        }
        if (up > n || down > n || up < 0 || down < 0) {
            throw s.invalid("n_up", up + " and " + down + " electrons do not fit " + n + " orbitals per spin.");
        }
        s.finish();
        return FermionHilbert.spinful(n, nUp, nDown);
    }

    /**
     * {@code sampler}: {@code type: full_sum} (the weighted sum over every determinant of the sector:
     * exact energies and gradients; the default up to {@value #FULL_SUM_BY_DEFAULT} determinants),
     * {@code exact} (independent draws; the default up to ExactSampler.MAX_STATES) or
     * {@code metropolis} with {@code move: excitations} (single and double excitations of any
     * orbitals, {@link org.nqs4j.samplers.ExcitationRule}; a sweep is 2·NORB proposals by default).
     * Sampled, |ψ|² of a molecule is so peaked on the Hartree–Fock configuration that the rare
     * excitations carrying the correlation energy are not learned (README, "Molecules: VMC").
     */
    static SamplerSpec sampler(Section s, int orbitals, Hilbert hilbert) {
        double d = hilbert.dimension();
        SamplerSpec.Method fallback = d <= FULL_SUM_BY_DEFAULT ? SamplerSpec.Method.FULL_SUM
                : d <= ExactSampler.MAX_STATES ? SamplerSpec.Method.EXACT : SamplerSpec.Method.METROPOLIS;
        SamplerSpec.Method method = RunConfigReader.samplerMethod(s, hilbert, fallback);
        String move = method != SamplerSpec.Method.METROPOLIS ? "none" : s.choice("move", "excitations", "excitations");
        return RunConfigReader.samplerCounts(s, method, move, 2 * orbitals, hilbert);
    }

    /** Determinants up to which a molecule is summed over exactly unless the config says otherwise (N2/STO-3G: 14,400). */
    static final int FULL_SUM_BY_DEFAULT = 20_000;

    /**
     * {@code ansatz}: either (the default) {@code {type: rbm, alpha: 2, complex: true, init_scale: 0.01}}:
     * the RBM of the Jordan–Wigner spins (Choo, Mezzacapo &amp; Carleo 2020), complex by default,
     * in the Hartree–Fock orbital basis, started nearly uniform (vmc.run.MoleculeSetup), stored as type
     * {@code jw_rbm}; or {@code {type: slater, jastrow: rbm | pairs | none, alpha: 1, init_scale:
     * 0.1}}: the Slater determinant of the reference orbitals (the identity block in the FCIDUMP's
     * orbital basis: the aufbau determinant), its orbital coefficients variational, times a real RBM
     * Jastrow of α·2·NORB hidden units ({@code rbm}), a two-body Jastrow exp(Σ v_ab n_a n_b) over the
     * spin-orbitals ({@code pairs}) or nothing, stored as type {@code slater}, {@code slater+rbm} or
     * {@code slater+pairs}; or {@code {type: backflow, alpha: 1, init_scale: 0.1}}: neural backflow
     * (Luo &amp; Clark 2019) around the same orbitals, α·2·NORB tanh units.
     */
    static AnsatzSpec ansatz(Section s) {
        String type = s.choice("type", "rbm", "slater", "rbm", "backflow");
        if (type.equals("backflow")) {
            int alpha = s.integer("alpha", 1, 1, 64);
            double scale = s.real("init_scale", DEFAULT_INIT_SCALE, 0, 1);
            s.finish();
            return spec("backflow", false, alpha, scale);
        }
        if (type.equals("rbm")) {
            int alpha = s.integer("alpha", 2, 1, 64);
            boolean complex = s.bool("complex", true);
            double scale = s.real("init_scale", DEFAULT_RBM_INIT_SCALE, 0, 1);
            s.finish();
            return spec("jw_rbm", complex, alpha, scale);
        }
        String jastrow = s.choice("jastrow", "rbm", "rbm", "pairs", "none");
        int alpha = jastrow.equals("rbm") ? s.integer("alpha", 1, 1, 64) : 0;
        double scale = s.real("init_scale", DEFAULT_INIT_SCALE, 0, 1);
        s.finish();
        return spec(jastrow.equals("none") ? type : type + "+" + jastrow, false, alpha, scale);
    }

    private static AnsatzSpec spec(String type, boolean complex, int alpha, double scale) {
        return new AnsatzSpec(type, complex, alpha, java.util.List.of(), "none", new ProjectionSpec.None(), scale,
                java.util.Optional.empty(), 0, AnsatzSpec.Kernel.FULL, java.util.Optional.empty());
    }

    /** The spread of the Jordan–Wigner RBM's weights around its Hartree–Fock start (vmc.run.MoleculeSetup). */
    static final double DEFAULT_RBM_INIT_SCALE = 0.01;

    /**
     * The spread of the noise on the Hartree–Fock start (see vmc.run.MoleculeSetup): the HF
     * determinant in its own orbitals vanishes on every other configuration, so without noise the
     * chains never leave it and the sampled energy gradient vanishes; with it, step 0 lies above
     * E_HF by O(init_scale²). 0.1 was measured to reach full CI for H2 (MoleculeVmcTest).
     */
    static final double DEFAULT_INIT_SCALE = 0.1;

    /** The spec: couplings e_hf and (when defined) e_mp2. */
    HamiltonianSpec spec() {
        Map<String, Double> c = new LinkedHashMap<>();
        c.put("e_hf", hf);
        mp2.ifPresent(e -> c.put("e_mp2", e));
        return new HamiltonianSpec("molecule", null, Map.copyOf(c), false, operator);
    }
}
