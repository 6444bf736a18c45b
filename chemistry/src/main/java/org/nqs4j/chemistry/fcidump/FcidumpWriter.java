package org.nqs4j.chemistry.fcidump;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * Writes an FCIDUMP in the layout PySCF uses: the namelist header, then the unique (ij|kl) with
 * i &gt;= j, k &gt;= l, ij &gt;= kl, then h_ij with i &gt;= j, then the core energy; values with 17
 * significant digits, entries with |value| &lt; {@link #THRESHOLD} left out (they are read back as
 * zero). The file is written to a temporary name and moved into place, so a failed write never
 * leaves a truncated FCIDUMP.
 */
public final class FcidumpWriter {
    public static final double THRESHOLD = 1e-15;

    private FcidumpWriter() {
    }

    public static void write(Fcidump f, Path file) {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (BufferedWriter w = Files.newBufferedWriter(tmp)) {
            write(f, w);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        try {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move " + tmp + " to " + file + ": " + e.getMessage(), e);
        }
    }

    public static void write(Fcidump f, Writer w) throws IOException {
        int n = f.orbitals();
        w.write(String.format(Locale.ROOT, " &FCI NORB=%d,NELEC=%d,MS2=%d,%n  ORBSYM=", n, f.electrons(), f.twiceSpin()));
        for (int p = 0; p < n; p++) {
            w.write(f.orbitalSymmetry()[p] + ",");
        }
        w.write(String.format(Locale.ROOT, "%n  ISYM=%d,%n &END%n", f.symmetry()));
        for (int p = 0; p < n; p++) {
            for (int q = 0; q <= p; q++) {
                int pq = p * (p + 1) / 2 + q;
                for (int r = 0; r < n; r++) {
                    for (int s = 0; s <= r; s++) {
                        if (r * (r + 1) / 2 + s > pq) {
                            continue;
                        }
                        line(w, f.twoBody().get(p, q, r, s), p + 1, q + 1, r + 1, s + 1);
                    }
                }
            }
        }
        for (int p = 0; p < n; p++) {
            for (int q = 0; q <= p; q++) {
                line(w, f.h(p, q), p + 1, q + 1, 0, 0);
            }
        }
        w.write(String.format(Locale.ROOT, "%24.16E%4d%4d%4d%4d%n", f.core(), 0, 0, 0, 0));
    }

    private static void line(Writer w, double v, int i, int j, int k, int l) throws IOException {
        if (Math.abs(v) >= THRESHOLD) {
            w.write(String.format(Locale.ROOT, "%24.16E%4d%4d%4d%4d%n", v, i, j, k, l));
        }
    }
}
