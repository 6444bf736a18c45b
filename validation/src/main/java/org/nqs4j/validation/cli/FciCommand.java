package org.nqs4j.validation.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.nqs4j.chemistry.ChemistryInputException;
import org.nqs4j.chemistry.fci.Davidson;
import org.nqs4j.chemistry.fci.FciHamiltonian;
import org.nqs4j.chemistry.fcidump.Fcidump;
import org.nqs4j.chemistry.fcidump.FcidumpReader;
import org.nqs4j.vmc.cli.Arguments;
import org.nqs4j.vmc.cli.Command;
import org.nqs4j.vmc.cli.UsageException;

/**
 * {@code nqs fci FCIDUMP [--nup A --ndown B]}: the full-CI ground-state energy of the Hamiltonian
 * in an FCIDUMP (ours or another program's) in the sector (N_alpha, N_beta), by Davidson.
 * Exit 0 converged, 1 not converged or not enough memory, 2 a bad file or option.
 */
public final class FciCommand implements Command {
    @Override
    public String name() {
        return "fci";
    }

    @Override
    public String usage() {
        return "fci FCIDUMP [--nup A --ndown B]\n"
                + "      full-CI ground-state energy of an FCIDUMP (default sector from NELEC and MS2)";
    }

    @Override
    public int run(List<String> args) {
        Arguments a = Arguments.parse(args, Set.of(), Set.of("--nup", "--ndown"));
        if (a.positionals().size() != 1) {
            throw new UsageException("expected exactly one FCIDUMP file, got " + a.positionals().size() + ".");
        }
        Path file = Path.of(a.positionals().get(0));
        if (!Files.isRegularFile(file)) {
            throw new UsageException("the FCIDUMP file " + file + " does not exist.");
        }
        if ((a.option("--nup") == null) != (a.option("--ndown") == null)) {
            throw new UsageException("give both --nup and --ndown, or neither.");
        }
        Fcidump f;
        try {
            f = FcidumpReader.read(file);
        } catch (ChemistryInputException e) {
            System.err.println("nqs fci: " + e.getMessage());
            return 2;
        }
        if (a.option("--nup") != null) {
            int up = count("--nup", a.option("--nup"), f.orbitals());
            int down = count("--ndown", a.option("--ndown"), f.orbitals());
            f = new Fcidump(f.orbitals(), up + down, up - down, f.orbitalSymmetry(), f.symmetry(), f.core(), f.oneBody(), f.twoBody());
        }
        System.out.printf(Locale.ROOT, "%s: %d orbitals, %d alpha + %d beta electrons%n", file, f.orbitals(), f.alpha(), f.beta());
        if (java.util.Arrays.stream(f.orbitalSymmetry()).distinct().count() > 1 || f.symmetry() != 1) {
            System.out.println("  note         ORBSYM/ISYM are not imposed: this is the lowest state of the sector in any irrep");
        }
        return solve(f, System.out) ? 0 : 1;
    }

    private static int count(String key, String text, int orbitals) {
        try {
            int v = Integer.parseInt(text);
            if (v >= 0 && v <= orbitals) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(key + " must be an integer in 0.." + orbitals + " (NORB), got '" + text + "'.");
    }

    /**
     * Runs Davidson on f and prints E_FCI, dimension, iterations and time; false (with the reason
     * printed) if it did not converge or would not fit in the heap.
     */
    static boolean solve(Fcidump f, PrintStream out) {
        FciHamiltonian h = new FciHamiltonian(f);
        Davidson.Options o = Davidson.Options.DEFAULT;
        long need = Davidson.memoryBytes(h.dimension(), o) + h.memoryBytes();
        long have = Runtime.getRuntime().maxMemory();
        if (need > 0.9 * have) {
            out.printf(Locale.ROOT, "  E_FCI        not attempted: %d determinants need about %.0f MB, the JVM has %.0f MB"
                    + " (raise it with NQS_JAVA_OPTS=-Xmx...)%n", h.dimension(), need / 1e6, have / 1e6);
            return false;
        }
        Davidson.Result r = Davidson.lowest(h, o);
        out.printf(Locale.ROOT, "  E_FCI        %.10f%s%n", r.energy(), r.converged() ? "" : "   NOT CONVERGED");
        out.printf(Locale.ROOT, "               %d determinants, %d Davidson iterations, residual %.1e, %.1f s, about %.0f MB%n",
                h.dimension(), r.iterations(), r.residual(), r.seconds(), need / 1e6);
        return r.converged();
    }
}
