package org.nqs4j.validation.check;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the one-dimensional NumPy vectors that runs write as {@code parameters.npy}
 * (format 1.0, little-endian float64 {@code <f8} or complex128 {@code <c16}, C order).
 */
final class NpyVector {
    private static final Pattern DESCR = Pattern.compile("'descr':\\s*'(<f8|<c16)'");
    private static final Pattern SHAPE = Pattern.compile("'shape':\\s*\\((\\d+),\\)");

    private NpyVector() {
    }

    /** The values, complex entries interleaved as (re, im). */
    static double[] read(Path file) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        if (buf.remaining() < 10 || (buf.get() & 0xff) != 0x93 || buf.get() != 'N' || buf.get() != 'U'
                || buf.get() != 'M' || buf.get() != 'P' || buf.get() != 'Y' || buf.get() != 1) {
            throw new IOException(file + " is not a NumPy format-1 .npy file");
        }
        buf.get(); // minor version
        int headerLength = buf.getShort() & 0xffff;
        byte[] header = new byte[headerLength];
        buf.get(header);
        String dict = new String(header, StandardCharsets.US_ASCII);
        Matcher descr = DESCR.matcher(dict);
        Matcher shape = SHAPE.matcher(dict);
        if (!descr.find() || !shape.find() || dict.contains("'fortran_order': True")) {
            throw new IOException(file + " does not hold a float64/complex128 vector: " + dict.trim());
        }
        long n = Long.parseLong(shape.group(1)) * (descr.group(1).equals("<c16") ? 2 : 1);
        if (n != buf.remaining() / 8 || buf.remaining() % 8 != 0) {
            throw new IOException(file + " holds " + buf.remaining() + " data bytes, its header announces " + n
                    + " doubles");
        }
        double[] v = new double[(int) n];
        buf.asDoubleBuffer().get(v);
        return v;
    }
}
