package org.nqs4j.validation.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nqs4j.validation.cli.CommandCapture.capture;

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

    /** Under an MPI launch the ranks share the validation of one CONFIG; a suite or seeds are one process's. */
    @Test
    void oneConfigIsSharedByRanksASuiteOrSeedsAreNot() {
        ValidateCommand validate = new ValidateCommand();
        assertTrue(validate.distributed(List.of(CASE, "--quiet", "--tolerance", "0.01")));
        assertFalse(validate.distributed(List.of("--suite", "suite")));
        assertFalse(validate.distributed(List.of("--suite=suite", "--quiet")));
        assertFalse(validate.distributed(List.of(CASE, "--seeds", "3")));
        // arguments that do not parse are left to run(), which says why on every rank
        assertTrue(validate.distributed(List.of(CASE, "--no-such-option")));
    }

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
     * A suite's config validated alone is judged by its tolerances.yaml entry (here 1e-9, which the
     * 4×2 case cannot meet: exit 1, the tolerance in validation.json); --tolerance overrides it.
     */
    @Test
    void aConfigAloneTakesItsToleranceFromItsFolder() throws IOException {
        Path suite = Files.createDirectories(out.resolve("suite"));
        Path config = Files.copy(Path.of(CASE), suite.resolve("rect.yaml"));
        Files.writeString(suite.resolve("tolerances.yaml"), "rect.yaml: 1.0e-9\n");
        List<String> run = List.of(config.toString(), "--quiet", "--set", "threads=2", "--set", "iterations=20");
        assertEquals(1, new ValidateCommand().run(concat(run, "--out", out.resolve("alone").toString())));
        assertTrue(Files.readString(out.resolve("alone").resolve("validation.json")).replace(" ", "")
                .contains("\"tolerance\":1.0E-9"));
        assertEquals(0, new ValidateCommand().run(concat(run, "--out", out.resolve("loose").toString(), "--tolerance",
                "0.5")));
    }

    private static List<String> concat(List<String> first, String... more) {
        List<String> all = new java.util.ArrayList<>(first);
        all.addAll(List.of(more));
        return all;
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

    /**
     * The L = 6 ring with J2 = 0.2 as written has its ground state at momentum π (ED), out of reach
     * of a translation-symmetric RBM: the report and the suite's table warn of it, validation.json
     * and suite.json record it; the run fails its tolerance on its own.
     */
    @Test
    void anAnsatzOutsideTheGroundStateSectorIsWarnedOf() throws Exception {
        Path suite = out.resolve("suite");
        Files.createDirectories(suite);
        Path config = suite.resolve("ring6.yaml");
        Files.writeString(config, """
                iterations: 5
                threads: 1
                lattice: {type: chain, length: 6, next_nearest: true}
                hamiltonian: {model: j1j2, J1: 1.0, J2: 0.2}
                ansatz: {alpha: 1, symmetry: translations}
                sampler: {chains: 2, samples: 64}
                evaluation: {samples: 256}
                """);
        String warning = "the ansatz is translation-symmetric, momentum Γ, and the exact ground state lies in k=[3] A1,"
                + " spin flip -1: the run can reach only the lowest state of the ansatz's sector, above E0 whatever the"
                + " optimiser does";
        Object[] one = capture(() -> new ValidateCommand().run(List.of(config.toString(), "--quiet", "--out",
                out.resolve("one").toString())));
        assertEquals(1, one[0]);
        assertTrue(((String) one[1]).contains("\n  warning              " + warning + "\n"), (String) one[1]);
        String json = Files.readString(out.resolve("one").resolve("validation.json"));
        assertTrue(json.contains("\"ansatz_sector\":{\"ansatz\":\"translation-symmetric, momentum Γ\",\"verdict\":"
                + "\"mismatch\",\"ground_state\":\"k=[3] A1, spin flip -1\",\"basis\":\"as_written\",\"warning\":\""
                + warning + "\"}"), json);

        Object[] table = capture(() -> new ValidateCommand().run(List.of("--suite", suite.toString(), "--quiet", "--out",
                out.resolve("suite-out").toString())));
        assertTrue(((String) table[1]).contains("(WARNING: the ansatz is not in the ground state's sector)"),
                (String) table[1]);
        assertTrue(Files.readString(out.resolve("suite-out").resolve("suite.json")).contains("\"verdict\":\"mismatch\""));
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
