package org.nqs4j.vmc.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.nqs4j.vmc.config.RunConfig;
import org.nqs4j.vmc.parallel.World;
import org.nqs4j.vmc.run.RunFolder;
import org.nqs4j.vmc.run.VmcRun;

/**
 * Where a rank other than 0 of a distributed run keeps its copy of the run folder: a private
 * temporary directory, deleted at the end. Only rank 0 writes the run folder; the other ranks run
 * the same steps (they must join every collective) on the same data, so what they would write is
 * what rank 0 writes.
 */
public final class RankScratch implements AutoCloseable {
    private final Path dir;

    private RankScratch(Path dir) {
        this.dir = dir;
    }

    /** True on rank 0 (and in a run of one process): the rank that writes the run folder. */
    public static boolean writesRunFolder() {
        return World.get().rank() == 0;
    }

    /**
     * The run of {@code config} as a rank other than 0 does it: the same steps (it joins every collective) into a
     * scratch folder, no output; returns the run's exit code.
     */
    public static int runInScratch(RunConfig config) throws IOException {
        try (RankScratch scratch = empty(); RunFolder folder = RunFolder.create(scratch.path(), false)) {
            return VmcRun.execute(config, folder, new ProgressPrinter(System.err, true)).exitCode();
        }
    }

    /** An empty scratch folder. */
    static RankScratch empty() throws IOException {
        return new RankScratch(Files.createTempDirectory("nqs-rank" + World.get().rank() + "-"));
    }

    /** A scratch copy of the files of the run folder {@code runDir} (read, never written). */
    static RankScratch copyOf(Path runDir) throws IOException {
        RankScratch s = empty();
        try (Stream<Path> files = Files.list(runDir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(f)) {
                    Files.copy(f, s.dir.resolve(f.getFileName()));
                }
            }
        }
        return s;
    }

    Path path() {
        return dir;
    }

    @Override
    public void close() {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
