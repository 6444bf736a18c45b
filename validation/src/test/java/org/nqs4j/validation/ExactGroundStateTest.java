package org.nqs4j.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nqs4j.vmc.config.ConfigException;
import org.nqs4j.vmc.config.RunConfig;
import org.nqs4j.vmc.config.RunConfigReader;
import org.nqs4j.vmc.spi.ExactReference;
import org.nqs4j.vmc.spi.ExactReferences;

class ExactGroundStateTest {
    private static final double BUDGET = 60;

    @TempDir
    Path dir;

    private RunConfig config(String yaml) throws IOException {
        Path file = dir.resolve("case.yaml");
        Files.writeString(file, yaml);
        return RunConfigReader.read(file, List.of());
    }

    private static String chain(int length, String boundary) {
        return "lattice: {type: chain, length: " + length + ", boundary: " + boundary + "}\n";
    }

    @Test
    void betheAnsatzInBothUnitsAgreesWithDiagonalisationOfTheRotatedOperator() throws Exception {
        for (String units : new String[] {"spin", "pauli"}) {
            RunConfig c = config(chain(14, "periodic")
                    + "hamiltonian: {model: heisenberg, units: " + units + ", J: 0.9, marshall_sign: true}\n");
            ExactGroundState.Solution s = ExactGroundState.solve(c, BUDGET);
            ExactGroundState.Solution ed = ExactGroundState.solveByDiagonalisation(c);
            assertEquals("bethe-ansatz", s.reference().method());
            assertEquals("lanczos", ed.reference().method());
            assertEquals(3432, ed.reference().dimension());
            double e = ed.reference().energy();
            assertEquals(e, s.reference().energy(), 1e-9 * Math.abs(e), units);
        }
        // S = σ/2: the Pauli-unit energy is four times the spin-unit one
        double spin = ExactGroundState.solve(config(chain(40, "periodic") + "hamiltonian: {model: xxz, delta: 1}\n"),
                BUDGET).reference().energy();
        double pauli = ExactGroundState.solve(config(chain(40, "periodic")
                + "hamiltonian: {model: heisenberg, units: pauli}\n"), BUDGET).reference().energy();
        assertEquals(4 * spin, pauli, 1e-12 * Math.abs(pauli));
        // E_0/L = 1/4 − ln 2 − π²/(12L²) + O(1/(L² ln³ L)) with v = π/2 (Woynarovich–Eckle; Affleck 1986)
        assertEquals(0.25 - Math.log(2) - Math.PI * Math.PI / (12 * 40 * 40), spin / 40, 1e-5);
    }

    @Test
    void xxzRingsAtAnyAnisotropyAgreeWithDiagonalisation() throws Exception {
        // {L, J, Δ, total_sz, units}: critical, gapped, J < 0 (mapped to −Δ), odd L, ferromagnetic side
        String[][] cases = {
            {"12", "1.0", "0.5", "0", "spin"}, {"12", "0.8", "-0.6", "none", "pauli"}, {"10", "1.0", "3.0", "0", "pauli"},
            {"12", "-1.0", "0.4", "0", "spin"}, {"11", "1.0", "0.3", "0.5", "spin"}, {"11", "1.0", "2.0", "-0.5", "pauli"},
            {"10", "1.0", "-2.0", "none", "spin"}, {"9", "0.5", "-1.0", "none", "pauli"}, {"10", "1.0", "-1.0", "0", "spin"},
            {"10", "-1.0", "1.0", "0", "spin"},
        };
        for (String[] k : cases) {
            RunConfig c = config(chain(Integer.parseInt(k[0]), "periodic") + "hamiltonian: {model: xxz, J: " + k[1]
                    + ", delta: " + k[2] + ", units: " + k[4] + "}\nhilbert: {total_sz: " + k[3] + "}\n"
                    + "sampler: {move: " + (k[3].equals("none") ? "flip" : "exchange") + "}\n");
            String label = String.join(" ", k);
            ExactReference analytic = ExactGroundState.analyticReference(c).orElseThrow(() -> new AssertionError(label));
            double e = ExactGroundState.solveByDiagonalisation(c).reference().energy();
            assertEquals(e, analytic.energy(), 1e-10 * Math.abs(e), label);
            double effectiveDelta = Double.parseDouble(k[2]) * Math.signum(Double.parseDouble(k[1]));
            assertEquals(effectiveDelta <= -1 ? "ferromagnet" : "bethe-ansatz", analytic.method(), label);
        }
        // not covered: S^z = 0 at Δ < −1 (bound magnons), odd L at Δ ≤ −1/2, odd L with J < 0
        String[][] uncovered = {{"10", "1.0", "-1.5", "0"}, {"9", "1.0", "-0.6", "0.5"}, {"9", "-1.0", "0.5", "0.5"}};
        for (String[] k : uncovered) {
            RunConfig c = config(chain(Integer.parseInt(k[0]), "periodic") + "hamiltonian: {model: xxz, J: " + k[1]
                    + ", delta: " + k[2] + "}\nhilbert: {total_sz: " + k[3] + "}\n");
            assertTrue(ExactGroundState.analyticReference(c).isEmpty(), String.join(" ", k));
        }
        // beyond ED the uncovered sector is refused with what the Bethe ansatz covers
        ExactGroundState.NoExactMethodException refused = assertThrows(ExactGroundState.NoExactMethodException.class,
                () -> ExactGroundState.solve(config(chain(60, "periodic") + "hamiltonian: {model: xxz, delta: -2}\n"),
                        BUDGET));
        assertTrue(refused.getMessage().contains("bound magnons"), refused.getMessage());
        // beyond ED: the Bethe ansatz is the run's reference for a 200-site ring
        ExactReference big = ExactReferences.find(config(chain(200, "periodic")
                + "hamiltonian: {model: xxz, delta: 0.5}\n"), BUDGET).orElseThrow();
        assertEquals("bethe-ansatz", big.method());
    }

    @Test
    void freeFermionsInBothUnitsAgreeWithDiagonalisation() throws Exception {
        for (String units : new String[] {"spin", "pauli"}) {
            for (String jh : new String[] {"J: 1.0, h: 0.5", "J: 1.0, h: 1.0", "J: -0.7, h: 2.0"}) {
                RunConfig c = config(chain(10, "periodic") + "hamiltonian: {model: ising, units: " + units + ", " + jh
                        + "}\nsampler: {move: flip}\n");
                ExactGroundState.Solution s = ExactGroundState.solve(c, BUDGET);
                double e = ExactGroundState.solveByDiagonalisation(c).reference().energy();
                assertEquals("free-fermion", s.reference().method());
                assertEquals(e, s.reference().energy(), 1e-9 * Math.abs(e), units + " " + jh);
            }
        }
    }

    @Test
    void squareLattice4x4ByLanczosWithObservables() throws Exception {
        RunConfig c = config("lattice: {type: square, length: 4}\n"
                + "hamiltonian: {model: heisenberg, marshall_sign: true}\n"
                + "observables:\n  - {type: correlation, sites: [0, 1]}\n  - {type: magnetization}\n");
        ExactReference r = ExactReferences.find(c, BUDGET).orElseThrow();
        assertEquals("lanczos", r.method());
        assertEquals(12870, r.dimension());
        assertEquals(-11.228483, r.energy(), 5e-7); // literature value to 6 decimals
        // 32 equivalent bonds: ⟨S_0·S_1⟩ = E_0/32, unchanged by the rotation (S·S → −S^xS^x − S^yS^y + S^zS^z
        // on a bond, applied to the rotated state)
        assertEquals(r.energy() / 32, r.observables().get("ss_0_1"), 1e-9);
        assertEquals(0, r.observables().get("total_magnetization"), 1e-12);
    }

    @Test
    void smallSpaceUsesFullDiagonalisationAndSeesDegeneracy() throws Exception {
        // open Heisenberg chain of 5 sites in S^z = 1/2: a doublet ground state, unique within the sector
        ExactGroundState.Solution odd = ExactGroundState.solve(config(chain(5, "open")
                + "hamiltonian: {model: heisenberg}\n"), BUDGET);
        assertEquals("ed-full", odd.reference().method());
        assertEquals(10, odd.reference().dimension());
        assertTrue(odd.note().isEmpty(), odd.note());
        // Ising ring at h = 0 in the full space: the two ferromagnetic states are degenerate, E = −JL
        ExactGroundState.Solution classical = ExactGroundState.solve(config(chain(6, "open")
                + "hamiltonian: {model: ising, h: 0.0}\nsampler: {move: flip}\n"), BUDGET);
        assertEquals(-5, classical.reference().energy(), 1e-12);
        assertTrue(classical.note().contains("degenerate"), classical.note());
    }

    @Test
    void noMethodGivesAnEmptyReferenceAndAReason() throws Exception {
        RunConfig complex = config(chain(4, "open") + "hamiltonian:\n  model: pauli\n  terms:\n"
                + "    - {coefficient: 1.0, operators: Y, on: sites}\n"
                + "    - {coefficient: 1.0, operators: ZZ, on: bonds}\nsampler: {move: flip}\n");
        assertTrue(new ExactGroundState().groundState(complex, BUDGET).isEmpty());
        ExactGroundState.NoExactMethodException e = assertThrows(ExactGroundState.NoExactMethodException.class,
                () -> ExactGroundState.solve(complex, BUDGET));
        assertTrue(e.getMessage().contains("real"), e.getMessage());

        RunConfig big = config("lattice: {type: square, length: 6}\nhamiltonian: {model: heisenberg}\n");
        e = assertThrows(ExactGroundState.NoExactMethodException.class, () -> ExactGroundState.solve(big, BUDGET));
        assertTrue(e.getMessage().contains("ED limit"), e.getMessage());

        RunConfig slow = config(chain(20, "open") + "hamiltonian: {model: heisenberg}\n");
        e = assertThrows(ExactGroundState.NoExactMethodException.class, () -> ExactGroundState.solve(slow, 0.01));
        assertTrue(e.getMessage().contains("budget"), e.getMessage());

        // a sector the Hamiltonian does not conserve no longer reaches ED: the config reader refuses it
        ConfigException sector = assertThrows(ConfigException.class, () -> config(chain(6, "open")
                + "hamiltonian: {model: ising, h: 1.0}\nhilbert: {total_sz: 0}\nsampler: {move: exchange}\n"));
        assertTrue(sector.getMessage().contains("'hilbert.total_sz'") && sector.getMessage().contains("does not conserve"),
                sector.getMessage());
    }

    /** Beyond ED and analytic methods, a literature value from the config is the reference, and says so. */
    @Test
    void literatureReferenceIsUsedOnlyWhenNoExactMethodApplies() throws Exception {
        String square = "lattice: {type: square, length: 10}\nhamiltonian: {model: heisenberg}\n";
        String reference = "reference: {energy: -67.1549, error: 0.0004, source: QMC Sandvik 1997}\n";
        ExactReference r = ExactGroundState.solve(config(square + reference), BUDGET).reference();
        assertEquals(-67.1549, r.energy());
        assertTrue(r.method().startsWith("reference: QMC Sandvik 1997"), r.method());
        assertThrows(ExactGroundState.NoExactMethodException.class, () -> ExactGroundState.solve(config(square), BUDGET));
        // where an exact method exists the literature value is ignored
        ExactReference exact = ExactGroundState.solve(config(chain(10, "periodic")
                + "hamiltonian: {model: heisenberg}\n" + reference), BUDGET).reference();
        assertEquals("bethe-ansatz", exact.method());
    }
}
