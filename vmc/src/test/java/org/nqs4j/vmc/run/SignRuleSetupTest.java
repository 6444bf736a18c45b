package org.nqs4j.vmc.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nqs4j.ansatz.WaveFunction;
import org.nqs4j.vmc.config.AnsatzSpec;
import org.nqs4j.vmc.config.ConfigException;
import org.nqs4j.vmc.config.RunConfig;
import org.nqs4j.vmc.config.RunConfigReader;
import org.nqs4j.vmc.config.YamlConfigParser;
import org.nqs4j.vmc.driver.SampledOperator;

/**
 * {@code ansatz.sign_rule: spiral}: the network times the classical spiral's phases, on the triangular 6 × 3
 * torus the 120° phases ω^{Σ cᵢ nᵢ}, ω = e^{2πi/3}. With the
 * network constant (all parameters 0) the state is the S_z = 0 projection of the 120° Néel state with
 * equal moduli, whose Heisenberg energy follows by counting: on a bond, ⟨Sᶻᵢ Sᶻⱼ⟩ = −1/(4(N − 1)) and
 * ⟨Sˣᵢ Sˣⱼ + Sʸᵢ Sʸⱼ⟩ = cos(2π/3) N/(4(N − 1)), so E = −3N (N + 2)/(8(N − 1)) over the 3N bonds of the
 * triangular torus (−7.941176… at N = 18); without the phases (cos 0) it is the ferromagnetic multiplet's
 * |S = N/2, M = 0⟩, +3N/4. Checked by the exact sum over the 48,620 states of the sector.
 */
class SignRuleSetupTest {
    private static RunConfig config(String lattice, String ansatz, String hilbert) {
        String yaml = "lattice: " + lattice + "\nhamiltonian: {model: heisenberg, units: spin}\nhilbert: " + hilbert
                + "\nansatz: " + ansatz + "\n";
        return RunConfigReader.read(YamlConfigParser.parse(yaml, "test.yaml"), Path.of("test.yaml"));
    }

    private static final String TRIANGULAR_18 = "{type: triangular, extent: [6, 3], boundary: periodic}";

    @Test
    void theConstantNetworkWithThe120DegreePhasesHasTheCountedEnergy() {
        for (boolean rule : new boolean[] {true, false}) {
            RunConfig c = config(TRIANGULAR_18, "{type: rbm, alpha: 1, complex: true, symmetry: translations"
                    + (rule ? "" : ", sign_rule: none") + "}", "{total_sz: 0}");
            WaveFunction psi = RunSetup.waveFunction(c.ansatz(), c.lattice(), c.hamiltonian().marshallSign());
            psi.setParameters(new double[psi.parameterArrayLength()]);
            assertEquals(48_620, c.hilbert().nStates());
            double n = 18;
            double expected = rule ? -3 * n * (n + 2) / (8 * (n - 1)) : 3 * n / 4;
            assertEquals(expected, EnumeratedSamplingTest.exactEnergy(c.hilbert(),
                    SampledOperator.forOperator(c.hamiltonian().operator()), psi), 1e-12, "sign rule " + rule);
        }
    }

    /**
     * The default: the rule wherever it can apply to the antiferromagnetic Heisenberg or XXZ model on a lattice
     * that is not bipartite (there the Marshall rotation is the default) and whose infinite lattice orders in a
     * non-collinear spiral (triangular, whether the torus holds 120° or only a compromise), else none.
     */
    @Test
    void isTheDefaultWhereItApplies() {
        String plain = "{type: rbm, alpha: 1, complex: true}";
        assertEquals(AnsatzSpec.SignRule.SPIRAL, config(TRIANGULAR_18, plain, "{total_sz: 0}").ansatz().signRule());
        assertEquals(AnsatzSpec.SignRule.SPIRAL, config("{type: triangular, length: 4, boundary: periodic}", plain,
                "{total_sz: 0}").ansatz().signRule(), "a compromise spiral of the 120-degree order (4 x 4)");
        assertEquals(AnsatzSpec.SignRule.NONE, config("{type: chain, length: 9, boundary: periodic}", plain,
                "{total_sz: 0.5}").ansatz().signRule(), "an odd ring: a compromise of the collinear Neel order");
        assertEquals(AnsatzSpec.SignRule.SPIRAL, config("{type: chain, length: 9, boundary: periodic}",
                "{type: rbm, alpha: 1, complex: true, sign_rule: spiral}", "{total_sz: 0.5}").ansatz().signRule());
        assertEquals(AnsatzSpec.SignRule.NONE, config("{type: kagome, extent: [2, 2], boundary: periodic}", plain,
                "{total_sz: 0}").ansatz().signRule(), "three sites per cell");
        assertEquals(AnsatzSpec.SignRule.NONE, config("{type: square, length: 4, boundary: periodic}", plain,
                "{total_sz: 0}").ansatz().signRule(), "bipartite: the Marshall rotation");
        assertEquals(AnsatzSpec.SignRule.NONE, config(TRIANGULAR_18, "{type: rbm, alpha: 1, complex: false}",
                "{total_sz: 0}").ansatz().signRule(), "a real network");
        assertEquals(AnsatzSpec.SignRule.NONE, config(TRIANGULAR_18, "{type: rbm, alpha: 1, complex: true, symmetry:"
                + " translations}", "{total_sz: 1}").ansatz().signRule(), "N_up = 10 with tied translations");
        String yaml = "lattice: " + TRIANGULAR_18 + "\nhamiltonian: {model: heisenberg, J: -1}\nhilbert: {total_sz: 0}"
                + "\nansatz: " + plain + "\n";
        assertEquals(AnsatzSpec.SignRule.NONE, RunConfigReader.read(YamlConfigParser.parse(yaml, "f.yaml"),
                Path.of("f.yaml")).ansatz().signRule(), "a ferromagnet");
    }

    /** The run's ansatz line names Q, and says when 120° does not close and the spiral is the torus's compromise. */
    @Test
    void theAnsatzLineSaysWhenTheSpiralIsACompromise() {
        String plain = "{type: rbm, alpha: 1, complex: true}";
        RunConfig closes = config(TRIANGULAR_18, plain, "{total_sz: 0}");
        String line = RunSetup.waveFunction(closes.ansatz(), closes.lattice(), closes.hamiltonian().marshallSign()).description();
        assertTrue(line.contains("the classical spiral's phases, Q = 2pi*(2/6, 2/3)"), line);
        assertFalse(line.contains("compromise"), line);
        RunConfig square = config("{type: triangular, length: 4, boundary: periodic}", plain, "{total_sz: 0}");
        line = RunSetup.waveFunction(square.ansatz(), square.lattice(), square.hamiltonian().marshallSign()).description();
        assertTrue(line.contains("Q = 2pi*(0/4, 2/4), the torus's best compromise"), line);
    }

    @Test
    void refusesWhatThePhasesCannotBeDefinedOrKeptSymmetricOn() {
        String rule = "{type: rbm, alpha: 1, complex: true, sign_rule: spiral}";
        assertMessage(() -> config("{type: kagome, extent: [2, 2], boundary: periodic}", rule, "{total_sz: 0}"),
                "one site per cell");
        assertMessage(() -> config("{type: triangular, length: 3, boundary: open}", rule, "{total_sz: 0.5}"),
                "one site per cell");
        assertMessage(() -> config("{type: square, length: 4, boundary: periodic}", rule, "{total_sz: 0}"),
                "marshall_sign");
        assertMessage(() -> config(TRIANGULAR_18, "{type: rbm, alpha: 1, complex: false, sign_rule: spiral}",
                "{total_sz: 0}"), "complex: true");
        // N↑ = 10: a translation by one sublattice multiplies the phases by ω^{∓10} ≠ 1
        assertMessage(() -> config(TRIANGULAR_18, "{type: rbm, alpha: 1, complex: true, symmetry: translations,"
                + " sign_rule: spiral}", "{total_sz: 1}"), "(N_up = 10, Q = 2pi*(");
        assertMessage(() -> config(TRIANGULAR_18, "{type: rbm, alpha: 1, complex: true, sign_rule: 120}",
                "{total_sz: 0}"), "spiral");
        // without translation symmetry any N↑ will do
        assertEquals(AnsatzSpec.SignRule.SPIRAL,
                config(TRIANGULAR_18, rule, "{total_sz: 1}").ansatz().signRule());
    }

    /** A warm start from parameters trained under another sign rule is refused, naming the rule to set. */
    @Test
    void aWarmStartKeepsTheSignRuleOfItsParameters(@TempDir Path dir) throws java.io.IOException {
        Path npy = dir.resolve("parameters.npy");
        Files.writeString(npy, "not read by the config reader");
        String warm = "{type: rbm, alpha: 1, complex: true, init_from: '" + npy + "'}";
        assertEquals(AnsatzSpec.SignRule.SPIRAL, config(TRIANGULAR_18, warm, "{total_sz: 0}").ansatz().signRule(),
                "no config beside the file: nothing to compare");
        Files.writeString(dir.resolve("config.resolved.yaml"), "seed: 1\nansatz: {type: rbm, alpha: 1}\n");
        assertMessage(() -> config(TRIANGULAR_18, warm, "{total_sz: 0}"), "Set ansatz.sign_rule: none");
        Files.writeString(dir.resolve("config.resolved.yaml"), "seed: 1\nansatz: {type: rbm, sign_rule: spiral}\n");
        assertEquals(AnsatzSpec.SignRule.SPIRAL, config(TRIANGULAR_18, warm, "{total_sz: 0}").ansatz().signRule());
        assertMessage(() -> config(TRIANGULAR_18, "{type: rbm, alpha: 1, complex: true, sign_rule: none, init_from: '"
                + npy + "'}", "{total_sz: 0}"), "Set ansatz.sign_rule: spiral");
    }

    private static void assertMessage(org.junit.jupiter.api.function.Executable call, String part) {
        String message = assertThrows(ConfigException.class, call).getMessage();
        assertTrue(message.contains(part), message);
    }
}
