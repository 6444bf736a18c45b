package org.nqs4j.vmc.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nqs4j.ansatz.ProjectedWaveFunction;
import org.nqs4j.ansatz.SublatticePhases;
import org.nqs4j.ansatz.SymmetricRbm;
import org.nqs4j.ansatz.WaveFunction;
import org.nqs4j.hamiltonians.ClassicalSpiral;
import org.nqs4j.hamiltonians.Lattice;
import org.nqs4j.hamiltonians.symmetry.SpaceGroup;
import org.nqs4j.hamiltonians.symmetry.SymmetrySector;
import org.nqs4j.vmc.config.RunConfig;
import org.nqs4j.vmc.config.RunConfigReader;
import org.nqs4j.vmc.config.YamlConfigParser;

/**
 * The translation-symmetric RBM projected onto k ≠ 0 (triangular 4×3, whose Heisenberg ground
 * state lies at k = [2, 0], irrep B, spin flip +1): its features are tied over the 6 translations
 * that keep k, and the projection evaluates each class of equal images once.
 */
class SymmetricProjectionSetupTest {
    private static RunConfig config(String projection) {
        return config(projection, "none");
    }

    private static RunConfig config(String projection, String signRule) {
        String yaml = "lattice: {type: triangular, extent: [4, 3], boundary: periodic}\n"
                + "hamiltonian: {model: heisenberg}\nhilbert: {total_sz: 0}\n"
                + "ansatz: {alpha: 2, complex: true, symmetry: translations, sign_rule: " + signRule + ", projection: "
                + projection + "}\n";
        return RunConfigReader.read(YamlConfigParser.parse(yaml, "test.yaml"), Path.of("test.yaml"));
    }

    /** With and without the spiral's phases (asked for: not the default on 4 × 3), which the tied translations keep. */
    @ParameterizedTest
    @ValueSource(strings = {"spiral", "none"})
    void theReducedSumIsTheFullProjectionUpToAConstant(String signRule) {
        RunConfig c = config("{group: space_group, momentum: [2, 0], irrep: B, spin_flip: +1}", signRule);
        Lattice lattice = c.lattice();
        int[][] kernel = lattice.spaceGroup().translationsKeeping(new int[] {2, 0});
        assertEquals(6, kernel.length, "k = [2, 0] is pi along a1: the translations by an even n1");
        SymmetrySector full = lattice.spaceGroup().sector(SpaceGroup.Scope.SPACE_GROUP, new int[] {2, 0},
                Optional.of("B"));
        WaveFunction reduced = RunSetup.waveFunction(c.ansatz(), lattice, c.hamiltonian().marshallSign());
        WaveFunction network = SymmetricRbm.complex(kernel, 2);
        if (signRule.equals("spiral")) {
            ClassicalSpiral spiral = ClassicalSpiral.of(lattice).orElseThrow();
            network = new SublatticePhases(network, spiral.phaseIndex(), spiral.period(), "the spiral");
        }
        WaveFunction whole = ProjectedWaveFunction.onSector(network, full.permutations(),
                full.characterRe(), full.characterIm(), 1, "every element");
        assertEquals(2 * full.permutations().length / 6, ((ProjectedWaveFunction) reduced).images(),
                "one image per class of 6 (x 2 for the spin flip)");
        Random rnd = new Random(5);
        double[] p = new double[reduced.parameterArrayLength()];
        for (int i = 0; i < p.length; i++) {
            p[i] = 0.3 * rnd.nextGaussian();
        }
        reduced.setParameters(p);
        whole.setParameters(p);
        double[] a = new double[2];
        double[] b = new double[2];
        double offset = Double.NaN;
        int compared = 0;
        for (int trial = 0; trial < 20; trial++) {
            int[] sigma = new int[12];
            for (int i = 0; i < 12; i++) {
                sigma[i] = i < 6 ? 1 : -1;
            }
            for (int i = 11; i > 0; i--) { // a random S_z = 0 configuration
                int j = rnd.nextInt(i + 1);
                int t = sigma[i];
                sigma[i] = sigma[j];
                sigma[j] = t;
            }
            reduced.logPsi(sigma, a);
            whole.logPsi(sigma, b);
            if (b[0] < -30) {
                continue; // a node of the sector (a configuration fixed by an element of character != 1)
            }
            if (Double.isNaN(offset)) {
                offset = b[0] - a[0];
            }
            assertEquals(offset, b[0] - a[0], 1e-9, "log|psi| differs by a constant");
            assertEquals(0, Math.IEEEremainder(b[1] - a[1], 2 * Math.PI), 1e-9, "the same phase");
            compared++;
        }
        assertTrue(compared >= 10, compared + " configurations off the nodes");
    }

    @Test
    void aSectorThatTheInvariancesCancelIsRefused() {
        Lattice lattice = config("{group: space_group, momentum: [2, 0], irrep: B}").lattice();
        SymmetrySector k = lattice.spaceGroup().sector(SpaceGroup.Scope.TRANSLATIONS, new int[] {2, 0},
                Optional.empty());
        assertEquals(2, k.modulo(lattice.spaceGroup().translationsKeeping(new int[] {2, 0})).permutations().length);
        // a state invariant under every translation has no component at k != 0
        assertThrows(IllegalArgumentException.class, () -> k.modulo(lattice.translations()));
    }
}
