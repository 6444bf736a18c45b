package org.nqs4j.vmc.run;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import org.nqs4j.vmc.io.AtomicFiles;
import org.nqs4j.vmc.io.Json;
import org.nqs4j.vmc.io.NpyWriter;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;

/**
 * The output folder of one run: {@code config.resolved.yaml}, {@code log.jsonl} (one JSON object
 * per iteration, flushed as written, so an interrupted run keeps its log), {@code summary.json}
 * and {@code parameters.npy}. Whole files are replaced atomically.
 */
public final class RunFolder implements AutoCloseable {
    public static final String CONFIG = "config.resolved.yaml";
    public static final String LOG = "log.jsonl";
    public static final String SUMMARY = "summary.json";
    public static final String PARAMETERS = "parameters.npy";

    private final Path path;
    private BufferedWriter log;

    private RunFolder(Path path) {
        this.path = path;
    }

    /**
     * Opens {@code dir} for a new run. An existing non-empty folder is refused unless
     * {@code force}, in which case its content is deleted first.
     */
    public static RunFolder create(Path dir, boolean force) throws IOException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IOException(dir + " exists and is not a folder");
        }
        if (Files.isDirectory(dir) && !isEmpty(dir)) {
            if (!force) {
                throw new FolderExistsException(dir);
            }
            deleteContents(dir);
        }
        Files.createDirectories(dir);
        if (!Files.isWritable(dir)) {
            throw new IOException("the run folder " + dir + " is not writable");
        }
        return new RunFolder(dir);
    }

    /** {@code base}, or {@code base-2}, {@code base-3}, … : the first that does not exist yet. */
    public static Path firstFree(Path base) {
        Path p = base;
        for (int k = 2; Files.exists(p); k++) {
            p = base.resolveSibling(base.getFileName() + "-" + k);
        }
        return p;
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            return !s.iterator().hasNext();
        }
    }

    private static void deleteContents(Path dir) throws IOException {
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                if (!d.equals(dir)) {
                    Files.delete(d);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    public Path path() {
        return path;
    }

    public void writeResolvedConfig(Map<String, Object> resolved, String header) throws IOException {
        DumpSettings settings = DumpSettings.builder().setDefaultFlowStyle(FlowStyle.BLOCK).setWidth(120).build();
        String yaml = new Dump(settings).dumpToString(resolved);
        AtomicFiles.write(path.resolve(CONFIG), header + yaml);
    }

    /** Appends one line to log.jsonl and flushes it to the operating system. */
    public void appendLog(Map<String, Object> record) {
        try {
            if (log == null) {
                log = Files.newBufferedWriter(path.resolve(LOG), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            }
            log.write(Json.write(record));
            log.write('\n');
            log.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path.resolve(LOG) + ": " + e.getMessage(), e);
        }
    }

    public void writeSummary(Map<String, Object> summary) throws IOException {
        AtomicFiles.write(path.resolve(SUMMARY), Json.write(summary) + "\n");
    }

    public void writeParameters(double[] parameters, boolean complex) throws IOException {
        NpyWriter.write(path.resolve(PARAMETERS), parameters, complex);
    }

    @Override
    public void close() throws IOException {
        if (log != null) {
            log.close();
        }
    }

    /** The folder already holds a run. */
    public static final class FolderExistsException extends IOException {
        private static final long serialVersionUID = 1L;

        FolderExistsException(Path dir) {
            super("the run folder " + dir + " already exists and is not empty; choose another with --out DIR,"
                    + " or pass --force to replace it");
        }
    }
}
