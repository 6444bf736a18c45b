package org.nqs4j.validation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.nqs4j.hamiltonians.Boundary;
import org.nqs4j.hamiltonians.Lattice;
import org.nqs4j.hamiltonians.SpinHilbert;
import org.nqs4j.hamiltonians.symmetry.SpaceGroup;
import org.nqs4j.validation.SymmetrySectorWeights.Sector;
import org.nqs4j.vmc.config.AnsatzSpec;
import org.nqs4j.vmc.config.ProjectionSpec;
import org.nqs4j.vmc.config.RunConfig;

/**
 * Whether the ansatz of a spin-½ config can reach the exact ground state ψ₀ at all, as far as
 * symmetry decides: an ansatz confined to a symmetry sector s is orthogonal to every other sector,
 * so when ψ₀ lies in another one the run can reach only the lowest state of s, above E₀ whatever
 * the optimiser does. The user is told so, since no setting but the sector fixes it.
 *
 * <p>The sector of the ansatz, in the labels of {@link GroundStateSector}:
 * <ul>
 * <li>{@code ansatz.symmetry: translations}: momentum 0 (Γ), the RBM being invariant under every
 * translation;</li>
 * <li>{@code ansatz.projection} (projected RBM, Jastrow, FFNN, and the G-CNN built on it): the
 * configured momentum (modulo L_a) and irrep for {@code group: space_group} (the trivial irrep of
 * the little group of k by default), the momentum alone for {@code translations}, the point-group
 * irrep alone for {@code point_group} (the words {@code point_group}, {@code point_group+spin_flip}
 * too), with momentum free unless the RBM is translation-symmetric; the parity {@code spin_flip}
 * when given; {@code automorphisms}: the trivial sector of a custom graph's automorphism group,
 * which the ground state's sectors do not resolve.</li>
 * </ul>
 * The pretraining stage of a full RBM is translation-symmetric, but the run ends unconfined.
 *
 * <p>Basis: a projection acts on the amplitudes of the ansatz, those of the basis the configured
 * Hamiltonian is written in ({@link org.nqs4j.ansatz.ProjectedWaveFunction} has no sign rule of
 * its own; with {@code hamiltonian.marshall_sign: true} the local energies come from U H U†), so
 * the ansatz is compared with the sector of ED's ψ₀ of that same operator, the "sector" line, not
 * the "sector bare" one.
 *
 * <p>Verdict. Only a ψ₀ in one one-dimensional sector of a level not known to be degenerate
 * ({@link GroundStateSector#single()}) is compared: in a degenerate level another state may lie in
 * the ansatz's sector. Mismatch: a quantity the ansatz fixes differs from ψ₀'s (then
 * ‖P_s ψ₀‖ = 0, even if another quantity is not resolved). Match: every quantity it fixes is
 * resolved for ψ₀ and equal. Otherwise nothing is claimed, and the reason is given. A point-group
 * irrep on a periodic lattice with momentum free is ψ₀'s irrep only when the whole point group is
 * the little group of ψ₀'s momentum (so for any non-degenerate ψ₀, which every operation maps
 * onto itself); that is checked, because Lanczos cannot tell a degenerate level.
 */
public final class AnsatzSector {
    /** The outcome of the comparison. */
    public enum Verdict {
        MATCH, MISMATCH, NOT_COMPARED
    }

    /**
     * The quantities an ansatz fixes (null or 0: free).
     *
     * @param momentum    the n_a in [0, L_a), or null
     * @param irrep       the irrep of the little group of {@code momentum}, or of the point group
     *                    when {@code pointGroup}; null
     * @param pointGroup  whether {@code irrep} is of the point group with momentum free (periodic lattices)
     * @param spinFlip    the parity, 0 when free
     * @param unresolved  why a sector the ansatz fixes cannot be compared with ψ₀'s, or null
     * @param description for the reader, e.g. "projected onto Γ B1, spin flip +1"
     */
    private record Confinement(int[] momentum, String irrep, boolean pointGroup, int spinFlip, String unresolved,
                               String description) {
    }

    private final Confinement ansatz;
    private final Verdict verdict;
    private final Optional<Sector> groundState;
    private final String reason;
    private final boolean marshall;
    /** A mismatch whose ansatz sector is the ground state's in the basis as written. */
    private final boolean asWritten;

    private AnsatzSector(Confinement ansatz, Verdict verdict, Optional<Sector> groundState, String reason,
                         boolean marshall, boolean asWritten) {
        this.ansatz = ansatz;
        this.verdict = verdict;
        this.groundState = groundState;
        this.reason = reason;
        this.marshall = marshall;
        this.asWritten = asWritten;
    }

    /** Whether the ansatz of {@code config} is confined to a symmetry sector (a spin-½ config only). */
    public static boolean confined(RunConfig config) {
        return confinement(config).isPresent();
    }

    /**
     * The ansatz of {@code config} against the sector of its exact ground state; empty when the
     * ansatz is not confined to a sector.
     */
    public static Optional<AnsatzSector> of(RunConfig config, GroundStateSector ground) {
        return confinement(config).map(c -> compare(c, ground, config.lattice(), config.hamiltonian().marshallSign()));
    }

    private static Optional<Confinement> confinement(RunConfig config) {
        AnsatzSpec a = config.ansatz();
        if (!(config.hilbert() instanceof SpinHilbert)
                || (a.projection() instanceof ProjectionSpec.None && !a.translationSymmetric())) {
            return Optional.empty();
        }
        Lattice lattice = config.lattice();
        int[] momentum = a.translationSymmetric() ? new int[lattice.extents().length] : null;
        String irrep = null;
        boolean pointGroup = false;
        String unresolved = null;
        switch (a.projection()) {
            case ProjectionSpec.LatticeSector l when l.scope() == SpaceGroup.Scope.POINT_GROUP -> {
                irrep = l.irrep().orElse(lattice.spaceGroup().irreps(new int[lattice.extents().length]).get(0));
                pointGroup = momentum == null && lattice.boundary().orElseThrow() == Boundary.PERIODIC;
            }
            case ProjectionSpec.LatticeSector l -> {
                momentum = l.momentumArray();
                for (int d = 0; d < momentum.length; d++) {
                    momentum[d] = Math.floorMod(momentum[d], lattice.extents()[d]);
                }
                if (l.scope() == SpaceGroup.Scope.SPACE_GROUP) {
                    irrep = l.irrep().orElse(lattice.spaceGroup().irreps(momentum).get(0));
                }
            }
            case ProjectionSpec.Automorphisms g -> unresolved = "the ground state's sectors do not include the"
                    + " automorphism group's";
            default -> { // the spin flip alone, or no projection: nothing spatial beyond the translations
            }
        }
        int parity = a.projection().spinParity();
        String label = GroundStateSector.label(new Sector(momentum, pointGroup ? "point group " + irrep : irrep, 1,
                parity, 1));
        if (unresolved != null) {
            label = "the trivial sector of the automorphisms" + (label.isEmpty() ? "" : ", " + label);
        }
        boolean projected = !(a.projection() instanceof ProjectionSpec.None);
        boolean zeroMomentum = momentum == null || Arrays.stream(momentum).allMatch(n -> n == 0);
        String description = !a.translationSymmetric() ? "projected onto " + label
                : !projected ? "translation-symmetric, momentum " + label
                : zeroMomentum ? "translation-symmetric and projected onto " + label
                : "symmetric under the translations that keep its momentum and projected onto " + label;
        return Optional.of(new Confinement(momentum, irrep, pointGroup, parity, unresolved, description));
    }

    private static AnsatzSector compare(Confinement c, GroundStateSector ground, Lattice lattice, boolean marshall) {
        if (!ground.computed()) {
            return new AnsatzSector(c, Verdict.NOT_COMPARED, Optional.empty(),
                    "the ground state's sector was not computed (see sector)", marshall, false);
        }
        if (!ground.single()) {
            return new AnsatzSector(c, Verdict.NOT_COMPARED, Optional.empty(),
                    "the ground state lies in no single one-dimensional sector (see sector)", marshall, false);
        }
        Sector s = ground.listed().get(0);
        Comparison c0 = compare(c, s, lattice);
        // a sector named in the basis as written under marshall_sign: true: say so
        boolean asWritten = c0.verdict() == Verdict.MISMATCH && ground.singleAsWritten()
                .filter(b -> compare(c, b, lattice).verdict() == Verdict.MATCH).isPresent();
        return new AnsatzSector(c, c0.verdict(), Optional.of(s), c0.reason(), marshall, asWritten);
    }

    /** A verdict, with the reason when {@link Verdict#NOT_COMPARED} (else null). */
    private record Comparison(Verdict verdict, String reason) {
    }

    /** The confinement {@code c} against ψ₀'s single sector {@code s}. */
    private static Comparison compare(Confinement c, Sector s, Lattice lattice) {
        List<String> unknown = new ArrayList<>(); // what the ansatz fixes and ψ₀'s sectors do not name
        String moved = null;
        boolean differs = false;
        if (c.momentum() != null) {
            if (s.momentum() == null) {
                unknown.add("momentum");
            } else {
                differs = !Arrays.equals(c.momentum(), s.momentum());
            }
        }
        if (c.irrep() != null) {
            if (s.irrep() == null) {
                unknown.add("irrep");
            } else if (c.pointGroup() && !lattice.spaceGroup().pointGroupKeeps(s.momentum())) {
                moved = "the point group moves the ground state's momentum "
                        + GroundStateSector.label(new Sector(s.momentum(), null, 1, 0, 1)) + " (a degenerate level)";
            } else {
                differs |= !c.irrep().equals(s.irrep());
            }
        }
        if (c.spinFlip() != 0) {
            if (s.spinFlip() == 0) {
                unknown.add("spin-flip parity");
            } else {
                differs |= c.spinFlip() != s.spinFlip();
            }
        }
        List<String> reasons = new ArrayList<>();
        if (!unknown.isEmpty()) {
            reasons.add("the ground state's " + String.join(" and ", unknown) + (unknown.size() > 1 ? " are" : " is")
                    + " not resolved (see sector note)");
        }
        if (moved != null) {
            reasons.add(moved);
        }
        if (c.unresolved() != null) {
            reasons.add(c.unresolved());
        }
        return differs ? new Comparison(Verdict.MISMATCH, null) : reasons.isEmpty() ? new Comparison(Verdict.MATCH, null)
                : new Comparison(Verdict.NOT_COMPARED, String.join("; ", reasons));
    }

    public Verdict verdict() {
        return verdict;
    }

    /** The ground state's sector as the comparison names it, with its basis. */
    private String groundStateLabel() {
        return GroundStateSector.label(groundState.orElseThrow()) + (marshall ? " in the Marshall-rotated basis" : "");
    }

    /** After a mismatch whose ansatz sector is the ground state's in the basis as written, what to change. */
    private String hint() {
        return asWritten ? " (it is the ground state's sector in the basis as written: hamiltonian.marshall_sign: false"
                + " keeps that basis)" : "";
    }

    /** The report line after "ansatz", e.g. "projected onto Γ A1, spin flip +1: matches the ground state's sector". */
    public String text() {
        return ansatz.description() + ": " + switch (verdict) {
            case MATCH -> "matches the ground state's sector";
            case MISMATCH -> "NOT the ground state's sector (" + groundStateLabel()
                    + "): the ansatz can reach only the lowest state of its own sector" + hint();
            case NOT_COMPARED -> "not compared: " + reason;
        };
    }

    /** For a mismatch, the warning of {@code nqs validate}: why the run cannot reach E₀. */
    public Optional<String> warning() {
        return verdict != Verdict.MISMATCH ? Optional.empty() : Optional.of("the ansatz is " + ansatz.description()
                + ", and the exact ground state lies in " + groundStateLabel() + ": the run can reach only the lowest"
                + " state of the ansatz's sector, above E0 whatever the optimiser does" + hint());
    }

    /**
     * The JSON object: {@code ansatz} (its sector), {@code verdict} (match, mismatch, not_compared),
     * {@code ground_state} (ψ₀'s sector, when single), {@code basis}, {@code reason} (not compared).
     */
    public Map<String, Object> json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ansatz", ansatz.description());
        m.put("verdict", verdict.name().toLowerCase(Locale.ROOT));
        groundState.ifPresent(s -> m.put("ground_state", GroundStateSector.label(s)));
        m.put("basis", marshall ? "marshall_rotated" : "as_written");
        if (reason != null) {
            m.put("reason", reason);
        }
        if (asWritten) {
            m.put("as_written", "the ansatz's sector is the ground state's in the basis as written");
        }
        return m;
    }
}
