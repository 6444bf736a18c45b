package org.nqs4j.vmc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nqs4j.vmc.cli.CommandLine.nqs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nqs4j.vmc.cli.CommandLine.Outcome;
import org.junit.jupiter.api.io.TempDir;
import org.nqs4j.vmc.config.RunConfigReader;
import org.nqs4j.vmc.io.NpyWriter;
import org.nqs4j.vmc.run.OutputFolder;
import org.nqs4j.vmc.run.RunFolder;
import org.nqs4j.vmc.run.RunListener;
import org.nqs4j.vmc.run.RunResult;
import org.nqs4j.vmc.run.VmcRun;

/**
 * What a new user meets on the command line: messages that name the file and say what to do, the
 * exit codes of the README, run-folder names, leftovers, plots and sweep folders.
 */
class TrustTest {
    @TempDir
    Path tmp;



    /** A run of a few seconds: 4 sites, 4 iterations, with the total magnetisation as observable. */
    private Path tiny(String extra) throws IOException {
        Path f = tmp.resolve("tiny.yaml");
        Files.writeString(f, """
                name: tiny
                seed: 3
                threads: 1
                iterations: 4
                checkpoint: {every: 2}
                lattice: {type: chain, length: 4}
                hamiltonian: {model: heisenberg, marshall_sign: true}
                ansatz: {type: rbm, alpha: 1, complex: false}
                sampler: {chains: 2, samples: 64}
                optimizer: {type: adam, learning_rate: 0.01}
                evaluation: {samples: 128}
                observables: [{type: magnetization}]
                output: {directory: %s}
                """.formatted(tmp.resolve("runs")) + extra);
        return f;
    }

    private static void assertClean(Outcome o) {
        assertFalse(o.err().contains("\tat "), "no stack trace: " + o.err());
        assertFalse(o.err().contains("internal error"), o.err());
    }

    /** iterations: 0 evaluates the initial (or init_from) state: a clean success, with no energy plot to draw. */
    @Test
    void anEvaluationWithoutIterationsSucceeds() throws IOException {
        Path f = tiny("");
        Files.writeString(f, Files.readString(f).replace("iterations: 4", "iterations: 0"));
        Outcome o = nqs("run", f.toString(), "--quiet");
        assertEquals(0, o.code(), o.err());
        String summary = Files.readString(tmp.resolve("runs/tiny/summary.json"));
        assertFalse(summary.contains("plot_error"), summary);
        assertClean(o);
    }

    @Test
    void unreadableConfigsAreNamedWithWhatToDo() throws IOException {
        Path latin1 = tmp.resolve("latin1.yaml");
        Files.write(latin1, "name: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        Outcome o = nqs("run", latin1.toString());
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().contains("latin1.yaml") && o.err().contains("not UTF-8") && o.err().contains("save it"),
                o.err());
        Outcome dir = nqs("run", tmp.toString());
        assertEquals(2, dir.code());
        assertTrue(dir.err().contains("is a folder, not a config file"), dir.err());
        assertClean(o);
    }

    @Test
    void operatingSystemErrorsSayWhichFileAndWhatToDo() {
        assertEquals("cannot use /proc/nqs: permission denied. Check the path and its permissions.",
                IoMessages.describe(new java.nio.file.AccessDeniedException("/proc/nqs")));
        String bare = IoMessages.describe(new IOException("Is a directory"));
        assertTrue(bare.contains("(Is a directory)") && bare.contains("check the paths"), bare);
        assertTrue(IoMessages.describe(new IOException("/proc/nqs")).startsWith("cannot use /proc/nqs"));
    }

    @Test
    void aCheckpointThatIsAFolderIsADamagedRunNotABareOsError() throws IOException {
        Path dir = tmp.resolve("folder-checkpoint");
        assertEquals(0, nqs("run", tiny("").toString(), "--out", dir.toString(), "--quiet").code());
        Files.delete(dir.resolve(RunFolder.SUMMARY));
        Files.delete(dir.resolve("checkpoint.bin"));
        Files.createDirectories(dir.resolve("checkpoint.bin"));
        Outcome o = nqs("resume", dir.toString(), "--quiet");
        assertEquals(1, o.code(), o.err());
        assertTrue(o.err().contains("checkpoint.bin") && o.err().contains("not a file"), o.err());
    }

    @Test
    void missingFoldersAreCommandLineMistakes() {
        for (String command : List.of("resume", "inspect")) {
            Outcome o = nqs(command, tmp.resolve("nothere").toString());
            assertEquals(2, o.code(), command + ": " + o.err());
            assertTrue(o.err().contains("does not exist"), o.err());
        }
    }

    @Test
    void runNamesThatAreNoFolderNamesAreConfigErrors() throws IOException {
        Path config = tiny("");
        for (String name : List.of(".", "..", "x".repeat(300))) {
            Outcome o = nqs("run", config.toString(), "--set", "name=" + name, "--quiet");
            assertEquals(2, o.code(), o.err());
            assertTrue(o.err().contains("key 'name'"), o.err());
        }
        assertFalse(Files.exists(tmp.resolve("runs")), "nothing written");
        Outcome o = nqs("run", config.toString(), "--set", "output.directory=" + "d".repeat(300), "--quiet");
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().contains("key 'output.directory'"), o.err());
        Outcome out = nqs("run", config.toString(), "--out", tmp.resolve("o".repeat(300)).toString(), "--quiet");
        assertEquals(2, out.code(), out.err());
        assertTrue(out.err().contains("--out: the folder name"), out.err());
    }

    @Test
    void aFolderTheOsRefusesIsNamedNotBare() throws IOException {
        Path file = tmp.resolve("plain.txt");
        Files.writeString(file, "a file, not a folder");
        Outcome o = nqs("run", tiny("").toString(), "--out", file.resolve("sub").toString(), "--quiet");
        assertEquals(1, o.code(), o.err());
        assertTrue(o.err().contains("cannot use " + file), o.err());
        assertTrue(o.err().contains("Check the path"), o.err());
        assertClean(o);
    }

    @Test
    void aSetUpFailureLeavesNoFolderThatWouldPushTheNextRunToName2() throws IOException {
        Path wrong = tmp.resolve("wrong.npy");
        NpyWriter.write(wrong, new double[3], false);
        Outcome o = nqs("run", tiny("").toString(), "--set", "ansatz.init_from=" + wrong, "--quiet");
        assertEquals(2, o.code(), o.err());
        assertFalse(Files.exists(tmp.resolve("runs/tiny")), "no stray folder");
        Outcome ok = nqs("run", tiny("").toString(), "--quiet");
        assertEquals(0, ok.code(), ok.err());
        assertTrue(Files.exists(tmp.resolve("runs/tiny/" + RunFolder.SUMMARY)), "the next run takes the name");
        assertFalse(Files.exists(tmp.resolve("runs/tiny-2")));
    }

    @Test
    void aConfigEditedBeforeResumeIsADamagedFolderExit1() throws IOException {
        Path dir = tmp.resolve("edited");
        assertEquals(0, nqs("run", tiny("").toString(), "--out", dir.toString(), "--quiet").code());
        Files.delete(dir.resolve(RunFolder.SUMMARY)); // as if killed before the end
        Files.writeString(dir.resolve(RunFolder.CONFIG), Files.readString(dir.resolve(RunFolder.CONFIG))
                .replace("iterations: 4", "iterations: 5"));
        Outcome o = nqs("resume", dir.toString(), "--quiet");
        assertEquals(1, o.code(), o.err());
        assertTrue(o.err().contains("was changed after the checkpoint"), o.err());
    }

    @Test
    void unitsAreWordsAndTheMagnetisationSaysItIsTheTotal() throws IOException {
        Path dir = tmp.resolve("words");
        Outcome o = nqs("run", tiny("").toString(), "--out", dir.toString(), "--quiet");
        assertEquals(0, o.code(), o.err());
        Map<String, Object> s = SummaryReport.read(dir.resolve(RunFolder.SUMMARY));
        assertEquals("spin", s.get("units"));
        assertTrue(s.get("hamiltonian").toString().contains("spin units"), s.get("hamiltonian").toString());
        assertFalse(o.out().contains("SPIN_HALF"), o.out());
        assertTrue(SummaryReport.map(s.get("observables")).containsKey("total_magnetization"), s.toString());
        assertTrue(o.out().contains("total_magnetization"), o.out());
    }

    @Test
    void missingPlotsOfACompletedRunAreRedrawnByResume() throws IOException {
        Path dir = tmp.resolve("plots");
        assertEquals(0, nqs("run", tiny("").toString(), "--out", dir.toString(), "--quiet").code());
        Files.delete(dir.resolve("energy.svg"));
        Outcome o = nqs("resume", dir.toString(), "--quiet");
        assertEquals(0, o.code(), o.err());
        assertTrue(Files.isRegularFile(dir.resolve("energy.svg")), o.err());
    }

    @Test
    void aPlotThatCannotBeWrittenIsReportedAndLeavesNoTruncatedFile() throws IOException {
        Path dir = tmp.resolve("badplot");
        RunResult r;
        try (RunFolder f = RunFolder.create(dir, false)) {
            Files.createDirectories(dir.resolve("energy.png/occupied")); // the rename onto it must fail
            r = VmcRun.execute(RunConfigReader.read(tiny(""), List.of()), f, RunListener.SILENT);
        }
        assertTrue(r.summary().get("plot_error") instanceof String, r.summary().toString());
        assertTrue(SummaryReport.read(dir.resolve(RunFolder.SUMMARY)).containsKey("plot_error"));
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary file left");
        }
        PrintStream oldErr = System.err;
        try {
            System.setErr(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            assertEquals(1, RunCommand.report(new PrintStream(new ByteArrayOutputStream()), r, dir, false),
                    "not exit 0");
        } finally {
            System.setErr(oldErr);
        }
        Files.delete(dir.resolve("energy.png/occupied"));
        Files.delete(dir.resolve("energy.png"));
        Outcome o = nqs("resume", dir.toString(), "--quiet");
        assertEquals(0, o.code(), o.err());
        assertTrue(Files.isRegularFile(dir.resolve("energy.png")), "resume draws the missing plot");
        assertFalse(SummaryReport.read(dir.resolve(RunFolder.SUMMARY)).containsKey("plot_error"));
    }

    @Test
    void anInterruptedSweepIsInspectedAndResumedToTheSameTable() throws IOException {
        Path config = tiny("sweep: {hamiltonian.J: [1.0, 2.0]}\n");
        Path dir = tmp.resolve("sweep");
        Outcome whole = nqs("sweep", config.toString(), "--out", dir.toString(), "--quiet");
        assertEquals(0, whole.code(), whole.err());
        String table = Files.readString(dir.resolve("sweep.csv"));
        Path first = dir.resolve("tiny-J=1.0");
        Path second = dir.resolve("tiny-J=2.0");
        assertTrue(Files.isDirectory(second), "point folder " + second);
        // as if SIGTERM had stopped the first point after its last checkpoint, before the second began
        Files.writeString(first.resolve(RunFolder.SUMMARY), "{\"name\":\"tiny-J=1.0\",\"status\":\"interrupted\","
                + "\"signal\":\"SIGTERM\",\"checkpoint_iterations\":4,\"iterations\":4}\n");
        Files.delete(first.resolve(RunFolder.PARAMETERS));
        deleteTree(second);
        Files.delete(dir.resolve("sweep.csv"));

        Outcome inspect = nqs("inspect", dir.toString());
        assertEquals(0, inspect.code(), inspect.err());
        assertTrue(inspect.out().contains("0 of 2 points done") && inspect.out().contains("| interrupted |")
                && inspect.out().contains("| not started |"), inspect.out());
        assertTrue(inspect.out().contains("nqs resume " + dir), inspect.out());

        Outcome resumed = nqs("resume", dir.toString(), "--quiet");
        assertEquals(0, resumed.code(), resumed.err());
        assertEquals(table, Files.readString(dir.resolve("sweep.csv")), "the same numbers as the uninterrupted sweep");
        assertTrue(Files.isRegularFile(first.resolve(RunFolder.PARAMETERS)), "the interrupted point was resumed");
    }

    /** A sweep point whose plots are missing is drawn again by nqs resume of the sweep, as for a single run. */
    @Test
    void resumingASweepRedrawsTheMissingPlotsOfAFinishedPoint() throws IOException {
        Path dir = tmp.resolve("sweep-plots");
        Outcome whole = nqs("sweep", tiny("sweep: {hamiltonian.J: [1.0, 2.0]}\n").toString(), "--out", dir.toString(),
                "--quiet");
        assertEquals(0, whole.code(), whole.err());
        Path first = dir.resolve("tiny-J=1.0");
        Files.delete(first.resolve("energy.svg"));
        Outcome resumed = nqs("resume", dir.toString(), "--quiet");
        assertEquals(0, resumed.code(), resumed.err());
        assertTrue(Files.isRegularFile(first.resolve("energy.svg")), resumed.err());
    }

    /** A point killed between making its folder and writing its config holds only the marker: resume starts it. */
    @Test
    void aSweepPointKilledBeforeItsConfigIsStartedAgain() throws IOException {
        Path dir = tmp.resolve("sweep-early");
        Outcome whole = nqs("sweep", tiny("sweep: {hamiltonian.J: [1.0, 2.0]}\n").toString(), "--out", dir.toString(),
                "--quiet");
        assertEquals(0, whole.code(), whole.err());
        String table = Files.readString(dir.resolve("sweep.csv"));
        Path second = dir.resolve("tiny-J=2.0");
        try (var files = Files.list(second)) {
            for (Path p : files.toList()) {
                if (!p.getFileName().toString().equals(OutputFolder.MARKER)) {
                    deleteTree(p);
                }
            }
        }
        Files.delete(dir.resolve("sweep.csv"));
        Outcome resumed = nqs("resume", dir.toString(), "--quiet");
        assertEquals(0, resumed.code(), resumed.err());
        assertEquals(table, Files.readString(dir.resolve("sweep.csv")), "the same numbers as the uninterrupted sweep");
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
