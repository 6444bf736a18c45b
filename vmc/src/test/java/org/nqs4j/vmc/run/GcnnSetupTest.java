package org.nqs4j.vmc.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.nqs4j.ansatz.Gcnn;
import org.nqs4j.ansatz.WaveFunction;
import org.nqs4j.vmc.config.ConfigValue;
import org.nqs4j.vmc.config.RunConfig;
import org.nqs4j.vmc.config.RunConfigReader;
import org.nqs4j.vmc.config.YamlConfigParser;

/** The gcnn of a config: the projection's group, and kernels on its point-group elements or on all of it. */
class GcnnSetupTest {
    private static WaveFunction build(String ansatz) {
        String yaml = "lattice: {type: square, length: 4, boundary: periodic, next_nearest: true}\n"
                + "hamiltonian: {model: j1j2, J1: 1.0, J2: 0.5}\n" + ansatz;
        ConfigValue.Mapping tree = YamlConfigParser.parse(yaml, "test.yaml");
        RunConfig c = RunConfigReader.read(tree, Path.of("test.yaml"));
        return RunSetup.waveFunction(c.ansatz(), c.lattice(), c.hamiltonian().marshallSign());
    }

    @Test
    void theGroupAndKernelComeFromTheProjection() {
        WaveFunction pointKernel = build("ansatz: {type: gcnn, features: [2, 3],"
                + " projection: {group: space_group, irrep: A1, spin_flip: +1}}\n");
        assertTrue(pointKernel instanceof Gcnn);
        assertEquals(128, ((Gcnn) pointKernel).order(), "16 translations x C4v");
        // P = F1(1 + N) + F2(1 + F1 |S|) with |S| = 8 point operations
        assertEquals(2 * 17 + 3 * (1 + 2 * 8), pointKernel.nParameters());
        WaveFunction full = build("ansatz: {type: gcnn, features: [2, 3], kernel: full,"
                + " projection: {group: space_group, irrep: A1}}\n");
        assertEquals(2 * 17 + 3 * (1 + 2 * 128), full.nParameters());
        WaveFunction translations = build("ansatz: {type: gcnn, features: [2], projection: {group: translations,"
                + " momentum: [1, 0]}}\n");
        assertEquals(16, ((Gcnn) translations).order());
        assertTrue(translations.description().contains("k=[1, 0]"), translations.description());
    }
}
