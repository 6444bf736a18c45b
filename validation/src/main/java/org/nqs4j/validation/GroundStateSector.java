package org.nqs4j.validation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.nqs4j.hamiltonians.Lattice;
import org.nqs4j.hamiltonians.Pauli;
import org.nqs4j.hamiltonians.PauliString;
import org.nqs4j.hamiltonians.PauliSumOperator;
import org.nqs4j.hamiltonians.SpinHilbert;
import org.nqs4j.hamiltonians.SpinModels;
import org.nqs4j.validation.SymmetrySectorWeights.Sector;
import org.nqs4j.vmc.config.RunConfig;

/**
 * The symmetry sector of an exact spin-½ ground state ψ₀, as {@code nqs exact} reports it: the
 * sectors of {@link SymmetrySectorWeights} (momentum × irrep of the little group × spin-flip
 * parity) that hold a weight ‖P_s ψ₀‖² above {@link #LISTED}, and whether one one-dimensional
 * sector holds ψ₀ alone, the sector {@code ansatz.projection: {group: space_group, momentum,
 * irrep, spin_flip}} must name.
 *
 * <p>Resolved are the symmetries of the Hamiltonian H only: the space group of a lattice with
 * coordinates when every term of H, its sites relabelled j → g(j), is a term of H with the same
 * coefficient for every element g; the spin flip F = Π_j X_j when the basis is closed under it
 * (the full space, or S_z = 0) and every term has an even number of Y and Z factors
 * (F Y F = −Y, F Z F = −Z). What is not resolved is said.
 *
 * <p>Basis. The characters of a projection act on ψ in the basis the configured operator is
 * written in. With {@code hamiltonian.marshall_sign: true} that operator is U H U†,
 * U = Π_{j∈B} Z_j, and ED's ψ₀ is the rotated state, so the sectors of ψ₀ itself are those a
 * projected ansatz of that config needs; those of U†ψ₀ (the basis as written, which a projected
 * ansatz keeps by default: {@code marshall_sign: false}) are reported beside them. They differ by
 * the sign rule: for an element g that swaps the sublattices, χ(g) is multiplied by
 * Π_i σ_i = (−1)^{N↓} (fixed magnetization), and the parity p by (−1)^{|B|}.
 *
 * <p>Degeneracy. A degenerate ground level has no sector of its own: ED returns one state of it,
 * which generically spreads over the sectors of the level, as does a state of an irrep of
 * dimension &gt; 1 (a ground level of momentum k ≠ −k is degenerate with −k). Only a state
 * with all its weight in one one-dimensional sector, of a level ED did not find degenerate, is
 * reported as a single sector.
 */
public final class GroundStateSector {
    /** Sectors with a weight above this are listed. */
    public static final double LISTED = 1e-6;
    /**
     * Images gσ per second of {@link SymmetrySectorWeights} (bit permutation, rank, two products;
     * two threads), for the cost estimate: measured 9.4e6 on the chain L = 24 (|G| = 48) and 9.9e6
     * on the 6×4 torus (|G| = 96) at D = 2 704 156 (14 s and 26 s; bound by the random reads
     * ψ(gσ)), 2.4e7 on the 4×4 torus at D = 12 870, on the shared 2-core machine at load 3.
     */
    static final double IMAGES_PER_SECOND = 1e7;
    /**
     * The overlaps may take this long even where the estimated ED is quicker; beyond it they may
     * take no longer than the ED ({@link ExactGroundState#estimatedEdSeconds}): the sector adds at
     * most the estimated cost of the diagonalisation itself. At the largest ED spaces (24 sites) |G|·D
     * images cost less than the D × connections of the ED: 48 vs 25 per state on the chain, 96 vs
     * 49 on the 6×4 torus, at 1e7 against 3e6 per second.
     */
    static final double MIN_SECONDS = 1;
    /** Sectors printed in a line before the rest is counted only. */
    private static final int PRINTED = 8;

    /**
     * The listed sectors of ψ in one basis, largest weight first.
     *
     * @param key   the report key: "sector", or "sector bare" for the basis as written beside a rotated H
     * @param basis the basis in the JSON: "as_written" or "marshall_rotated"
     * @param where the basis in the text, empty when H is not rotated
     */
    private record Frame(String key, String basis, String where, List<Sector> listed) {
    }

    private final List<Frame> frames;
    private final List<String> unresolved;
    private final boolean degenerate;
    private final String notComputed;

    private GroundStateSector(List<Frame> frames, List<String> unresolved, boolean degenerate, String notComputed) {
        this.frames = frames;
        this.unresolved = unresolved;
        this.degenerate = degenerate;
        this.notComputed = notComputed;
    }

    private static GroundStateSector notComputed(String reason) {
        return new GroundStateSector(List.of(), List.of(), false, reason);
    }

    /**
     * The sector of the exact ground state of {@code config} for {@code nqs exact}; empty for
     * fermion and boson spaces. Not computed (with the reason) when the method gave no state
     * vector, or when the overlaps would take longer than {@code secondsLeft} or longer than the
     * estimated ED ({@link #MIN_SECONDS} at least).
     */
    public static Optional<GroundStateSector> of(RunConfig config, ExactGroundState.Solution solution,
                                                 double secondsLeft) {
        if (!(config.hilbert() instanceof SpinHilbert) || !(config.hamiltonian().operator() instanceof PauliSumOperator h)) {
            return Optional.empty();
        }
        if (solution.state().isEmpty()) {
            return Optional.of(notComputed("not computed: " + solution.reference().method()
                    + " gives the energy, not the state (--method ed diagonalises where the space allows)"));
        }
        ExactGroundState.SpinGroundState s = solution.state().get();
        return Optional.of(of(config.lattice(), h, config.hamiltonian().marshallSign(), s.basis(), s.amplitudes(),
                s.degenerate(), secondsLeft));
    }

    /**
     * The sector of ψ, the ground state of {@code h} on {@code basis}.
     *
     * @param marshall    whether {@code h} is Marshall-rotated (then the basis as written is reported too)
     * @param degenerate  whether the ground level is known to be degenerate
     * @param secondsLeft the time the overlaps may take ({@code Double.POSITIVE_INFINITY}: no limit)
     */
    public static GroundStateSector of(Lattice lattice, PauliSumOperator h, boolean marshall, SpinBasis basis,
                                       double[] psi, boolean degenerate, double secondsLeft) {
        List<PauliSumOperator> operators = marshall ? List.of(h, SpinModels.marshallRotated(h, lattice)) : List.of(h);
        List<String> unresolved = new ArrayList<>();
        boolean spaceGroup = lattice.cell().isPresent()
                && operators.stream().allMatch(o -> commutes(o, lattice.spaceGroup().elements()));
        if (lattice.cell().isEmpty()) {
            unresolved.add("no space group: a custom lattice has no coordinates");
        } else if (!spaceGroup) {
            unresolved.add("no space group: the Hamiltonian does not commute with the space group of the " + lattice.name());
        }
        boolean flip = basis.closedUnderFlip() && commutesWithFlip(h);
        if (!basis.closedUnderFlip()) {
            unresolved.add("no spin-flip parity: σ → −σ leaves the sector S_z ≠ 0");
        } else if (!flip) {
            unresolved.add("no spin-flip parity: the Hamiltonian does not commute with σ → −σ");
        }
        if (!spaceGroup && !flip) {
            return notComputed("not computed: " + String.join("; ", unresolved));
        }
        long images = (long) SymmetrySectorWeights.groupOrder(lattice, spaceGroup) * basis.dimension();
        double seconds = images / IMAGES_PER_SECOND;
        double allowed = Math.min(secondsLeft, Math.max(MIN_SECONDS,
                ExactGroundState.estimatedEdSeconds(basis.dimension(), h.maxConnections())));
        if (seconds > allowed) {
            String limit = allowed < secondsLeft ? "the diagonalisation itself"
                    : String.format(Locale.ROOT, "the %.3g s left of --budget", Math.max(0, secondsLeft));
            return notComputed(String.format(Locale.ROOT, "not computed: the overlaps ⟨ψ|T_g|ψ⟩ (%d images) would take"
                    + " about %.3g s, more than %s", images, seconds, limit));
        }
        long[] masks = marshall ? new long[] {0, sublatticeMask(lattice)} : new long[] {0};
        List<List<Sector>> weights = SymmetrySectorWeights.of(lattice, spaceGroup, flip, basis, psi, masks);
        List<Frame> out = new ArrayList<>();
        for (int m = 0; m < weights.size(); m++) {
            List<Sector> listed = weights.get(m).stream().filter(s -> s.weight() > LISTED)
                    .sorted(Comparator.comparingDouble(Sector::weight).reversed()).toList();
            out.add(!marshall ? new Frame("sector", "as_written", "", listed) : m == 0
                    ? new Frame("sector", "marshall_rotated", " in the Marshall-rotated basis (as ansatz.projection with"
                            + " marshall_sign: true)", listed)
                    : new Frame("sector bare", "as_written", " in the basis as written (as ansatz.projection with"
                            + " marshall_sign: false)", listed));
        }
        return new GroundStateSector(List.copyOf(out), List.copyOf(unresolved), degenerate, null);
    }

    /** Bit j set for the sites of sublattice B = 1, those {@link SpinModels#marshallRotated} rotates. */
    private static long sublatticeMask(Lattice lattice) {
        int[] b = lattice.sublattice().orElseThrow();
        long mask = 0;
        for (int j = 0; j < b.length; j++) {
            mask |= (long) b[j] << j;
        }
        return mask;
    }

    /** Whether every term, its sites relabelled j → g(j), is a term of {@code h} with the same coefficient, for every g. */
    static boolean commutes(PauliSumOperator h, int[][] elements) {
        Map<String, Double> terms = new HashMap<>();
        double scale = 0;
        for (PauliString t : h.terms()) {
            terms.put(t.label(), t.coefficient());
            scale = Math.max(scale, Math.abs(t.coefficient()));
        }
        for (int[] g : elements) {
            for (PauliString t : h.terms()) {
                int[] sites = new int[t.weight()];
                StringBuilder operators = new StringBuilder();
                for (int k = 0; k < t.weight(); k++) {
                    sites[k] = g[t.site(k)];
                    operators.append(t.operator(k).name());
                }
                Double c = terms.get(PauliString.of(t.coefficient(), operators.toString(), sites).label());
                if (c == null || Math.abs(c - t.coefficient()) > 1e-12 * scale) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Whether every term has an even number of Y and Z factors, i.e. commutes with F = Π_j X_j. */
    static boolean commutesWithFlip(PauliSumOperator h) {
        return h.terms().stream().allMatch(t -> (t.count(Pauli.Y) + t.count(Pauli.Z)) % 2 == 0);
    }

    /** Whether the overlaps were computed; when not, {@link #lines()} says why. */
    public boolean computed() {
        return notComputed == null;
    }

    /** Whether one one-dimensional sector holds the whole state (in the configured basis) of a level not known to be degenerate. */
    public boolean single() {
        return notComputed == null && single(frames.get(0).listed());
    }

    private boolean single(List<Sector> listed) {
        return !degenerate && listed.size() == 1 && listed.get(0).dimension() == 1;
    }

    /**
     * For a Marshall-rotated H, the one sector of the state in the basis as written (the "sector
     * bare" line) when {@link #single(List) single} there; else empty.
     */
    public Optional<Sector> singleAsWritten() {
        return frames.size() < 2 || !single(frames.get(1).listed()) ? Optional.empty()
                : Optional.of(frames.get(1).listed().get(0));
    }

    /** The sectors holding weight above {@link #LISTED} in the configured basis, largest first; empty when not computed. */
    public List<Sector> listed() {
        return frames.isEmpty() ? List.of() : frames.get(0).listed();
    }

    /**
     * The label of a sector: "Γ" or "k=[n1, n2]" (periodic lattices), the irrep, ", spin flip +1"
     * (as {@code ansatz.projection} names them), e.g. "Γ B1, spin flip +1".
     */
    public static String label(Sector s) {
        List<String> parts = new ArrayList<>();
        if (s.momentum() != null) {
            parts.add(Arrays.stream(s.momentum()).allMatch(n -> n == 0) ? "Γ" : "k=" + Arrays.toString(s.momentum()));
        }
        if (s.irrep() != null) {
            parts.add(s.irrep());
        }
        String space = String.join(" ", parts);
        String flip = s.spinFlip() == 0 ? "" : "spin flip " + (s.spinFlip() > 0 ? "+1" : "-1");
        return space.isEmpty() ? flip : flip.isEmpty() ? space : space + ", " + flip;
    }

    /**
     * The report lines as (key, text): "sector" in the configured basis, "sector bare" beside it
     * for a Marshall-rotated H, "sector note" for the symmetries not resolved.
     */
    public List<String[]> lines() {
        if (notComputed != null) {
            return List.<String[]>of(new String[] {"sector", notComputed});
        }
        List<String[]> out = new ArrayList<>();
        for (Frame f : frames) {
            out.add(new String[] {f.key(), describe(f.listed(), f.where())});
        }
        if (!unresolved.isEmpty()) {
            out.add(new String[] {"sector note", String.join("; ", unresolved)});
        }
        return out;
    }

    private String describe(List<Sector> listed, String where) {
        if (single(listed)) {
            return String.format(Locale.ROOT, "%s (weight %.6f)%s", label(listed.get(0)), listed.get(0).weight(), where);
        }
        List<String> items = new ArrayList<>();
        for (Sector s : listed.subList(0, Math.min(PRINTED, listed.size()))) {
            items.add(String.format(Locale.ROOT, "%s (%.6f)", label(s), s.weight()));
        }
        if (listed.size() > PRINTED) {
            items.add((listed.size() - PRINTED) + " more");
        }
        return (degenerate ? "the ground level is degenerate (see note); the state ED returned lies in "
                : "no single one-dimensional sector (a degenerate ground level, or an irrep of dimension > 1): ")
                + String.join("; ", items) + where;
    }

    /**
     * The JSON fields: {@code sector} (configured basis) and, for a Marshall-rotated H,
     * {@code sector_bare}; each {@code {single: true, label, momentum, irrep, dimension, spin_flip, weight}}
     * or {@code {single: false, degenerate, sectors: [{label, momentum, irrep, dimension,
     * spin_flip, weight}, ...]}}, with {@code basis} ({@code as_written} or {@code marshall_rotated})
     * and {@code unresolved} (the symmetries not resolved, when there are), or {@code {note}} when
     * not computed.
     */
    public Map<String, Object> json() {
        Map<String, Object> out = new LinkedHashMap<>();
        if (notComputed != null) {
            out.put("sector", Map.of("note", notComputed));
            return out;
        }
        for (Frame f : frames) {
            Map<String, Object> m = new LinkedHashMap<>();
            boolean one = single(f.listed());
            m.put("single", one);
            if (one) {
                m.putAll(json(f.listed().get(0)));
            } else {
                m.put("degenerate", degenerate);
                m.put("sectors", f.listed().stream().map(GroundStateSector::json).toList());
            }
            m.put("basis", f.basis());
            if (!unresolved.isEmpty()) {
                m.put("unresolved", unresolved);
            }
            out.put(f.key().replace(' ', '_'), m);
        }
        return out;
    }

    private static Map<String, Object> json(Sector s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("label", label(s));
        m.put("momentum", s.momentum());
        m.put("irrep", s.irrep());
        m.put("dimension", s.dimension());
        m.put("spin_flip", s.spinFlip());
        m.put("weight", s.weight());
        return m;
    }
}
