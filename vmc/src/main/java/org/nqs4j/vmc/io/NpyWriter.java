package org.nqs4j.vmc.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Writes a vector as a NumPy .npy file (format version 1.0), so that parameters load with
 * {@code numpy.load}: float64 for real data, complex128 for interleaved (re, im) pairs.
 */
public final class NpyWriter {
    private NpyWriter() {
    }

    public static void write(Path file, double[] data, boolean complex) throws IOException {
        if (complex && data.length % 2 != 0) {
            throw new IllegalArgumentException("interleaved complex data needs an even length");
        }
        int n = complex ? data.length / 2 : data.length;
        String dict = "{'descr': '" + (complex ? "<c16" : "<f8") + "', 'fortran_order': False, 'shape': (" + n + ",), }";
        int unpadded = 10 + dict.length() + 1;
        int pad = (64 - unpadded % 64) % 64;
        String header = dict + " ".repeat(pad) + "\n";
        ByteBuffer buf = ByteBuffer.allocate(10 + header.length() + 8 * data.length).order(ByteOrder.LITTLE_ENDIAN);
        buf.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0);
        buf.putShort((short) header.length());
        buf.put(header.getBytes(StandardCharsets.US_ASCII));
        for (double d : data) {
            buf.putDouble(d);
        }
        AtomicFiles.write(file, buf.array());
    }
}
