package org.nqs4j.vmc.run;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32;
import org.nqs4j.samplers.SamplerState;
import org.nqs4j.vmc.driver.DriverState;
import org.nqs4j.vmc.io.AtomicFiles;

/**
 * The state of a run at an iteration boundary, in one binary file written atomically:
 *
 * <pre>
 * "NQS4JCKP"  8 bytes magic
 * int         format version ({@value #VERSION})
 * int         payload length in bytes
 * long        CRC32 of the payload
 * payload     int iterations done, double wall seconds so far, int+bytes SHA-256 of config.resolved.yaml,
 *             double[] parameters, double[] optimiser state, double[] preconditioner state,
 *             int rejected steps in a row, double shift factor,
 *             int chains, then per chain int[] configuration and byte[] random-stream state
 * </pre>
 * Arrays are an int length followed by the elements, all big-endian (DataOutputStream). A file
 * whose magic, version, length or checksum does not match is refused with
 * {@link CorruptCheckpointException}.
 *
 * @param iterations  optimisation steps completed (the next step is this 0-based index)
 * @param wallSeconds wall time of the run up to this point (resumed runs continue the clock)
 * @param configHash  SHA-256 of the run's config.resolved.yaml, so an edited config is noticed
 */
public record Checkpoint(int iterations, double wallSeconds, byte[] configHash, DriverState state) {
    public static final String FILE = "checkpoint.bin";
    static final byte[] MAGIC = "NQS4JCKP".getBytes(StandardCharsets.US_ASCII);
    static final int VERSION = 1;
    static final int HEADER = MAGIC.length + 4 + 4 + 8;

    /** Writes the checkpoint atomically (temporary file, fsync, rename): the old one survives a failure. */
    public void write(Path file) throws IOException {
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(payload);
        out.writeInt(iterations);
        out.writeDouble(wallSeconds);
        writeBytes(out, configHash);
        writeDoubles(out, state.parameters());
        writeDoubles(out, state.optimizer());
        writeDoubles(out, state.preconditioner());
        out.writeInt(state.consecutiveFailures());
        out.writeDouble(state.shiftScale());
        SamplerState s = state.sampler();
        out.writeInt(s.configurations().length);
        for (int c = 0; c < s.configurations().length; c++) {
            int[] conf = s.configurations()[c];
            out.writeInt(conf.length);
            for (int v : conf) {
                out.writeInt(v);
            }
            writeBytes(out, s.randomStates()[c]);
        }
        out.flush();
        byte[] body = payload.toByteArray();
        CRC32 crc = new CRC32();
        crc.update(body);
        ByteBuffer file0 = ByteBuffer.allocate(HEADER + body.length);
        file0.put(MAGIC).putInt(VERSION).putInt(body.length).putLong(crc.getValue()).put(body);
        try {
            AtomicFiles.write(file, file0.array());
        } catch (IOException e) {
            throw new IOException("cannot write the checkpoint " + file + " (" + e.getMessage()
                    + "); the previous checkpoint, if any, is intact", e);
        }
    }

    /** Reads and verifies a checkpoint file. */
    public static Checkpoint read(Path file) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(file.toString(), null, "no checkpoint");
        }
        if (bytes.length < HEADER || !Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new CorruptCheckpointException(file, "it is not an nqs4j checkpoint (wrong header or too short, "
                    + bytes.length + " bytes)");
        }
        ByteBuffer head = ByteBuffer.wrap(bytes, MAGIC.length, HEADER - MAGIC.length);
        int version = head.getInt();
        if (version != VERSION) {
            throw new CorruptCheckpointException(file, "format version " + version + ", this nqs4j reads version "
                    + VERSION);
        }
        int length = head.getInt();
        long expectedCrc = head.getLong();
        if (length != bytes.length - HEADER) {
            throw new CorruptCheckpointException(file, "truncated or extended: the header announces " + length
                    + " bytes of content, the file holds " + (bytes.length - HEADER));
        }
        CRC32 crc = new CRC32();
        crc.update(bytes, HEADER, length);
        if (crc.getValue() != expectedCrc) {
            throw new CorruptCheckpointException(file, "the CRC32 checksum does not match its content");
        }
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, HEADER, length));
        try {
            int iterations = in.readInt();
            double wall = in.readDouble();
            byte[] hash = readBytes(in, length);
            double[] parameters = readDoubles(in, length);
            double[] optimizer = readDoubles(in, length);
            double[] preconditioner = readDoubles(in, length);
            int failures = in.readInt();
            double shiftScale = in.readDouble();
            int chains = checkedLength(in.readInt(), length);
            int[][] conf = new int[chains][];
            byte[][] rng = new byte[chains][];
            for (int c = 0; c < chains; c++) {
                conf[c] = new int[checkedLength(in.readInt(), length / 4)];
                for (int i = 0; i < conf[c].length; i++) {
                    conf[c][i] = in.readInt();
                }
                rng[c] = readBytes(in, length);
            }
            if (in.available() != 0 || iterations < 0) {
                throw new CorruptCheckpointException(file, "its content does not have the expected layout");
            }
            return new Checkpoint(iterations, wall, hash,
                    new DriverState(parameters, optimizer, preconditioner, new SamplerState(conf, rng), failures,
                            shiftScale));
        } catch (EOFException | NegativeArraySizeException e) {
            throw new CorruptCheckpointException(file, "its content does not have the expected layout");
        }
    }

    private static int checkedLength(int n, int max) throws EOFException {
        if (n < 0 || n > max) {
            throw new EOFException();
        }
        return n;
    }

    private static void writeDoubles(DataOutputStream out, double[] a) throws IOException {
        out.writeInt(a.length);
        for (double v : a) {
            out.writeDouble(v);
        }
    }

    private static double[] readDoubles(DataInputStream in, int max) throws IOException {
        double[] a = new double[checkedLength(in.readInt(), max / 8)];
        for (int i = 0; i < a.length; i++) {
            a[i] = in.readDouble();
        }
        return a;
    }

    private static void writeBytes(DataOutputStream out, byte[] a) throws IOException {
        out.writeInt(a.length);
        out.write(a);
    }

    private static byte[] readBytes(DataInputStream in, int max) throws IOException {
        byte[] a = new byte[checkedLength(in.readInt(), max)];
        in.readFully(a);
        return a;
    }

    /** A checkpoint file that is damaged, truncated or of another format. */
    public static final class CorruptCheckpointException extends IOException {
        private static final long serialVersionUID = 1L;

        CorruptCheckpointException(Path file, String problem) {
            super("the checkpoint " + file + " is damaged and was not used: " + problem + ". Restore it from a"
                    + " backup, or start the run again with nqs run CONFIG --force.");
        }
    }
}
