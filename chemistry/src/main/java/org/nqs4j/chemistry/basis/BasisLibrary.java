package org.nqs4j.chemistry.basis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.nqs4j.chemistry.ChemistryInputException;
import org.nqs4j.chemistry.Element;

/**
 * The basis sets shipped as resources in Gaussian94 format (the Basis Set Exchange's
 * "gaussian94" export): STO-3G (Hehre, Stewart &amp; Pople, J. Chem. Phys. 51, 2657 (1969)) and
 * 6-31G (Hehre, Ditchfield &amp; Pople, J. Chem. Phys. 56, 2257 (1972); Li-B from Dill &amp; Pople,
 * J. Chem. Phys. 62, 2921 (1975)), H-Ne. An SP block is split into an s and a p shell with the
 * same exponents.
 */
public final class BasisLibrary {
    /** One contracted shell as published. */
    public record ShellData(int l, double[] exponents, double[] coefficients) {
    }

    private final String name;
    private final Map<Element, List<ShellData>> shells;

    private BasisLibrary(String name, Map<Element, List<ShellData>> shells) {
        this.name = name;
        this.shells = shells;
    }

    /** The names {@link #named(String)} accepts. */
    public static final List<String> NAMES = List.of("sto-3g", "6-31g");

    /** "sto-3g" or "6-31g" (any case). */
    public static BasisLibrary named(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        if (!NAMES.contains(key)) {
            throw new ChemistryInputException("unknown basis '" + name + "'; choose one of " + String.join(", ", NAMES));
        }
        String resource = key + ".g94";
        try (InputStream in = BasisLibrary.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("basis resource " + resource + " missing from the jar");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            return new BasisLibrary(key, parse(resource, r.lines().toList()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String name() {
        return name;
    }

    public List<ShellData> shells(Element e) {
        List<ShellData> s = shells.get(e);
        if (s == null) {
            throw new ChemistryInputException("basis " + name + " has no functions for " + e);
        }
        return s;
    }

    /** Parses Gaussian94 blocks: "El 0", then "S|P|SP n 1.00" and n lines of numbers, "****" between elements. */
    static Map<Element, List<ShellData>> parse(String file, List<String> lines) {
        Map<Element, List<ShellData>> out = new EnumMap<>(Element.class);
        List<ShellData> current = null;
        int i = 0;
        while (i < lines.size()) {
            String t = lines.get(i).trim();
            i++;
            if (t.isEmpty() || t.startsWith("!")) {
                continue;
            }
            if (t.equals("****")) {
                current = null;
                continue;
            }
            String[] f = t.split("\\s+");
            if (current == null) {
                final int line = i;
                Element e = Element.ofSymbol(f[0]).orElseThrow(() -> ChemistryInputException.at(file, line, "unknown element " + f[0]));
                current = new ArrayList<>();
                out.put(e, current);
                continue;
            }
            int n = Integer.parseInt(f[1]);
            String kind = f[0].toUpperCase(Locale.ROOT);
            double[] exps = new double[n];
            double[] cs = new double[n];
            double[] cp = new double[n];
            for (int k = 0; k < n; k++, i++) {
                String[] g = lines.get(i).trim().replace('D', 'E').replace('d', 'e').split("\\s+");
                exps[k] = Double.parseDouble(g[0]);
                cs[k] = Double.parseDouble(g[1]);
                if (kind.equals("SP")) {
                    cp[k] = Double.parseDouble(g[2]);
                }
            }
            switch (kind) {
                case "S" -> current.add(new ShellData(0, exps, cs));
                case "P" -> current.add(new ShellData(1, exps, cs));
                case "SP" -> {
                    current.add(new ShellData(0, exps, cs));
                    current.add(new ShellData(1, exps.clone(), cp));
                }
                default -> throw ChemistryInputException.at(file, i - n, "shell type " + kind + " is not supported (S, P, SP)");
            }
        }
        return out;
    }
}
