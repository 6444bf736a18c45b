package org.nqs4j.vmc.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a one-dimensional NumPy .npy vector of little-endian float64 or complex128 (format
 * versions 1.0 to 3.0), the files {@link NpyWriter} and {@code numpy.save} write. Anything else
 * (other dtypes, Fortran order, more dimensions, a short file) is refused with a message that
 * says what was found.
 */
public final class NpyReader {
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    /** The values: interleaved (re, im) pairs when {@code complex}. */
    public record Vector(double[] data, boolean complex) {
        /** Number of (real or complex) entries. */
        public int length() {
            return complex ? data.length / 2 : data.length;
        }
    }

    private NpyReader() {
    }

    public static Vector read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 10 || (bytes[0] & 0xff) != 0x93
                || !new String(bytes, 1, 5, StandardCharsets.US_ASCII).equals("NUMPY")) {
            throw new IOException(file + " is not a NumPy .npy file (no \\x93NUMPY magic)");
        }
        int major = bytes[6];
        int headerLength;
        int start;
        if (major == 1) {
            headerLength = Short.toUnsignedInt(buf.getShort(8));
            start = 10;
        } else if (major == 2 || major == 3) {
            if (bytes.length < 12) {
                throw new IOException(file + " is truncated in its .npy header");
            }
            headerLength = buf.getInt(8);
            start = 12;
        } else {
            throw new IOException(file + " has .npy format version " + major + "; versions 1 to 3 are read");
        }
        if (headerLength < 0 || start + headerLength > bytes.length) {
            throw new IOException(file + " is truncated in its .npy header");
        }
        String header = new String(bytes, start, headerLength, StandardCharsets.ISO_8859_1);
        String descr = group(DESCR, header, file, "descr");
        boolean complex;
        if (descr.equals("<f8")) {
            complex = false;
        } else if (descr.equals("<c16")) {
            complex = true;
        } else {
            throw new IOException(file + " holds dtype '" + descr + "'; float64 ('<f8') or complex128 ('<c16') is read");
        }
        if (group(FORTRAN, header, file, "fortran_order").equals("True")) {
            throw new IOException(file + " is in Fortran order; a C-ordered vector is read");
        }
        String[] dims = group(SHAPE, header, file, "shape").replace(" ", "").split(",");
        if (dims.length != 1 || dims[0].isEmpty()) {
            throw new IOException(file + " has shape (" + String.join(",", dims) + "); a one-dimensional vector is read");
        }
        long n = Long.parseLong(dims[0]);
        long doubles = complex ? 2 * n : n;
        int dataStart = start + headerLength;
        if (doubles > Integer.MAX_VALUE || dataStart + 8 * doubles != bytes.length) {
            throw new IOException(file + " should hold " + n + " values after its header but has "
                    + (bytes.length - dataStart) + " bytes of data");
        }
        double[] data = new double[(int) doubles];
        buf.position(dataStart);
        for (int k = 0; k < data.length; k++) {
            data[k] = buf.getDouble();
        }
        return new Vector(data, complex);
    }

    private static String group(Pattern p, String header, Path file, String key) throws IOException {
        Matcher m = p.matcher(header);
        if (!m.find()) {
            throw new IOException(file + " has no '" + key + "' in its .npy header");
        }
        return m.group(1);
    }
}
