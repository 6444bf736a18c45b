package org.nqs4j.vmc.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nqs4j.vmc.config.H2Sto3g.CORE;
import static org.nqs4j.vmc.config.H2Sto3g.H11;
import static org.nqs4j.vmc.config.H2Sto3g.H22;
import static org.nqs4j.vmc.config.H2Sto3g.H2_FCIDUMP;
import static org.nqs4j.vmc.config.H2Sto3g.J11;
import static org.nqs4j.vmc.config.H2Sto3g.J22;
import static org.nqs4j.vmc.config.H2Sto3g.K12;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nqs4j.ansatz.fermion.SlaterDeterminant;
import org.nqs4j.ansatz.fermion.SpinOrbitals;
import org.nqs4j.chemistry.Atom;
import org.nqs4j.chemistry.Element;
import org.nqs4j.chemistry.Molecule;
import org.nqs4j.chemistry.basis.BasisLibrary;
import org.nqs4j.chemistry.scf.ScfReference;
import org.nqs4j.hamiltonians.fock.MolecularHamiltonian;
import org.nqs4j.hamiltonians.fock.MolecularIntegrals;
import org.nqs4j.hamiltonians.hilbert.FermionHilbert;
import org.nqs4j.vmc.config.RunConfig;
import org.nqs4j.vmc.config.RunConfigReader;
import org.nqs4j.vmc.driver.Evaluation;
import org.nqs4j.vmc.driver.IterationResult;
import org.nqs4j.vmc.driver.SampledOperator;
import org.nqs4j.vmc.stats.LanczosStep;

/**
 * VMC of molecules: local energies of Slater determinants in the Jordan–Wigner basis (single and
 * double excitations, signs included) against the closed-form energy of a determinant, the HF start,
 * and a short H2 run against its two-determinant full CI.
 */
class MoleculeVmcTest {
    @TempDir
    Path dir;

    /**
     * The exact |ψ|²-weighted average of the cache's local energies over the whole (N↑, N↓) sector
     * equals the energy of the same determinant from its density matrices (the UHF expression
     * E = E_core + Σ_σ tr h Dσ + ½ Σ_σσ′ (pq|rs) Dσ_qp Dσ′_sr − ½ Σ_σ (pq|rs) Dσ_sp Dσ_qr, with
     * Dσ = Φσ (Φσᵀ Φσ)⁻¹ Φσᵀ): for random orbitals, every single and double excitation of H enters
     * with its amplitude ratio and sign; for the HF orbitals (identity blocks) it is E_HF itself.
     */
    @Test
    void averagedLocalEnergyOfADeterminantIsItsEnergy() {
        ScfReference water = ScfReference.compute(new Molecule(List.of(new Atom(Element.O, 0, 0, 0),
                new Atom(Element.H, 1.43042809, 0, 1.10715266), new Atom(Element.H, -1.43042809, 0, 1.10715266)), 0, 1),
                BasisLibrary.named("sto-3g"), false);
        MolecularHamiltonian h = MolecularHamiltonian.of(water.fcidump().toMolecularIntegrals());
        int norb = h.orbitals();
        SpinOrbitals hf = SpinOrbitals.of(identityBlock(norb, 5), identityBlock(norb, 5));
        assertEquals(water.scf().energy(), averagedLocalEnergy(h, hf, 5, 5), 1e-10, "E_HF of H2O/STO-3G");
        assertEquals(water.scf().energy(), determinantEnergy(h.integrals(), hf), 1e-10);

        ScfReference lih = ScfReference.compute(new Molecule(List.of(new Atom(Element.Li, 0, 0, 0),
                new Atom(Element.H, 0, 0, 3.0)), 0, 1), BasisLibrary.named("sto-3g"), false);
        MolecularHamiltonian hl = MolecularHamiltonian.of(lih.fcidump().toMolecularIntegrals());
        SplittableRandom rng = new SplittableRandom(5);
        for (int[] particles : new int[][] {{2, 2}, {3, 1}}) {
            DMatrixRMaj up = identityBlock(hl.orbitals(), particles[0]);
            DMatrixRMaj down = identityBlock(hl.orbitals(), particles[1]);
            for (DMatrixRMaj m : new DMatrixRMaj[] {up, down}) {
                for (int k = 0; k < m.data.length; k++) {
                    m.data[k] += 0.5 * rng.nextGaussian();
                }
            }
            SpinOrbitals phi = SpinOrbitals.of(up, down);
            double exact = determinantEnergy(hl.integrals(), phi);
            assertEquals(exact, averagedLocalEnergy(hl, phi, particles[0], particles[1]), 1e-10 * Math.abs(exact),
                    "random orbitals, " + particles[0] + "↑ " + particles[1] + "↓");
        }
    }

    /**
     * The first-order start: for H2 (one double excitation) the start determinant's amplitude
     * ratio ψ(D)/ψ(HF), computed from scratch with its sign, is the first-order amplitude
     * −⟨D|H|HF⟩/(E_D − E_HF) itself; for LiH the opposite-spin doubles of the start determinant
     * approximate the first-order amplitudes t better than the HF determinant (0) does, and the rank-one
     * fit leaves ‖R − t‖² = ‖t‖² − (R·t) (the residual of a projection).
     */
    @Test
    void firstOrderMixingCarriesTheFirstOrderAmplitudes() throws IOException {
        Files.writeString(dir.resolve("h2.fcidump"), H2_FCIDUMP);
        MolecularHamiltonian h2 = MolecularHamiltonian.of(org.nqs4j.chemistry.fcidump.FcidumpReader
                .read(dir.resolve("h2.fcidump")).toMolecularIntegrals());
        double[][] rt = firstOrderOverlaps(h2, 1, 1);
        assertEquals(1, rt[0].length);
        assertEquals(-K12 / (CORE + 2 * H22 + J22 - E_HF), rt[1][0], 1e-12, "the first-order amplitude");
        assertEquals(rt[1][0], rt[0][0], 1e-12, "the start determinant's ratio, sign included");

        ScfReference lih = ScfReference.compute(new Molecule(List.of(new Atom(Element.Li, 0, 0, 0),
                new Atom(Element.H, 0, 0, 3.0)), 0, 1), BasisLibrary.named("sto-3g"), false);
        rt = firstOrderOverlaps(MolecularHamiltonian.of(lih.fcidump().toMolecularIntegrals()), 2, 2);
        double rr = 0;
        double tt = 0;
        double r_t = 0;
        for (int d = 0; d < rt[0].length; d++) {
            rr += rt[0][d] * rt[0][d];
            tt += rt[1][d] * rt[1][d];
            r_t += rt[0][d] * rt[1][d];
        }
        assertTrue(r_t > 0.5 * tt, "the leading pattern carries most of t: R·t = " + r_t + ", t·t = " + tt);
        assertEquals(rr, r_t, 1e-10 * tt, "R is the projection of t onto its leading rank-one pattern");
    }

    /**
     * (R, t) over the opposite-spin doubles D of the aufbau state: R = ψ(D)/ψ(HF) of the start
     * determinant from scratch, t = −⟨D|H|HF⟩/(⟨D|H|D⟩ − ⟨HF|H|HF⟩).
     */
    private static double[][] firstOrderOverlaps(MolecularHamiltonian h, int up, int down) {
        int norb = h.orbitals();
        double[] phi = new double[norb * (up + down)];
        for (int k = 0; k < up; k++) {
            phi[k * up + k] = 1;
        }
        for (int k = 0; k < down; k++) {
            phi[norb * up + k * down + k] = 1;
        }
        FirstOrderMixing.apply(h, up, down, phi);
        SlaterDeterminant psi = SlaterDeterminant.of(SpinOrbitals.of(
                new DMatrixRMaj(norb, up, true, java.util.Arrays.copyOfRange(phi, 0, norb * up)),
                new DMatrixRMaj(norb, down, true, java.util.Arrays.copyOfRange(phi, norb * up, phi.length))));
        int[] hf = h.aufbau(up, down);
        var c = h.newConnections();
        h.connections(hf, c);
        double eHf = h.determinantEnergy(hf);
        double[] lp = new double[2];
        psi.logPsi(hf, lp);
        double psiHf = Math.exp(lp[0]) * Math.cos(lp[1]);
        java.util.List<double[]> pairs = new java.util.ArrayList<>();
        for (int k = 0; k < c.size(); k++) {
            if (c.changeCount(k) != 4) {
                continue;
            }
            int[] x = hf.clone();
            int upChanges = 0;
            for (int m = 0; m < 4; m++) {
                x[c.changeMode(k, m)] = c.changeValue(k, m);
                upChanges += c.changeMode(k, m) < norb ? 1 : 0;
            }
            if (upChanges == 2) {
                psi.logPsi(x, lp);
                pairs.add(new double[] {Math.exp(lp[0]) * Math.cos(lp[1]) / psiHf,
                        -c.value(k) / (h.determinantEnergy(x) - eHf)});
            }
        }
        double[][] out = new double[2][pairs.size()];
        for (int d = 0; d < pairs.size(); d++) {
            out[0][d] = pairs.get(d)[0];
            out[1][d] = pairs.get(d)[1];
        }
        return out;
    }

    /** Σ_x |ψ(x)|² E_L(x) / Σ_x |ψ(x)|², E_L from the walker cache's ratios. */
    private static double averagedLocalEnergy(MolecularHamiltonian h, SpinOrbitals phi, int up, int down) {
        return EnumeratedSamplingTest.exactEnergy(FermionHilbert.spinful(h.orbitals(), up, down), SampledOperator.of(h),
                SlaterDeterminant.of(phi));
    }

    /** The UHF energy expression of the determinant of Φ↑, Φ↓ (orthogonal projectors onto their columns). */
    private static double determinantEnergy(MolecularIntegrals g, SpinOrbitals phi) {
        int n = g.orbitals();
        DMatrixRMaj[] d = new DMatrixRMaj[2];
        for (int s = 0; s < 2; s++) {
            DMatrixRMaj c = phi.orbitals(s);
            DMatrixRMaj overlap = new DMatrixRMaj(c.numCols, c.numCols);
            CommonOps_DDRM.multTransA(c, c, overlap);
            CommonOps_DDRM.invert(overlap);
            DMatrixRMaj t = new DMatrixRMaj(n, c.numCols);
            CommonOps_DDRM.mult(c, overlap, t);
            d[s] = new DMatrixRMaj(n, n);
            CommonOps_DDRM.multTransB(t, c, d[s]);
        }
        double e = g.core();
        for (int p = 0; p < n; p++) {
            for (int q = 0; q < n; q++) {
                double total = d[0].get(q, p) + d[1].get(q, p);
                e += g.h(p, q) * total;
                for (int r = 0; r < n; r++) {
                    for (int s = 0; s < n; s++) {
                        double v = g.eri(p, q, r, s);
                        e += 0.5 * v * total * (d[0].get(s, r) + d[1].get(s, r));
                        e -= 0.5 * v * (d[0].get(s, p) * d[0].get(q, r) + d[1].get(s, p) * d[1].get(q, r));
                    }
                }
            }
        }
        return e;
    }

    private static DMatrixRMaj identityBlock(int rows, int cols) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int k = 0; k < cols; k++) {
            m.set(k, k, 1);
        }
        return m;
    }

    /** E_HF = E_core + 2h11 + (11|11). */
    private static final double E_HF = CORE + 2 * H11 + J11;
    /**
     * Full CI of H2 in a minimal basis: the singles vanish by symmetry, so HF mixes only with the
     * doubly excited determinant (E_D = E_core + 2h22 + (22|22), coupling (12|21) = K12):
     * E = (E_HF + E_D)/2 − √(((E_D − E_HF)/2)² + K12²).
     */
    private static final double E_FCI;

    static {
        double ed = CORE + 2 * H22 + J22;
        E_FCI = 0.5 * (E_HF + ed) - Math.sqrt(0.25 * (ed - E_HF) * (ed - E_HF) + K12 * K12);
    }

    private RunConfig config(String... overrides) throws IOException {
        Files.writeString(dir.resolve("h2.fcidump"), H2_FCIDUMP);
        Path config = dir.resolve("h2.yaml");
        Files.writeString(config, """
                name: h2
                hamiltonian: {model: molecule, fcidump: h2.fcidump}
                ansatz: {type: slater, jastrow: rbm}
                sampler: {type: metropolis, chains: 16, samples: 1008}
                optimizer: {learning_rate: 0.05}
                threads: 2
                """);
        return RunConfigReader.read(config, List.of(overrides));
    }

    /** From the exact HF determinant (no noise) every walker sits on the HF configuration: E_L = E_HF. */
    @Test
    void stepZeroFromHartreeFockIsTheHartreeFockEnergy() throws IOException {
        try (RunSetup setup = RunSetup.build(config("ansatz.init_scale=0"))) {
            IterationResult r = setup.driver().step(0);
            assertEquals(E_HF, r.energy().mean(), 1e-12 + 3 * r.energy().error());
            assertEquals(0, r.energy().error(), 1e-12, "a single configuration: no spread");
        }
    }

    /**
     * 400 steps of Slater × RBM Jastrow from the noisy HF start reach the two-determinant full CI of
     * H2 (correlation energy 20.5 mHa) within 1 mHa, and the final estimate is not below it by more
     * than 4 error bars (variational).
     */
    @Test
    void shortRunOfH2ReachesFullCi() throws IOException {
        assertEquals(-1.1373, E_FCI, 1e-4, "Szabo & Ostlund's full-CI energy of H2 at 1.4 a0");
        try (RunSetup setup = RunSetup.build(config("iterations=400"))) {
            for (int it = 0; it < 400; it++) {
                setup.driver().step(it);
            }
            Evaluation e = setup.driver().evaluate(630, 20, List.of(), LanczosStep.Mode.NONE);
            double mean = e.energy().mean();
            double error = e.energy().error();
            assertTrue(Math.abs(mean - E_FCI) < 1e-3, "E = " + mean + " ± " + error + ", FCI " + E_FCI);
            assertTrue(mean > E_FCI - 4 * error, "below the exact ground state: E = " + mean + " ± " + error);
        }
    }
}
