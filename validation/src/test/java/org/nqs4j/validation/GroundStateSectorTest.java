package org.nqs4j.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.nqs4j.hamiltonians.Boundary;
import org.nqs4j.hamiltonians.Edge;
import org.nqs4j.hamiltonians.Lattice;
import org.nqs4j.hamiltonians.PauliString;
import org.nqs4j.hamiltonians.PauliSumOperator;
import org.nqs4j.hamiltonians.SpinHilbert;
import org.nqs4j.hamiltonians.SpinModels;
import org.nqs4j.hamiltonians.Units;

class GroundStateSectorTest {
    private static final double NO_LIMIT = Double.POSITIVE_INFINITY;

    private static GroundStateSector sector(Lattice lattice, PauliSumOperator h, SpinHilbert hilbert, boolean degenerate,
                                            double secondsLeft) {
        var ed = ExactDiagonalization.lowest(h, hilbert, 1, Lanczos.Settings.defaults());
        return GroundStateSector.of(lattice, h, false, ed.basis(), ed.groundState(), degenerate, secondsLeft);
    }

    private static String line(GroundStateSector s, String key) {
        return s.lines().stream().filter(l -> l[0].equals(key)).map(l -> l[1]).findFirst().orElseThrow();
    }

    /**
     * Heisenberg ring L = 5 at S_z = 1/2: the ground level is a pair of momenta k = ±4π/5 (n = 1
     * and 4), swapped by the mirror; a real ED state holds half of its weight in each, so no single
     * sector is named, and with the level known to be degenerate the line says so.
     */
    @Test
    void aDegenerateGroundLevelIsNotGivenOneSector() {
        Lattice ring = Lattice.chain(5, Boundary.PERIODIC, false);
        PauliSumOperator h = SpinModels.heisenberg(ring, 1.0, Units.SPIN_HALF);
        GroundStateSector s = sector(ring, h, SpinHilbert.fixedMagnetization(5, 1), false, NO_LIMIT);
        assertFalse(s.single());
        assertEquals(2, s.listed().size());
        for (var x : s.listed()) {
            assertEquals(0.5, x.weight(), 1e-9);
            assertEquals(0, x.spinFlip(), "S_z = 1/2 has no flip parity");
        }
        assertTrue(line(s, "sector").startsWith("no single one-dimensional sector"), line(s, "sector"));
        assertTrue(line(s, "sector note").contains("no spin-flip parity"), line(s, "sector note"));
        Map<String, Object> json = s.json();
        @SuppressWarnings("unchecked")
        Map<String, Object> sector = (Map<String, Object>) json.get("sector");
        assertEquals(false, sector.get("single"));
        assertEquals(2, ((List<?>) sector.get("sectors")).size());

        GroundStateSector known = sector(ring, h, SpinHilbert.fixedMagnetization(5, 1), true, NO_LIMIT);
        assertTrue(line(known, "sector").startsWith("the ground level is degenerate"), line(known, "sector"));
    }

    /**
     * The Heisenberg triangle (open kagome 1×1) at S_z = 1/2: its ground doublet is the
     * two-dimensional irrep E of C₃ᵥ, all the weight in one sector that is not one-dimensional.
     */
    @Test
    void aTwoDimensionalIrrepIsNotASingleSector() {
        Lattice triangle = Lattice.kagome(1, 1, Boundary.OPEN, 1);
        GroundStateSector s = sector(triangle, SpinModels.heisenberg(triangle, 1.0, Units.SPIN_HALF),
                SpinHilbert.fixedMagnetization(3, 1), false, NO_LIMIT);
        assertEquals(1, s.listed().size());
        assertEquals("E", s.listed().get(0).irrep());
        assertEquals(2, s.listed().get(0).dimension());
        assertEquals(1, s.listed().get(0).weight(), 1e-9);
        assertFalse(s.single());
    }

    /**
     * What cannot be resolved is said: a custom lattice has no space group (the flip alone is
     * resolved); a field on one site breaks the translations; a Z field breaks the flip too, and
     * with neither symmetry nothing is computed.
     */
    @Test
    void unresolvedSymmetriesAreNamed() {
        List<Edge> ring = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ring.add(new Edge(i, (i + 1) % 6, 0));
        }
        Lattice custom = Lattice.custom(6, ring);
        GroundStateSector graph = sector(custom, SpinModels.heisenberg(custom, 1.0, Units.SPIN_HALF),
                SpinHilbert.fixedMagnetization(6, 0), false, NO_LIMIT);
        assertTrue(graph.single());
        assertEquals("spin flip -1", GroundStateSector.label(graph.listed().get(0)), "a singlet of 6 spins: (-1)^3");
        assertTrue(line(graph, "sector note").contains("custom lattice"), line(graph, "sector note"));

        Lattice chain = Lattice.chain(6, Boundary.PERIODIC, false);
        PauliSumOperator ising = SpinModels.transverseFieldIsing(chain, 1.0, 0.5, Units.PAULI);
        for (String pinned : new String[] {"X", "Z"}) {
            PauliSumOperator h = ising.plus(PauliSumOperator.of(6, List.of(PauliString.of(0.3, pinned, 0))));
            assertFalse(GroundStateSector.commutes(h, chain.spaceGroup().elements()));
            GroundStateSector s = sector(chain, h, SpinHilbert.unconstrained(6), false, NO_LIMIT);
            if (pinned.equals("X")) {
                assertEquals("spin flip +1", GroundStateSector.label(s.listed().get(0)));
                assertTrue(line(s, "sector note").contains("does not commute with the space group"),
                        line(s, "sector note"));
            } else {
                assertTrue(s.listed().isEmpty());
                assertTrue(line(s, "sector").startsWith("not computed: no space group")
                        && line(s, "sector").contains("σ → −σ"), line(s, "sector"));
            }
        }
        assertTrue(GroundStateSector.commutes(ising, chain.spaceGroup().elements()));
    }

    /** The overlaps are skipped, with the reason, when they would take longer than the time left. */
    @Test
    void theBudgetIsHonoured() {
        Lattice kagome = Lattice.kagome(2, 2, Boundary.PERIODIC, 1);
        GroundStateSector s = sector(kagome, SpinModels.heisenberg(kagome, 1.0, Units.SPIN_HALF),
                SpinHilbert.fixedMagnetization(12, 0), false, 1e-6);
        assertTrue(s.listed().isEmpty());
        assertTrue(line(s, "sector").startsWith("not computed: the overlaps") && line(s, "sector").contains("--budget"),
                line(s, "sector"));
    }
}
