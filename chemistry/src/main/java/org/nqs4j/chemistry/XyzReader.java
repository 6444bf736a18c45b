package org.nqs4j.chemistry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the XYZ format: line 1 the atom count, line 2 a comment, then one line
 * {@code Symbol x y z} per atom with coordinates in angstrom (converted to bohr with
 * {@link Molecule#BOHR_IN_ANGSTROM}). Blank lines after the atoms are allowed; anything else is
 * refused with file:line.
 */
public final class XyzReader {
    private XyzReader() {
    }

    public static Molecule read(Path file, int charge, int multiplicity) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return parse(file.toString(), lines, charge, multiplicity);
    }

    public static Molecule parse(String name, List<String> lines, int charge, int multiplicity) {
        if (lines.isEmpty() || lines.get(0).isBlank()) {
            throw ChemistryInputException.at(name, 1, "expected the number of atoms on the first line");
        }
        int count;
        try {
            count = Integer.parseInt(lines.get(0).trim());
        } catch (NumberFormatException e) {
            throw ChemistryInputException.at(name, 1, "expected the number of atoms, got '" + lines.get(0).trim() + "'");
        }
        if (count < 1) {
            throw ChemistryInputException.at(name, 1, "the number of atoms must be >= 1, got " + count);
        }
        if (lines.size() < count + 2) {
            throw ChemistryInputException.at(name, lines.size(), "the file ends after " + Math.max(0, lines.size() - 2)
                    + " atom lines; line 1 announces " + count);
        }
        List<Atom> atoms = new ArrayList<>();
        for (int i = 2; i < count + 2; i++) {
            atoms.add(atom(name, i + 1, lines.get(i)));
        }
        for (int i = count + 2; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                throw ChemistryInputException.at(name, i + 1, "unexpected text after the " + count
                        + " atoms announced on line 1: '" + lines.get(i).trim() + "'");
            }
        }
        try {
            return new Molecule(atoms, charge, multiplicity);
        } catch (ChemistryInputException e) {
            throw new ChemistryInputException(name + ": " + e.getMessage());
        }
    }

    private static Atom atom(String name, int line, String text) {
        String[] f = text.trim().split("\\s+");
        if (f.length != 4) {
            throw ChemistryInputException.at(name, line, "expected 'Symbol x y z' (angstrom), got '" + text.trim() + "'");
        }
        Element e = Element.ofSymbol(f[0]).orElseThrow(() -> ChemistryInputException.at(name, line,
                "unknown or unsupported element '" + f[0] + "'; the basis sets cover H, He, Li, Be, B, C, N, O, F, Ne"));
        double[] r = new double[3];
        for (int k = 0; k < 3; k++) {
            try {
                r[k] = Double.parseDouble(f[k + 1]) / Molecule.BOHR_IN_ANGSTROM;
            } catch (NumberFormatException ex) {
                throw ChemistryInputException.at(name, line, "coordinate " + "xyz".charAt(k) + " is not a number: '" + f[k + 1] + "'");
            }
            if (!Double.isFinite(r[k])) {
                throw ChemistryInputException.at(name, line, "coordinate " + "xyz".charAt(k) + " is not finite");
            }
        }
        return new Atom(e, r[0], r[1], r[2]);
    }
}
