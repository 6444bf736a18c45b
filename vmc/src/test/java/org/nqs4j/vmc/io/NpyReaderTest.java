package org.nqs4j.vmc.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpyReaderTest {
    @TempDir
    Path tmp;

    @Test
    void readsWhatTheWriterWrites() throws IOException {
        double[] real = {1.5, -2.25, 0.0, Double.MIN_VALUE, -1e300};
        NpyWriter.write(tmp.resolve("r.npy"), real, false);
        NpyReader.Vector r = NpyReader.read(tmp.resolve("r.npy"));
        assertArrayEquals(real, r.data(), 0.0);
        assertEquals(5, r.length());
        double[] complex = {1, 2, 3, 4, -5, 6};
        NpyWriter.write(tmp.resolve("c.npy"), complex, true);
        NpyReader.Vector c = NpyReader.read(tmp.resolve("c.npy"));
        assertTrue(c.complex());
        assertEquals(3, c.length());
        assertArrayEquals(complex, c.data(), 0.0);
    }

    /** A file as numpy.save writes it (version 1.0, float64, shape (2,)), byte for byte. */
    @Test
    void readsNumpysOwnHeader() throws IOException {
        String dict = "{'descr': '<f8', 'fortran_order': False, 'shape': (2,), }";
        String header = dict + " ".repeat(128 - 10 - dict.length() - 1) + "\n";
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(10 + header.length() + 16)
                .order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0)
                .putShort((short) header.length()).put(header.getBytes(StandardCharsets.US_ASCII))
                .putDouble(0.25).putDouble(-7.0);
        Files.write(tmp.resolve("np.npy"), b.array());
        assertArrayEquals(new double[] {0.25, -7.0}, NpyReader.read(tmp.resolve("np.npy")).data(), 0.0);
    }

    @Test
    void refusesWhatItCannotRead() throws IOException {
        Files.writeString(tmp.resolve("text.npy"), "not numpy at all");
        assertMessage(tmp.resolve("text.npy"), "not a NumPy .npy file");
        NpyWriter.write(tmp.resolve("ok.npy"), new double[] {1, 2, 3}, false);
        byte[] whole = Files.readAllBytes(tmp.resolve("ok.npy"));
        Files.write(tmp.resolve("short.npy"), java.util.Arrays.copyOf(whole, whole.length - 8));
        assertMessage(tmp.resolve("short.npy"), "should hold 3 values");
        String f4 = new String(whole, StandardCharsets.ISO_8859_1).replace("<f8", "<f4");
        Files.write(tmp.resolve("f4.npy"), f4.getBytes(StandardCharsets.ISO_8859_1));
        assertMessage(tmp.resolve("f4.npy"), "dtype '<f4'");
        String matrix = new String(whole, StandardCharsets.ISO_8859_1).replace("(3,)", "(3,1)");
        Files.write(tmp.resolve("m.npy"), matrix.getBytes(StandardCharsets.ISO_8859_1));
        assertMessage(tmp.resolve("m.npy"), "one-dimensional");
    }

    private static void assertMessage(Path file, String fragment) {
        IOException e = assertThrows(IOException.class, () -> NpyReader.read(file));
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }
}
