package org.nqs4j.vmc.run;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Optional;
import org.nqs4j.vmc.io.AtomicFiles;
import org.nqs4j.vmc.io.Json;
import org.nqs4j.vmc.io.NpyWriter;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;

/**
 * The output folder of one run: {@code config.resolved.yaml}, {@code log.jsonl} (one JSON object
 * per iteration, flushed as written, so an interrupted run keeps its log), {@code checkpoint.bin},
 * {@code summary.json} and {@code parameters.npy}. Whole files are replaced atomically; the log is
 * fsynced before each checkpoint, so it always holds at least the checkpoint's iterations.
 */
public final class RunFolder implements AutoCloseable {
    public static final String CONFIG = "config.resolved.yaml";
    public static final String LOG = "log.jsonl";
    public static final String SUMMARY = "summary.json";
    public static final String PARAMETERS = "parameters.npy";

    private static final String HEADER_PREFIX = "# nqs4j resolved config of ";

    private final Path path;
    private final OutputFolder folder;
    private FileOutputStream logFile;
    private BufferedWriter log;

    private RunFolder(OutputFolder folder) {
        this.path = folder.path();
        this.folder = folder;
    }

    /**
     * Opens {@code dir} for a new run, locked and marked (see {@link OutputFolder}). An existing
     * non-empty folder is refused unless {@code force} and it is an nqs4j folder, whose content is
     * then deleted first.
     */
    public static RunFolder create(Path dir, boolean force) throws IOException {
        return new RunFolder(OutputFolder.create(dir, force, OutputFolder.Kind.RUN));
    }

    /** Opens the folder of an existing run (to resume it), locked. */
    public static RunFolder open(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new OutputFolder.FolderRefusedException("there is no run folder " + dir + (Files.exists(dir)
                    ? ": it is a file" : ": it does not exist") + "; give the folder a run wrote (see nqs inspect).");
        }
        if (!Files.isRegularFile(dir.resolve(CONFIG))) {
            throw new OutputFolder.FolderRefusedException(dir + " is not a run folder: it has no " + CONFIG
                    + "; give the folder a run wrote (runs/NAME, or its --out DIR).");
        }
        if (!Files.isWritable(dir)) {
            throw new IOException("the run folder " + dir + " is not writable; check its permissions.");
        }
        return new RunFolder(OutputFolder.open(dir));
    }

    /**
     * The folder a command writes to: {@code --out DIR} as given; otherwise {@code base}, which is
     * never overwritten without {@code --force}: the run moves on to {@code base-2}, {@code -3}, …
     */
    public static Path choose(String out, Path base, boolean force) {
        if (out != null) {
            return Path.of(out);
        }
        return force ? base : firstFree(base);
    }

    /** {@code base}, or {@code base-2}, {@code base-3}, … : the first that does not exist yet. */
    public static Path firstFree(Path base) {
        Path p = base;
        for (int k = 2; Files.exists(p); k++) {
            p = base.resolveSibling(base.getFileName() + "-" + k);
        }
        return p;
    }

    public Path path() {
        return path;
    }

    /**
     * Writes the config with every default filled in; its first line names the original file,
     * which {@link #originalSource()} reads back when the run is resumed.
     */
    public void writeResolvedConfig(Map<String, Object> resolved, Path source) throws IOException {
        DumpSettings settings = DumpSettings.builder().setDefaultFlowStyle(FlowStyle.BLOCK).setWidth(120).build();
        String yaml = new Dump(settings).dumpToString(resolved);
        AtomicFiles.write(path.resolve(CONFIG), HEADER_PREFIX + source + "\n"
                + "# (every default filled in; nqs resume reads this file, do not edit it)\n" + yaml);
    }

    /** The config file the run was started from, as named in the header of config.resolved.yaml. */
    public Path originalSource() throws IOException {
        try (BufferedReader r = Files.newBufferedReader(path.resolve(CONFIG), StandardCharsets.UTF_8)) {
            String first = r.readLine();
            return first != null && first.startsWith(HEADER_PREFIX) ? Path.of(first.substring(HEADER_PREFIX.length()))
                    : path.resolve(CONFIG);
        }
    }

    /** SHA-256 of config.resolved.yaml, recorded in checkpoints. */
    public byte[] configHash() throws IOException {
        try {
            return MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(path.resolve(CONFIG)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    /** Appends one line to log.jsonl and flushes it to the operating system. */
    public void appendLog(Map<String, Object> record) {
        try {
            if (log == null) {
                logFile = new FileOutputStream(path.resolve(LOG).toFile(), true);
                log = new BufferedWriter(new OutputStreamWriter(logFile, StandardCharsets.UTF_8));
            }
            log.write(Json.write(record));
            log.write('\n');
            log.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path.resolve(LOG) + ": " + e.getMessage(), e);
        }
    }

    /** Writes the log to the disk (fsync), so that it holds every line a checkpoint counts. */
    public void syncLog() throws IOException {
        if (log != null) {
            log.flush();
            logFile.getChannel().force(false);
        }
    }

    /**
     * Cuts log.jsonl back to its first {@code lines} lines (those of a checkpoint's iterations); lines
     * written after the checkpoint are regenerated identically by the resumed run.
     */
    public void truncateLog(int lines) throws IOException {
        if (log != null) {
            throw new IllegalStateException("truncate the log before appending to it");
        }
        Path file = path.resolve(LOG);
        if (!Files.exists(file)) {
            if (lines == 0) {
                return;
            }
            throw new IOException("the run folder " + path + " has a checkpoint after " + lines
                    + " iterations but no " + LOG + "; it cannot be resumed consistently");
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long offset = 0;
            int found = 0;
            ByteBuffer buf = ByteBuffer.allocate(1 << 16);
            long pos = 0;
            while (found < lines) {
                buf.clear();
                int n = ch.read(buf, pos);
                if (n < 0) {
                    break;
                }
                for (int k = 0; k < n && found < lines; k++) {
                    if (buf.get(k) == '\n') {
                        found++;
                        offset = pos + k + 1;
                    }
                }
                pos += n;
            }
            if (found < lines) {
                throw new IOException(LOG + " in " + path + " holds " + found + " complete lines, but the checkpoint"
                        + " is after " + lines + " iterations; the log was damaged, the run cannot be resumed"
                        + " consistently");
            }
            ch.truncate(offset);
            ch.force(false);
        }
    }

    /** The checkpoint of the folder, verified; empty when none was written yet. */
    public Optional<Checkpoint> readCheckpoint() throws IOException {
        Path file = path.resolve(Checkpoint.FILE);
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            throw new Checkpoint.CorruptCheckpointException(file, "it is not a file (a folder or a device)");
        }
        return Files.exists(file) ? Optional.of(Checkpoint.read(file)) : Optional.empty();
    }

    public void writeSummary(Map<String, Object> summary) throws IOException {
        AtomicFiles.write(path.resolve(SUMMARY), Json.write(summary) + "\n");
    }

    public void writeParameters(double[] parameters, boolean complex) throws IOException {
        NpyWriter.write(path.resolve(PARAMETERS), parameters, complex);
    }

    /**
     * Closes the log and releases the lock. A folder this run created and left without a log,
     * checkpoint or summary (a failure before the first iteration) is removed, so that it does not
     * push the next run of the same name to NAME-2.
     */
    @Override
    public void close() throws IOException {
        try {
            if (log != null) {
                log.close();
            }
        } finally {
            if (folder.created() && !Files.exists(path.resolve(LOG)) && !Files.exists(path.resolve(SUMMARY))
                    && !Files.exists(path.resolve(Checkpoint.FILE))) {
                folder.discard();
            } else {
                folder.close();
            }
        }
    }
}
