package org.nqs4j.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nqs4j.hamiltonians.PauliSumOperator;
import org.nqs4j.hamiltonians.SpinHilbert;
import org.nqs4j.hamiltonians.symmetry.SpaceGroup;
import org.nqs4j.hamiltonians.symmetry.SymmetrySector;
import org.nqs4j.vmc.config.RunConfig;
import org.nqs4j.vmc.config.RunConfigReader;

class AnsatzSectorTest {
    @TempDir
    Path dir;

    /**
     * A point-group irrep names ψ₀'s sector only when the point group keeps ψ₀'s momentum. On the
     * 4×4 torus a state of k = (π, 0), A1 of its little group (C2v), even under the flip, lies in
     * one one-dimensional sector, as Lanczos could return from the degenerate level it shares with
     * (0, π); the 90° rotation moves it, so a projection onto the point-group irrep A1 is not
     * claimed to match (by name it would).
     */
    @Test
    void aPointGroupIrrepIsNotComparedAtAMomentumThePointGroupMoves() throws Exception {
        Path file = dir.resolve("square.yaml");
        Files.writeString(file, "lattice: {type: square, length: 4}\nhamiltonian: {model: heisenberg}\n"
                + "ansatz: {projection: point_group+spin_flip}\n");
        RunConfig config = RunConfigReader.readForExact(file, List.of());
        SpinBasis basis = SpinBasis.of((SpinHilbert) config.hilbert());
        SymmetrySector s = config.lattice().spaceGroup().sector(SpaceGroup.Scope.SPACE_GROUP, new int[] {2, 0},
                Optional.empty());
        double[] v = new SplittableRandom(7).doubles(basis.dimension(), -1, 1).toArray();
        double[] psi = new double[basis.dimension()];
        int[] sigma = new int[basis.nSites()];
        int[] image = new int[basis.nSites()];
        for (int x = 0; x < psi.length; x++) { // P ψ(σ) = Σ_g χ(g) v(gσ) (real characters at (π, 0)), then ψ(σ) + ψ(−σ)
            basis.sigma(basis.state(x), sigma);
            for (int g = 0; g < s.permutations().length; g++) {
                for (int i = 0; i < image.length; i++) {
                    image[i] = sigma[s.permutations()[g][i]];
                }
                int y = basis.index(basis.bits(image));
                psi[x] += s.characterRe()[g] * (v[y] + v[basis.flipped(y)]);
            }
        }
        GroundStateSector ground = GroundStateSector.of(config.lattice(),
                (PauliSumOperator) config.hamiltonian().operator(), config.hamiltonian().marshallSign(), basis, psi,
                false, Double.POSITIVE_INFINITY);
        assertTrue(ground.single(), ground.lines().get(0)[1]);
        assertEquals("k=[2, 0] A1, spin flip +1", GroundStateSector.label(ground.listed().get(0)));
        AnsatzSector a = AnsatzSector.of(config, ground).orElseThrow();
        assertEquals(AnsatzSector.Verdict.NOT_COMPARED, a.verdict(), a.text());
        assertTrue(a.text().endsWith("not compared: the point group moves the ground state's momentum k=[2, 0]"
                + " (a degenerate level)"), a.text());
    }
}
