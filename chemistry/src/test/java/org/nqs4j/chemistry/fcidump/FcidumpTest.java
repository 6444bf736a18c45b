package org.nqs4j.chemistry.fcidump;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nqs4j.chemistry.ChemistryInputException;
import org.nqs4j.chemistry.Molecules;
import org.nqs4j.chemistry.fci.Davidson;
import org.nqs4j.chemistry.fci.FciHamiltonian;
import org.nqs4j.chemistry.fci.FciTestSupport;

class FcidumpTest {
    @TempDir
    Path dir;

    /**
     * H2/STO-3G at 1.4 bohr in the MO basis, from Szabo &amp; Ostlund section 3.5.2 and eq. 4.18:
     * J11 = 0.6746, J12 = 0.6636, J22 = 0.6975, K12 = 0.1813, e1 = -0.5782, e2 = 0.6703, so
     * h11 = e1 - J11 = -1.2528, h22 = e2 - 2 J12 + K12 = -0.4756; their FCI energy is -1.1373.
     * Written the way Molpro does it: header over lines, '/' terminator, no ORBSYM, D exponents, commas.
     */
    @Test
    void readsMolproStyleFileWithSzaboOstlundIntegrals() {
        List<String> text = List.of(
                " &FCI NORB=2,",
                "  NELEC=2, MS2=0,",
                "  ISYM=1,",
                " /",
                "  0.6746D+00, 1, 1, 1, 1",
                "  0.6636D0  2  2  1  1",
                "  0.1813D+00  2  1  2  1",
                "  0.6975D+00  2  2  2  2",
                " -1.2528D+00  1  1  0  0",
                " -0.4756D+00  2  2  0  0",
                "  0.5782D+00  1  0  0  0",
                "  0.7142857142857D+00  0  0  0  0");
        Fcidump f = FcidumpReader.parse("h2.fcidump", text);
        assertEquals(2, f.orbitals());
        assertArrayEquals(new int[] {1, 1}, f.orbitalSymmetry());
        assertEquals(0.1813, f.twoBody().get(1, 0, 0, 1), 0);
        assertEquals(0.6636, f.twoBody().get(0, 0, 1, 1), 0);
        Davidson.Result r = Davidson.lowest(new FciHamiltonian(f), Davidson.Options.DEFAULT);
        assertEquals(-1.1373, r.energy(), 1e-4);
    }

    /** Psi4's fcidump() layout: one header key per line, UHF=.FALSE., ORBSYM and a '&END' line. */
    @Test
    void readsPsi4StyleHeader() {
        Fcidump f = FcidumpReader.parse("psi4.fcidump", List.of("&FCI", "NORB=2,", "NELEC=2,", "MS2=0,", "UHF=.FALSE.,",
                "ORBSYM=1,2,", "ISYM=1,", "&END", "   6.7460000000000000E-01    1    1    1    1",
                "   6.6360000000000000E-01    2    2    1    1", "   1.8130000000000000E-01    2    1    2    1",
                "   6.9750000000000000E-01    2    2    2    2", "  -1.2528000000000000E+00    1    1    0    0",
                "  -4.7560000000000000E-01    2    2    0    0", "   7.1428571428571430E-01    0    0    0    0"));
        assertArrayEquals(new int[] {1, 2}, f.orbitalSymmetry());
        assertEquals(1, f.symmetry());
        assertEquals(-1.1373, Davidson.lowest(new FciHamiltonian(f), Davidson.Options.DEFAULT).energy(), 1e-4);
    }

    @Test
    void writeThenReadKeepsTheFciEnergy() throws IOException {
        Fcidump f = FciTestSupport.rhfIntegrals(Molecules.waterCrawford(), "sto-3g");
        Path file = dir.resolve("h2o.fcidump");
        FcidumpWriter.write(f, file);
        Fcidump g = FcidumpReader.read(file);
        assertEquals(f.orbitals(), g.orbitals());
        assertEquals(f.core(), g.core(), 0);
        for (int i = 0; i < f.oneBody().length; i++) {
            assertEquals(f.oneBody()[i], g.oneBody()[i], 1e-15 + 1e-15 * Math.abs(f.oneBody()[i]));
        }
        double e1 = Davidson.lowest(new FciHamiltonian(f), Davidson.Options.DEFAULT).energy();
        double e2 = Davidson.lowest(new FciHamiltonian(g), Davidson.Options.DEFAULT).energy();
        assertEquals(e1, e2, 1e-12);
        assertTrue(Files.readAllLines(file).get(0).contains("&FCI NORB=7,NELEC=10,MS2=0,"));
        assertTrue(Files.list(dir).noneMatch(p -> p.toString().endsWith(".tmp")));
    }

    private static String error(String... lines) {
        return assertThrows(ChemistryInputException.class, () -> FcidumpReader.parse("x.fcidump", List.of(lines))).getMessage();
    }

    @Test
    void refusesDamagedFilesWithFileAndLine() {
        assertTrue(error("hello").startsWith("x.fcidump:1: expected the FCIDUMP header"));
        assertTrue(error(" &FCI NORB=2,NELEC=2,MS2=0,", "  1.0 1 1 1 1").contains("no end"));
        assertTrue(error(" &FCI NELEC=2,MS2=0, &END", "  1.0 1 1 1 1").contains("NORB is missing"));
        assertTrue(error(" &FCI NORB=2,NELEC=2,MS2=0,ORBSYM=1, &END", "  1.0 1 1 1 1").contains("ORBSYM has 1 entries"));
        assertTrue(error(" &FCI NORB=2,NELEC=5,MS2=1, &END", "  1.0 1 1 1 1").contains("impossible"));
        assertTrue(error(" &FCI NORB=2,NELEC=2,MS2=0, &END", "  1.0 1 1 1 1", "  0.5 3 1 1 1").startsWith("x.fcidump:3: index 3 is outside"));
        assertTrue(error(" &FCI NORB=2,NELEC=2,MS2=0, &END", "  1.0x 1 1 1 1").startsWith("x.fcidump:2: the integral '1.0x'"));
        assertTrue(error(" &FCI NORB=2,NELEC=2,MS2=0, &END", "  1.0 1 1 1").startsWith("x.fcidump:2: expected 'value i j k l'"));
        assertTrue(error(" &FCI NORB=2,NELEC=2,MS2=0, &END", "  1.0 2 1 1 1", "  0.9 1 1 1 2").startsWith("x.fcidump:3: (11|12) was given before"));
        assertTrue(error(" &FCI NORB=2,NELEC=2,MS2=0, &END").contains("not followed by any integrals"));
        assertTrue(error(" &FCI NORB=2,NELEC=2,MS2=0,UHF=.TRUE., &END", " 1.0 1 1 1 1").contains("UHF"));
        assertTrue(error(" &FCI NORB=2,NELEC=2,MS2=0, &END", "  NaN 1 1 1 1").contains("not finite"));
    }
}
