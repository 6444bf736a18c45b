package org.nqs4j.validation.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nqs4j.vmc.cli.UsageException;

class ValidateCommandTest {
    private static final String CASE = Path.of("suite", "heisenberg-rect-4x2.yaml").toString();

    @TempDir
    Path out;

    /**
     * --seeds K on the 4×2 suite case: one run folder per seed (seed, seed + 1, …) and
     * calibration.json; these three runs pass, with VMC − trial of −1.2, −1.1 and +0.1 error bars
     * (measured), so the bars are consistent and the exit code is 0.
     */
    @Test
    void seedsRunsEverySeedAndWritesTheCalibration() throws IOException {
        int code = new ValidateCommand().run(List.of(CASE, "--seeds", "3", "--quiet", "--out", out.toString(),
                "--set", "threads=2"));
        String json = Files.readString(out.resolve(ValidateCommand.CALIBRATION)).replace(" ", "");
        assertTrue(json.contains("\"runs\":3") && json.contains("\"p_value\""), json);
        assertTrue(json.contains("\"seeds\":[1234,1235,1236]"), json);
        assertTrue(json.contains("\"consistent\":true"), json);
        assertEquals(0, code);
        for (long seed : new long[] {1234, 1235, 1236}) {
            assertTrue(Files.isRegularFile(out.resolve("seed-" + seed).resolve("validation.json")), "seed " + seed);
        }
    }

    /**
     * Beyond the trial-state sum (ring L = 20, S^z = 0: 184 756 states) --seeds compares the seeds'
     * energies with each other; the exit code follows the recorded consistency (every run has its
     * Bethe-ansatz reference and the loose tolerance 0.5).
     */
    @Test
    void seedsBeyondTheTrialSumAreComparedWithEachOther() throws IOException {
        Path config = out.resolve("ring20.yaml");
        Files.writeString(config, """
                iterations: 30
                lattice: {type: chain, length: 20, boundary: periodic}
                hamiltonian: {model: xxz, delta: 0.5, marshall_sign: true}
                ansatz: {type: rbm, alpha: 1, complex: false, symmetry: translations}
                sampler: {move: exchange, chains: 4, samples: 256}
                preconditioner: {diag_shift: 0.1}
                evaluation: {samples: 2048}
                """);
        int code = new ValidateCommand().run(List.of(config.toString(), "--seeds", "2", "--quiet", "--tolerance", "0.5",
                "--out", out.resolve("runs").toString(), "--set", "threads=1"));
        String json = Files.readString(out.resolve("runs").resolve(ValidateCommand.CALIBRATION)).replace(" ", "");
        assertTrue(json.contains("\"seed_consistency\":{\"runs\":2") && json.contains("\"dof\":1"), json);
        assertEquals(json.contains("\"consistent\":true") ? 0 : 1, code, json);
    }

    /** A run that stops (every local energy overflows, h = 1e308) fails its seed; the others go on; exit 1. */
    @Test
    void stoppedRunsFailTheirSeedAndTheCommand() throws IOException {
        Path config = out.resolve("overflow.yaml");
        Files.writeString(config, """
                iterations: 20
                lattice: {type: chain, length: 6}
                hamiltonian: {model: ising, J: 0.0, h: 1e308}
                ansatz: {type: rbm, alpha: 1, complex: false, init_scale: 0.1}
                sampler: {chains: 2, samples: 32}
                """);
        int code = new ValidateCommand().run(List.of(config.toString(), "--seeds", "2", "--quiet", "--out",
                out.resolve("runs").toString(), "--set", "threads=1"));
        assertEquals(1, code);
        assertTrue(Files.isDirectory(out.resolve("runs").resolve("seed-1234")), "the first seed's folder is kept");
    }

    @Test
    void seedsNeedsOneConfigAndAtLeastTwoRuns() {
        UsageException few = assertThrows(UsageException.class,
                () -> new ValidateCommand().run(List.of(CASE, "--seeds", "1")));
        assertTrue(few.getMessage().contains("from 2"), few.getMessage());
        UsageException suite = assertThrows(UsageException.class,
                () -> new ValidateCommand().run(List.of("--suite", "suite", "--seeds", "3")));
        assertTrue(suite.getMessage().contains("one CONFIG"), suite.getMessage());
    }
}
