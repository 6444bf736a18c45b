package org.nqs4j.validation.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.nqs4j.validation.ExactGroundState;
import org.nqs4j.vmc.config.RunConfig;
import org.nqs4j.vmc.config.RunConfigReader;
import org.nqs4j.vmc.config.YamlConfigParser;

class SectorCheckingReferenceTest {
    /**
     * A validation diagonalises what the run's own reference budget would leave out: here a budget of
     * 1 ms, below the estimate for the 924 states of the triangular 4×3 cluster, where a plain run
     * reports no reference.
     */
    @Test
    void validationGivesEdMoreTimeThanTheRun() {
        RunConfig c = RunConfigReader.read(YamlConfigParser.parse("""
                lattice: {type: triangular, extent: [4, 3], boundary: periodic}
                hamiltonian: {model: heisenberg}
                hilbert: {total_sz: 0}
                """, "test.yaml"), Path.of("test.yaml"));
        assertTrue(new ExactGroundState().groundState(c, 1e-3).isEmpty(), "the run's budget alone refuses");
        assertEquals(-6.930812362876, new SectorCheckingReference().groundState(c, 1e-3).orElseThrow().energy(), 1e-9);
    }
}
