package org.nqs4j.vmc.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.nqs4j.hamiltonians.Lattice;
import org.nqs4j.hamiltonians.fock.FockOperator;
import org.nqs4j.hamiltonians.fock.OccupationOperators;
import org.nqs4j.hamiltonians.hilbert.BosonHilbert;

/**
 * The config sections of a VMC run of bosons ({@code hilbert.type: bosons}): the ansatz (a one-hot
 * RBM or a density-density Jastrow), the move (particle hops) and the density observables. Keys
 * that only mean something for spins are refused with a message that says so.
 */
final class BosonSections {
    private BosonSections() {
    }

    /** Keys of the spin ansätze that have no boson meaning, with the reason given when one is set. */
    private static final List<String> SPIN_ANSATZ_KEYS = List.of("symmetry", "projection", "pretrain",
            "pretrain_iterations", "layers", "grow");

    /**
     * {@code type: rbm} (one-hot RBM, M = α·L hidden units) or {@code jastrow}; {@code complex}
     * defaults to false: the Bose-Hubbard ground state with J &gt; 0 is positive (the hopping
     * matrix elements −J are ≤ 0, Perron–Frobenius).
     */
    static AnsatzSpec ansatz(Section s, Optional<java.nio.file.Path> initFrom) {
        for (String key : SPIN_ANSATZ_KEYS) {
            if (s.given(key)) {
                throw s.invalid(key, "applies to spin ansätze only; a boson ansatz (one-hot RBM or Jastrow) has no"
                        + " " + key + ". Remove the key.");
            }
        }
        String type = s.choice("type", "rbm", "rbm", "jastrow");
        boolean complex = s.bool("complex", false);
        if (complex && type.equals("jastrow")) {
            throw s.invalid("complex", "the boson Jastrow is real (a positive amplitude); use complex: false, or type:"
                    + " rbm for complex amplitudes.");
        }
        int alpha = type.equals("rbm") ? s.integer("alpha", 1, 1, 1024) : 0;
        double scale = s.real("init_scale", 0.01, 0, 10);
        s.finish();
        return new AnsatzSpec(type, complex, alpha, List.of(), "none", new ProjectionSpec.None(), scale, initFrom, 0,
                AnsatzSpec.Kernel.FULL,
                java.util.Optional.empty());
    }

    /** The only move of bosons: {@code hop}, one particle to a neighbouring site. */
    static String move(Section s) {
        String move = s.string("move", "hop");
        if (!move.equals("hop")) {
            throw s.invalid("move", "bosons move by hop (one particle to a neighbouring site, keeping N); '" + move
                    + "' is a spin move.");
        }
        return move;
    }

    /** Hops run on the colour-0 bonds: a site without one would hold its bosons forever. */
    static void requireHops(Section hilbert, Lattice lattice) {
        int[] degree = new int[lattice.nSites()];
        for (org.nqs4j.hamiltonians.Edge e : lattice.edges(0)) {
            degree[e.i()]++;
            degree[e.j()]++;
        }
        for (int i = 0; i < degree.length; i++) {
            if (degree[i] == 0) {
                throw hilbert.invalid("type", "bosons hop along the nearest-neighbour (colour-0) bonds, and site " + i
                        + " of the " + lattice.name() + " has none: its bosons could never move. Give every site a"
                        + " colour-0 bond.");
            }
        }
    }

    /**
     * {@code densities} (⟨n_i⟩ for every site, family "densities"), {@code density_correlations}
     * (D(r) = mean_i ⟨n_i n_{i+r}⟩ for every displacement r, family "density_correlations", Bravais
     * lattices) or {@code density_correlation} with {@code sites: [i, j]} (⟨n_i n_j⟩).
     */
    static List<ObservableSpec> observables(Section s, Lattice lattice, BosonHilbert hilbert) {
        String type = s.choice("type", null, "densities", "density_correlations", "density_correlation");
        int n = lattice.nSites();
        int nMax = hilbert.nMax();
        List<ObservableSpec> out = new ArrayList<>();
        try {
            switch (type) {
                case "densities" -> {
                    for (int i = 0; i < n; i++) {
                        out.add(new ObservableSpec("n(" + i + ")", type, OccupationOperators.density(n, nMax, i),
                                "densities", List.of(i)));
                    }
                }
                case "density_correlations" -> {
                    int[] ext = lattice.extents();
                    if (ext.length == 0) {
                        throw s.invalid("type", "density_correlations needs a lattice with coordinates; on a custom"
                                + " graph list pairs with type: density_correlation.");
                    }
                    int ly = ext.length > 1 ? ext[1] : 1;
                    for (int y = 0; y < ly; y++) {
                        for (int x = 0; x < ext[0]; x++) {
                            FockOperator op = OccupationOperators.densityCorrelation(lattice, nMax, x, y);
                            out.add(new ObservableSpec("D(" + (ext.length == 1 ? x : x + "," + y) + ")", type, op,
                                    "density_correlations", ext.length == 1 ? List.of(x) : List.of(x, y)));
                        }
                    }
                }
                default -> {
                    int[] sites = s.integers("sites", 0, n - 1);
                    if (sites.length != 2) {
                        throw s.invalid("sites", "a density correlation needs two sites [i, j].");
                    }
                    String name = s.string("name", "nn_" + sites[0] + "_" + sites[1]);
                    out.add(ObservableSpec.single(name, type,
                            OccupationOperators.densityCorrelation(n, nMax, sites[0], sites[1])));
                }
            }
        } catch (IllegalArgumentException e) {
            throw new ConfigException(s.where() + ": observable '" + s.path() + "': " + e.getMessage() + ".");
        }
        s.finish();
        return out;
    }
}
