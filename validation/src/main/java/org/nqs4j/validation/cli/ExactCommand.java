package org.nqs4j.validation.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.nqs4j.validation.AnsatzSector;
import org.nqs4j.validation.ExactGroundState;
import org.nqs4j.validation.ExactGroundState.NoExactMethodException;
import org.nqs4j.validation.ExactGroundState.Solution;
import org.nqs4j.validation.GroundStateSector;
import org.nqs4j.vmc.cli.Arguments;
import org.nqs4j.vmc.cli.Command;
import org.nqs4j.vmc.cli.UsageException;
import org.nqs4j.vmc.config.RunConfig;
import org.nqs4j.vmc.config.RunConfigReader;
import org.nqs4j.vmc.io.Json;
import org.nqs4j.vmc.spi.ExactReference;

/**
 * {@code nqs exact CONFIG}: the exact ground state of a config's Hamiltonian alone (no VMC), as
 * text or, with {@code --json}, as one JSON object on stdout; for a spin-½ lattice model whose
 * ground state ED computed, also its symmetry sector ({@link GroundStateSector}), within what is
 * left of {@code --budget}, and, when the config's ansatz is confined to a sector, whether that is
 * the ground state's ({@link AnsatzSector}).
 */
public final class ExactCommand implements Command {
    /** Default seconds ED may take before the command gives up instead of starting it. */
    static final double DEFAULT_BUDGET_SECONDS = 300;
    /** Seconds between progress lines of a long diagonalisation. */
    static final double PROGRESS_SECONDS = 5;

    @Override
    public String name() {
        return "exact";
    }

    @Override
    public String usage() {
        return "exact CONFIG [--json] [--method auto|ed] [--budget SECONDS] [--set key=value ...]\n"
                + "      exact ground-state energy, observables (Bethe ansatz, free fermions or ED) and symmetry sector";
    }

    @Override
    public int run(List<String> args) {
        Arguments a = Arguments.parse(args, Set.of("--json"), Set.of("--set", "--method", "--budget"));
        Path file = a.configFile("");
        String method = a.option("--method") == null ? "auto" : a.option("--method");
        if (!method.equals("auto") && !method.equals("ed")) {
            throw new UsageException("--method must be auto or ed, got '" + method + "'.");
        }
        double budget = budget(a.option("--budget"));
        RunConfig config = RunConfigReader.readForExact(file, a.all("--set"));
        Solution s;
        try {
            LanczosProgressLine progress = new LanczosProgressLine(System.err, PROGRESS_SECONDS);
            s = method.equals("ed") ? ExactGroundState.solveByDiagonalisation(config, progress)
                    : ExactGroundState.solve(config, budget, progress);
        } catch (NoExactMethodException e) {
            System.err.println("nqs exact: " + e.getMessage());
            return 1;
        }
        Optional<ExactReference> analytic = method.equals("ed") ? ExactGroundState.analyticReference(config)
                : Optional.empty();
        s.state().filter(x -> x.basis().dimension() >= ExactGroundState.ANNOUNCED_BUILD_STATES).ifPresent(x ->
                System.err.println("nqs exact: symmetry sector of the ground state of "
                        + LanczosProgressLine.states(x.basis().dimension()) + " states"));
        Optional<GroundStateSector> sector = GroundStateSector.of(config, s, budget - s.seconds());
        if (a.flag("--json")) {
            System.out.println(Json.write(record(config, s, analytic, sector)));
        } else {
            report(System.out, config, s, analytic, sector);
        }
        return 0;
    }

    private static double budget(String text) {
        if (text == null) {
            return DEFAULT_BUDGET_SECONDS;
        }
        try {
            double b = Double.parseDouble(text);
            if (b > 0) {
                return b;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("--budget must be a positive number of seconds, got '" + text + "'.");
    }

    /**
     * The JSON object: energy, energy_per_site (lattices) or determinants, e_hf, e_mp2 (molecules),
     * method, dimension (when ED ran), observables, sector (spin-½ lattices, {@link GroundStateSector#json}),
     * ansatz_sector (an ansatz confined to a sector, {@link AnsatzSector#json}), seconds.
     */
    static Map<String, Object> record(RunConfig config, Solution s, Optional<ExactReference> analytic,
                                      Optional<GroundStateSector> sector) {
        ExactReference r = s.reference();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", config.name());
        m.put("hamiltonian", config.hamiltonian().operator().description());
        m.put("hilbert", config.hilbert().toString());
        m.put("energy", r.energy());
        if (config.hamiltonian().model().equals("molecule")) { // a molecule has orbitals, not sites
            m.put("determinants", config.hilbert().nStates());
            m.put("e_hf", config.hamiltonian().couplings().get("e_hf"));
            if (config.hamiltonian().couplings().containsKey("e_mp2")) {
                m.put("e_mp2", config.hamiltonian().couplings().get("e_mp2"));
            }
        } else {
            m.put("energy_per_site", r.energy() / config.lattice().nSites());
        }
        m.put("method", r.method());
        if (r.dimension() > 0) {
            m.put("dimension", r.dimension());
            m.put("memory_bytes", s.memoryBytes());
        }
        m.put("observables", r.observables());
        sector.ifPresent(x -> m.putAll(x.json()));
        sector.flatMap(x -> AnsatzSector.of(config, x)).ifPresent(x -> m.put("ansatz_sector", x.json()));
        m.put("seconds", s.seconds());
        analytic.ifPresent(x -> {
            m.put("analytic_energy", x.energy());
            m.put("analytic_method", x.method());
        });
        if (!s.note().isEmpty()) {
            m.put("note", s.note());
        }
        return m;
    }

    /** Energies of a molecule in hartree: E_FCI (the exact energy), E_HF, E_MP2 when defined, the correlation energy. */
    private static void moleculeLines(PrintStream out, RunConfig config, double exact) {
        Map<String, Double> c = config.hamiltonian().couplings();
        out.printf(Locale.ROOT, "  determinants %d%n", config.hilbert().nStates());
        out.printf(Locale.ROOT, "  E_FCI        %.10f Ha%n", exact);
        out.printf(Locale.ROOT, "  E_HF         %.10f Ha%n", c.get("e_hf"));
        if (c.containsKey("e_mp2")) {
            out.printf(Locale.ROOT, "  E_MP2        %.10f Ha%n", c.get("e_mp2"));
        } else {
            out.printf("  E_MP2        not defined (the FCIDUMP's orbitals are not canonical RHF orbitals of a closed shell)%n");
        }
        out.printf(Locale.ROOT, "  E_FCI - E_HF %.10f Ha (correlation energy)%n", exact - c.get("e_hf"));
    }

    static void report(PrintStream out, RunConfig config, Solution s, Optional<ExactReference> analytic,
                       Optional<GroundStateSector> sector) {
        ExactReference r = s.reference();
        int n = config.lattice().nSites();
        out.printf("%s: %s%n", config.name(), config.hamiltonian().operator().description());
        out.printf("  hilbert      %s%n", config.hilbert());
        out.printf(Locale.ROOT, "  method       %s%s%n", r.method(), r.dimension() > 0 ? ", ED dimension " + r.dimension() : "");
        if (config.hamiltonian().model().equals("molecule")) {
            moleculeLines(out, config, r.energy());
        } else {
            out.printf(Locale.ROOT, "  energy       %.12f   (per site %.12f)%n", r.energy(), r.energy() / n);
        }
        analytic.ifPresent(x -> out.printf(Locale.ROOT, "  %-12s %.12f   (ED - analytic = %.2e)%n", x.method(),
                x.energy(), r.energy() - x.energy()));
        int width = r.observables().keySet().stream().mapToInt(String::length).max().orElse(0);
        r.observables().forEach((k, v) -> out.printf(Locale.ROOT, "  <%s>%s %.12f%n", k, " ".repeat(width - k.length()), v));
        sector.ifPresent(x -> x.lines().forEach(line -> out.printf("  %-12s %s%n", line[0], line[1])));
        sector.flatMap(x -> AnsatzSector.of(config, x)).ifPresent(x -> out.printf("  %-12s %s%n", "ansatz", x.text()));
        out.printf(Locale.ROOT, "  time         %.2f s%n", s.seconds());
        if (r.dimension() > 0) {
            out.printf(Locale.ROOT, "  memory       %.1f MB (ED arrays: basis, sparse matrix, vectors)%n",
                    s.memoryBytes() / 1e6);
        }
        if (!s.note().isEmpty()) {
            out.printf("  note         %s%n", s.note());
        }
    }
}
