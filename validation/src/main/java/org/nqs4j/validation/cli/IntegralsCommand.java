package org.nqs4j.validation.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.nqs4j.chemistry.ChemistryInputException;
import org.nqs4j.chemistry.Molecule;
import org.nqs4j.chemistry.XyzReader;
import org.nqs4j.chemistry.basis.BasisLibrary;
import org.nqs4j.chemistry.basis.BasisSet;
import org.nqs4j.chemistry.fcidump.Fcidump;
import org.nqs4j.chemistry.fcidump.FcidumpWriter;
import org.nqs4j.chemistry.scf.HartreeFock;
import org.nqs4j.chemistry.scf.ScfReference;
import org.nqs4j.chemistry.scf.ScfResult;
import org.nqs4j.chemistry.scf.Stability;
import org.nqs4j.vmc.cli.Arguments;
import org.nqs4j.vmc.cli.Command;
import org.nqs4j.vmc.cli.UsageException;

/**
 * {@code nqs integrals XYZ --basis NAME --out FILE}: Gaussian integrals, Hartree-Fock (RHF, or
 * UHF with {@code --uhf} or an open shell), its stability, MP2, optionally full CI, and an
 * FCIDUMP of the Hamiltonian in the HF orbitals (RHF canonical orbitals; UHF alpha orbitals for
 * UHF) with core energy = nuclear repulsion. Exit 0 done, 1 SCF or FCI did not converge (an SCF
 * failure writes no FCIDUMP), 2 a bad file or option.
 */
public final class IntegralsCommand implements Command {
    @Override
    public String name() {
        return "integrals";
    }

    @Override
    public String usage() {
        return "integrals XYZ --basis sto-3g|6-31g --out FCIDUMP [--charge Q] [--multiplicity M] [--uhf] [--fci]\n"
                + "      Hartree-Fock, stability, MP2 (and full CI) of a molecule; writes its FCIDUMP";
    }

    @Override
    public int run(List<String> args) {
        Arguments a = Arguments.parse(args, Set.of("--uhf", "--fci"), Set.of("--basis", "--out", "--charge", "--multiplicity"));
        if (a.positionals().size() != 1) {
            throw new UsageException("expected exactly one XYZ file, got " + a.positionals().size() + ".");
        }
        Path xyz = Path.of(a.positionals().get(0));
        if (!Files.isRegularFile(xyz)) {
            throw new UsageException("the XYZ file " + xyz + " does not exist.");
        }
        if (a.option("--basis") == null) {
            throw new UsageException("--basis is required: " + String.join(" or ", BasisLibrary.NAMES) + ".");
        }
        if (a.option("--out") == null) {
            throw new UsageException("--out FILE (the FCIDUMP to write) is required.");
        }
        Path out = Path.of(a.option("--out"));
        if (out.getParent() != null && !Files.isDirectory(out.getParent())) {
            throw new UsageException("the folder of --out, " + out.getParent() + ", does not exist.");
        }
        int charge = integer("--charge", a.option("--charge"), 0);
        int multiplicity = integer("--multiplicity", a.option("--multiplicity"), 1);
        Molecule m;
        BasisLibrary library;
        try {
            library = BasisLibrary.named(a.option("--basis"));
            m = XyzReader.read(xyz, charge, multiplicity);
        } catch (ChemistryInputException e) {
            System.err.println("nqs integrals: " + e.getMessage());
            return 2;
        }
        boolean unrestricted = a.flag("--uhf") || m.multiplicity() != 1;
        BasisSet basis = BasisSet.build(m, library);
        var o = System.out;
        o.printf(Locale.ROOT, "%s: %d atoms, charge %d, multiplicity %d, %d electrons (%d alpha, %d beta), %s, %d basis functions%n",
                xyz, m.atoms().size(), m.charge(), m.multiplicity(), m.electrons(), m.alphaElectrons(), m.betaElectrons(),
                library.name(), basis.size());
        if (Math.max(m.alphaElectrons(), m.betaElectrons()) > basis.size()) {
            System.err.println("nqs integrals: " + Math.max(m.alphaElectrons(), m.betaElectrons())
                    + " electrons of one spin do not fit in " + basis.size() + " basis functions");
            return 2;
        }
        long t0 = System.nanoTime();
        ScfReference ref;
        try {
            ref = ScfReference.compute(m, library, a.flag("--uhf"));
        } catch (ChemistryInputException e) {
            System.err.println("nqs integrals: " + xyz + ": " + e.getMessage());
            return 2;
        }
        HartreeFock hf = ref.hf();
        ScfResult r = ref.scf();
        o.printf(Locale.ROOT, "  E_nuc        %.10f%n", m.nuclearRepulsion());
        String kind = unrestricted ? "UHF" : "RHF";
        if (!r.converged()) {
            o.printf(Locale.ROOT, "  E_HF (%s)   %.10f   NOT CONVERGED after %d iterations (orbital gradient %.1e); no FCIDUMP written%n",
                    kind, r.energy(), r.iterations(), r.gradient());
            return 1;
        }
        o.printf(Locale.ROOT, "  E_HF (%s)   %.10f   (%d iterations%s, orbital gradient %.1e%s)%n", kind, r.energy(), r.iterations(),
                r.stabilityRotations() > 0 ? " after " + r.stabilityRotations() + " restart(s) along an unstable direction" : "",
                r.gradient(), unrestricted ? String.format(Locale.ROOT, ", <S^2> = %.6f, exact %.6f", r.spinSquared(),
                        0.5 * (m.multiplicity() - 1) * (0.5 * (m.multiplicity() - 1) + 1)) : "");
        o.printf("  stability    %s%n", Stability.of(r, hf.unpackedEri()).verdict());
        double mp2 = ref.mp2();
        o.printf(Locale.ROOT, "  E_MP2        %.10f   (correlation %.10f, %s)%n", r.energy() + mp2, mp2, unrestricted ? "UMP2" : "RMP2");
        Fcidump f = ref.fcidump();
        FcidumpWriter.write(f, out);
        o.printf(Locale.ROOT, "  FCIDUMP      %s (%d orbitals: %s, core energy = E_nuc; %.1f s so far)%n", out, f.orbitals(),
                unrestricted ? "UHF alpha orbitals" : "RHF canonical orbitals", (System.nanoTime() - t0) * 1e-9);
        if (a.flag("--fci")) {
            return FciCommand.solve(f, o) ? 0 : 1;
        }
        return 0;
    }

    private static int integer(String key, String text, int fallback) {
        if (text == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new UsageException(key + " must be an integer, got '" + text + "'.");
        }
    }
}
