package org.nqs4j.vmc.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --force replaces only nqs4j folders, never follows links out; a folder has one writer at a time. */
class OutputFolderTest {
    @TempDir
    Path tmp;

    @Test
    void forceRefusesAFolderWithoutTheMarkerAndDeletesNothing() throws IOException {
        Path foreign = tmp.resolve("src");
        Files.createDirectories(foreign.resolve("main"));
        Files.writeString(foreign.resolve("main/Thesis.tex"), "years of work");
        Files.writeString(foreign.resolve(RunFolder.CONFIG), "looks like a run, but has no marker");
        OutputFolder.FolderRefusedException e = assertThrows(OutputFolder.FolderRefusedException.class,
                () -> RunFolder.create(foreign, true));
        assertTrue(e.getMessage().contains("not an nqs4j run folder"), e.getMessage());
        assertEquals("years of work", Files.readString(foreign.resolve("main/Thesis.tex")));
        assertFalse(Files.exists(foreign.resolve(OutputFolder.LOCK)), "not even a lock file is left");
        assertFalse(Files.exists(foreign.resolve(OutputFolder.MARKER)));
    }

    @Test
    void forceReplacesARunFolderButNotWhatItsLinksPointTo() throws IOException {
        Path outside = tmp.resolve("outside");
        Files.createDirectories(outside);
        Files.writeString(outside.resolve("keep.txt"), "keep");
        Path run = tmp.resolve("run");
        try (RunFolder f = RunFolder.create(run, false)) {
            Files.writeString(run.resolve(RunFolder.LOG), "{}\n");
        }
        assertTrue(OutputFolder.isMarked(run));
        Files.createSymbolicLink(run.resolve("link-to-dir"), outside);
        Files.createSymbolicLink(run.resolve("link-to-file"), outside.resolve("keep.txt"));
        assertThrows(OutputFolder.FolderRefusedException.class, () -> RunFolder.create(run, false), "no --force");
        try (RunFolder f = RunFolder.create(run, true)) {
            try (var s = Files.list(run)) {
                assertEquals(2, s.count(), "only the marker and the lock are left");
            }
        }
        assertEquals("keep", Files.readString(outside.resolve("keep.txt")));
        assertFalse(Files.exists(run.resolve("link-to-dir"), java.nio.file.LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void aMarkerThatIsALinkDoesNotCount() throws IOException {
        Path real = tmp.resolve("real");
        try (RunFolder f = RunFolder.create(real, false)) {
            Files.writeString(real.resolve(RunFolder.LOG), "{}\n");
        }
        Path home = tmp.resolve("home");
        Files.createDirectories(home);
        Files.writeString(home.resolve("notes.txt"), "mine");
        Files.createSymbolicLink(home.resolve(OutputFolder.MARKER), real.resolve(OutputFolder.MARKER));
        assertThrows(OutputFolder.FolderRefusedException.class, () -> RunFolder.create(home, true));
        assertEquals("mine", Files.readString(home.resolve("notes.txt")));
    }

    @Test
    void aSecondWriterInTheSameProcessIsRefused() throws IOException {
        Path run = tmp.resolve("run");
        try (RunFolder f = RunFolder.create(run, false)) {
            Files.writeString(run.resolve(RunFolder.CONFIG), "name: run\n");
            Files.writeString(run.resolve(RunFolder.LOG), "{}\n");
            OutputFolder.FolderLockedException e = assertThrows(OutputFolder.FolderLockedException.class,
                    () -> RunFolder.open(run));
            assertTrue(e.getMessage().contains("PID " + ProcessHandle.current().pid()), e.getMessage());
            assertThrows(OutputFolder.FolderLockedException.class, () -> RunFolder.create(run, true));
            assertTrue(Files.exists(run.resolve(RunFolder.LOG)), "the refused --force deleted nothing");
        }
        try (RunFolder f = RunFolder.open(run)) {
            assertEquals(String.valueOf(ProcessHandle.current().pid()),
                    Files.readString(run.resolve(OutputFolder.LOCK)).trim());
        }
    }

    @Test
    void aFolderLeftWithoutResultsIsRemovedSoTheNameStaysFree() throws IOException {
        Path base = tmp.resolve("runs/name");
        try (RunFolder f = RunFolder.create(RunFolder.firstFree(base), false)) {
            Files.writeString(f.path().resolve(RunFolder.CONFIG), "# written, then the set-up failed\n");
        }
        assertFalse(Files.exists(base), "a run that never logged an iteration leaves no folder");
        assertEquals(base, RunFolder.firstFree(base), "the next run takes the same name, not name-2");
        Path existing = tmp.resolve("existing");
        Files.createDirectories(existing);
        try (RunFolder f = RunFolder.create(existing, false)) {
            Files.writeString(f.path().resolve(RunFolder.LOG), "{}\n");
        }
        assertTrue(Files.exists(existing.resolve(RunFolder.LOG)), "a folder with a log is kept");
    }
}
