package org.nqs4j.chemistry.fcidump;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.nqs4j.chemistry.ChemistryInputException;
import org.nqs4j.chemistry.integrals.PackedEri;

/**
 * Reads the Knowles-Handy FCIDUMP format (P.J. Knowles and N.C. Handy, Comput. Phys. Commun. 54,
 * 75 (1989)) as PySCF, Molpro and Psi4 write it: a Fortran namelist header
 * {@code &FCI NORB=n, NELEC=N, MS2=m, ORBSYM=..., ISYM=i, &END} (any case, over one or several
 * lines, ended by {@code &END}, {@code $END} or {@code /}), then lines {@code value i j k l}:
 * i,j,k,l &gt; 0 is (ij|kl) in chemists' notation, k = l = 0 is h_ij, all zero is the core energy,
 * and i &gt; 0, j = k = l = 0 (orbital energies, written by some programs) is skipped. Values may
 * use Fortran D exponents; commas count as blanks. Header keys other than NORB, NELEC, MS2,
 * ORBSYM, ISYM and UHF/IUHF (which must be false) are ignored. Integrals not listed are zero; a line given
 * twice with different values, an index out of 1..NORB, a non-number or a missing header key is
 * refused with file:line.
 */
public final class FcidumpReader {
    private FcidumpReader() {
    }

    public static Fcidump read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return parse(file.toString(), lines);
    }

    public static Fcidump parse(String name, List<String> lines) {
        // header: collect namelist text up to the terminator
        StringBuilder header = new StringBuilder();
        int body = -1;
        boolean started = false;
        for (int i = 0; i < lines.size(); i++) {
            String t = lines.get(i).trim();
            String u = t.toUpperCase(Locale.ROOT);
            if (!started) {
                if (t.isEmpty()) {
                    continue;
                }
                if (!u.startsWith("&FCI") && !u.startsWith("$FCI")) {
                    throw ChemistryInputException.at(name, i + 1, "expected the FCIDUMP header '&FCI NORB=..., NELEC=..., MS2=... &END', got '"
                            + abbreviate(t) + "'");
                }
                started = true;
                u = u.substring(4);
            }
            int end = terminator(u);
            if (end >= 0) {
                header.append(' ').append(u, 0, end);
                body = i + 1;
                break;
            }
            header.append(' ').append(u);
        }
        if (!started) {
            throw ChemistryInputException.at(name, 1, "the file is empty; expected an FCIDUMP header '&FCI ...'");
        }
        if (body < 0) {
            throw ChemistryInputException.at(name, lines.size(), "the header has no end ('&END', '$END' or '/')");
        }
        Map<String, List<String>> keys = namelist(name, header.toString());
        int norb = integer(name, keys, "NORB", true, 0);
        int nelec = integer(name, keys, "NELEC", true, 0);
        int ms2 = integer(name, keys, "MS2", false, 0);
        int isym = integer(name, keys, "ISYM", false, 1);
        String where = name + " (header)";
        if (norb < 1 || norb > 62) {
            throw new ChemistryInputException(where + ": NORB must be 1..62, got " + norb);
        }
        if (nelec < 0 || nelec > 2 * norb || Math.abs(ms2) > nelec || (nelec + ms2) % 2 != 0 || (nelec + Math.abs(ms2)) / 2 > norb) {
            throw new ChemistryInputException(where + ": NELEC=" + nelec + ", MS2=" + ms2 + " is impossible with NORB=" + norb
                    + " (need 0 <= (NELEC -+ MS2)/2 <= NORB, NELEC + MS2 even)");
        }
        if (keys.containsKey("UHF") && isTrue(keys.get("UHF").get(0)) || keys.containsKey("IUHF") && !keys.get("IUHF").get(0).equals("0")) {
            throw new ChemistryInputException(where + ": unrestricted (UHF) FCIDUMPs with separate alpha and beta integrals are not supported");
        }
        int[] orbsym = new int[norb];
        Arrays.fill(orbsym, 1);
        if (keys.containsKey("ORBSYM")) {
            List<String> v = keys.get("ORBSYM");
            if (v.size() != norb) {
                throw new ChemistryInputException(where + ": ORBSYM has " + v.size() + " entries, NORB is " + norb);
            }
            for (int p = 0; p < norb; p++) {
                orbsym[p] = parseInt(where, "ORBSYM", v.get(p));
            }
        }
        double[] h = new double[norb * norb];
        boolean[] hSeen = new boolean[norb * norb];
        PackedEri eri = new PackedEri(norb);
        boolean[] eriSeen = new boolean[eri.uniqueCount()];
        double core = 0;
        boolean coreSeen = false;
        int integrals = 0;
        for (int i = body; i < lines.size(); i++) {
            String t = lines.get(i).replace(',', ' ').trim();
            if (t.isEmpty()) {
                continue;
            }
            String[] f = t.split("\\s+");
            if (f.length != 5) {
                throw ChemistryInputException.at(name, i + 1, "expected 'value i j k l', got '" + abbreviate(t) + "'");
            }
            double v;
            try {
                v = Double.parseDouble(f[0].replace('D', 'E').replace('d', 'e'));
            } catch (NumberFormatException e) {
                throw ChemistryInputException.at(name, i + 1, "the integral '" + f[0] + "' is not a number");
            }
            if (!Double.isFinite(v)) {
                throw ChemistryInputException.at(name, i + 1, "the integral is not finite: " + f[0]);
            }
            int[] idx = new int[4];
            for (int k = 0; k < 4; k++) {
                try {
                    idx[k] = Integer.parseInt(f[k + 1]);
                } catch (NumberFormatException e) {
                    throw ChemistryInputException.at(name, i + 1, "index '" + f[k + 1] + "' is not an integer");
                }
                if (idx[k] < 0 || idx[k] > norb) {
                    throw ChemistryInputException.at(name, i + 1, "index " + idx[k] + " is outside 0.." + norb + " (NORB)");
                }
            }
            int p = idx[0] - 1, q = idx[1] - 1, r = idx[2] - 1, s = idx[3] - 1;
            integrals++;
            if (idx[0] > 0 && idx[1] > 0 && idx[2] > 0 && idx[3] > 0) {
                int at = PackedEri.index(p, q, r, s);
                if (eriSeen[at] && Math.abs(eri.get(p, q, r, s) - v) > 1e-10 * Math.max(1, Math.abs(v))) {
                    throw ChemistryInputException.at(name, i + 1, "(" + idx[0] + idx[1] + "|" + idx[2] + idx[3]
                            + ") was given before with the value " + eri.get(p, q, r, s));
                }
                eriSeen[at] = true;
                eri.set(p, q, r, s, v);
            } else if (idx[0] > 0 && idx[1] > 0 && idx[2] == 0 && idx[3] == 0) {
                if (hSeen[p * norb + q] && Math.abs(h[p * norb + q] - v) > 1e-10 * Math.max(1, Math.abs(v))) {
                    throw ChemistryInputException.at(name, i + 1, "h(" + idx[0] + "," + idx[1] + ") was given before with the value "
                            + h[p * norb + q]);
                }
                h[p * norb + q] = v;
                h[q * norb + p] = v;
                hSeen[p * norb + q] = true;
                hSeen[q * norb + p] = true;
            } else if (idx[0] == 0 && idx[1] == 0 && idx[2] == 0 && idx[3] == 0) {
                if (coreSeen && core != v) {
                    throw ChemistryInputException.at(name, i + 1, "a second core energy " + v + " (the first was " + core + ")");
                }
                core = v;
                coreSeen = true;
            } else if (!(idx[0] > 0 && idx[1] == 0 && idx[2] == 0 && idx[3] == 0)) {
                throw ChemistryInputException.at(name, i + 1, "index pattern " + idx[0] + " " + idx[1] + " " + idx[2] + " " + idx[3]
                        + " is none of (ij|kl): i j k l > 0, h_ij: i j 0 0, core: 0 0 0 0, orbital energy: i 0 0 0");
            }
        }
        if (integrals == 0) {
            throw ChemistryInputException.at(name, lines.size(), "the header is not followed by any integrals (truncated file?)");
        }
        return new Fcidump(norb, nelec, ms2, orbsym, isym, core, h, eri);
    }

    private static boolean isTrue(String v) {
        return v.startsWith(".T") || v.startsWith("T") || v.equals("1");
    }

    /** Index of the header terminator in an upper-case line, or -1. */
    private static int terminator(String u) {
        int amp = Math.max(u.indexOf("&END"), u.indexOf("$END"));
        if (amp >= 0) {
            return amp;
        }
        int slash = u.indexOf('/');
        return slash;
    }

    /** KEY=v1,v2,... pairs of a namelist body. */
    private static Map<String, List<String>> namelist(String name, String text) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        String[] tokens = text.replace("=", " = ").replace(',', ' ').trim().split("\\s+");
        String key = null;
        for (int i = 0; i < tokens.length; i++) {
            String t = tokens[i];
            if (t.isEmpty()) {
                continue;
            }
            if (i + 1 < tokens.length && tokens[i + 1].equals("=")) {
                key = t;
                if (out.containsKey(key)) {
                    throw new ChemistryInputException(name + " (header): " + key + " is given twice");
                }
                out.put(key, new ArrayList<>());
                i++;
            } else if (key == null) {
                throw new ChemistryInputException(name + " (header): expected KEY=value, got '" + t + "'");
            } else {
                out.get(key).add(t);
            }
        }
        return out;
    }

    private static int integer(String name, Map<String, List<String>> keys, String key, boolean required, int fallback) {
        List<String> v = keys.get(key);
        if (v == null) {
            if (required) {
                throw new ChemistryInputException(name + " (header): " + key + " is missing");
            }
            return fallback;
        }
        if (v.size() != 1) {
            throw new ChemistryInputException(name + " (header): " + key + " needs one value, got " + v.size());
        }
        return parseInt(name + " (header)", key, v.get(0));
    }

    private static int parseInt(String where, String key, String v) {
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new ChemistryInputException(where + ": " + key + " must be an integer, got '" + v + "'");
        }
    }

    private static String abbreviate(String t) {
        return t.length() > 60 ? t.substring(0, 57) + "..." : t;
    }
}
