package org.nqs4j.validation.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nqs4j.validation.cli.CommandCapture.capture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nqs4j.vmc.cli.UsageException;

class IntegralsCommandTest {
    @TempDir
    Path dir;

    /**
     * H2 at 1.4 bohr (0.74083 angstrom) in STO-3G: Szabo &amp; Ostlund's E_HF = -1.1167 and
     * E_FCI = -1.1373; then `nqs fci` on the written FCIDUMP gives the same FCI energy.
     */
    @Test
    void h2FromXyzToFcidumpAndBack() throws Exception {
        Path xyz = dir.resolve("h2.xyz");
        Files.writeString(xyz, "2\nH2 at 1.4 bohr\nH 0 0 0\nH 0 0 " + 1.4 * 0.52917721092 + "\n");
        Path dump = dir.resolve("h2.fcidump");
        Object[] r = capture(() -> new IntegralsCommand().run(List.of(xyz.toString(), "--basis", "sto-3g", "--out", dump.toString(), "--fci")));
        String text = (String) r[1];
        assertEquals(0, r[0], text + r[2]);
        assertTrue(text.contains("E_HF (RHF)   -1.1167"), text);
        assertTrue(text.contains("E_FCI        -1.1372") || text.contains("E_FCI        -1.1373"), text);
        assertTrue(text.contains("stable"), text);
        String fci = (String) capture(() -> new FciCommand().run(List.of(dump.toString())))[1];
        String line = text.lines().filter(l -> l.contains("E_FCI")).findFirst().orElseThrow();
        assertTrue(fci.contains(line.trim()), fci);
        // the triplet sector of the same FCIDUMP: one electron of each spin in the other orbital, E = h11 + h22 + (11|22) - (12|21)
        Object[] t = capture(() -> new FciCommand().run(List.of(dump.toString(), "--nup", "2", "--ndown", "0")));
        assertEquals(0, t[0]);
        assertTrue(((String) t[1]).contains("1 determinants"), (String) t[1]);
    }

    @Test
    void openShellsRunUhfAndReportSpin() throws Exception {
        Path xyz = dir.resolve("h.xyz");
        Files.writeString(xyz, "1\nhydrogen atom\nH 0 0 0\n");
        Object[] r = capture(() -> new IntegralsCommand().run(List.of(xyz.toString(), "--basis", "sto-3g", "--multiplicity", "2",
                "--out", dir.resolve("h.fcidump").toString())));
        String text = (String) r[1];
        assertEquals(0, r[0], text + r[2]);
        // the STO-3G hydrogen atom: E = -0.466581849 (NIST CCCBDB, HF/STO-3G)
        assertTrue(text.contains("E_HF (UHF)   -0.46658"), text);
        assertTrue(text.contains("<S^2> = 0.750000"), text);
    }

    @Test
    void badInputExitsTwoWithFileAndLine() throws Exception {
        Path xyz = dir.resolve("bad.xyz");
        Files.writeString(xyz, "2\n\nH 0 0 0\nXe 0 0 1\n");
        Object[] r = capture(() -> new IntegralsCommand().run(List.of(xyz.toString(), "--basis", "sto-3g", "--out", dir.resolve("o").toString())));
        assertEquals(2, r[0]);
        assertTrue(((String) r[2]).contains(xyz + ":4: unknown or unsupported element 'Xe'"), (String) r[2]);
        assertTrue(Files.notExists(dir.resolve("o")));
        Object[] m = capture(() -> new IntegralsCommand().run(List.of(xyz.toString(), "--basis", "sto-3g", "--out", "o", "--multiplicity", "2")));
        assertEquals(2, m[0]);
        Path dump = dir.resolve("bad.fcidump");
        Files.writeString(dump, " &FCI NORB=2,NELEC=2,MS2=0, &END\n 0.5 1 1 1 1\n 0.3 1 1 9 1\n");
        Object[] f = capture(() -> new FciCommand().run(List.of(dump.toString())));
        assertEquals(2, f[0]);
        assertTrue(((String) f[2]).contains(dump + ":3: index 9 is outside 0..2"), (String) f[2]);
        assertThrows(UsageException.class, () -> new IntegralsCommand().run(List.of(xyz.toString(), "--out", "x")));
        assertThrows(UsageException.class, () -> new FciCommand().run(List.of(dump.toString(), "--nup", "1")));
    }

    @Test
    void unknownBasisIsAUsageError() throws IOException, Exception {
        Path xyz = dir.resolve("h2.xyz");
        Files.writeString(xyz, "2\n\nH 0 0 0\nH 0 0 0.74\n");
        Object[] r = capture(() -> new IntegralsCommand().run(List.of(xyz.toString(), "--basis", "cc-pvdz", "--out", "x")));
        assertEquals(2, r[0]);
        assertTrue(((String) r[2]).contains("unknown basis 'cc-pvdz'; choose one of sto-3g, 6-31g"), (String) r[2]);
    }
}
