package org.nqs4j.ansatz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nqs4j.hamiltonians.Boundary;
import org.nqs4j.hamiltonians.Lattice;
import org.nqs4j.hamiltonians.symmetry.SpaceGroup;
import org.nqs4j.hamiltonians.symmetry.SymmetrySector;

class GcnnTest {
    private static final Lattice TORUS = Lattice.square(3, Boundary.PERIODIC, false);
    /** Momentum (2π/3, 0) with the little group {E, m}: complex characters, |G| = 9·2. */
    private static final SymmetrySector MOMENTUM = TORUS.spaceGroup().sector(SpaceGroup.Scope.SPACE_GROUP,
            new int[] {1, 0}, Optional.empty());
    /** Γ, irrep B1 of C4v on the 4×4 torus: real characters ±1, |G| = 16·8 = 128. */
    private static final SymmetrySector B1 = Lattice.square(4, Boundary.PERIODIC, false).spaceGroup().sector(
            SpaceGroup.Scope.SPACE_GROUP, new int[] {0, 0}, Optional.of("B1"));

    private static Gcnn gcnn(SymmetrySector sector, int parity, int[] features, int[] support) {
        return Gcnn.onSector(sector.permutations(), sector.characterRe(), sector.characterIm(), parity, features,
                support, sector.label());
    }

    /**
     * One layer is the projection of an RBM with F hidden units (a = 0, W_{c,i} = w_c(i)) onto the
     * same sector: Σ_{s,g} χ(g)* p^{[s<0]} Π_c cosh θ_c(s gσ), computed by {@link ProjectedWaveFunction}.
     */
    @Test
    void oneLayerIsTheProjectedRbm() {
        SplittableRandom rnd = new SplittableRandom(5);
        for (SymmetrySector sector : new SymmetrySector[] {MOMENTUM, B1}) {
            for (int parity : new int[] {0, 1, -1}) {
                int n = sector.permutations()[0].length;
                Gcnn psi = gcnn(sector, parity, new int[] {3}, Gcnn.fullKernel(sector.permutations().length));
                assertEquals(3 + 3 * n, psi.nParameters());
                double[] p = Reference.randomParameters(rnd, psi.parameterArrayLength(), 0.5);
                psi.setParameters(p);
                Rbm rbm = Rbm.complexWithHiddenUnits(n, 3);
                double[] q = new double[rbm.parameterArrayLength()];
                System.arraycopy(p, 0, q, 2 * n, p.length); // a = 0, then b and W in the same order
                ProjectedWaveFunction reference = ProjectedWaveFunction.onSector(rbm, sector.permutations(),
                        sector.characterRe(), sector.characterIm(), parity, "reference");
                reference.setParameters(q);
                double[] expected = new double[2];
                double[] actual = new double[2];
                for (int trial = 0; trial < 5; trial++) {
                    int[] sigma = Reference.randomConfiguration(rnd, n);
                    reference.logPsi(sigma, expected);
                    psi.logPsi(sigma, actual);
                    Reference.assertLogEquals(expected, actual, 1e-10, sector.label() + " parity " + parity);
                }
            }
        }
    }

    /** ψ(hσ) = χ(h) ψ(σ) for every element h, with (hσ)ᵢ = σ_{h(i)}, through two convolution layers. */
    @Test
    void threeLayersTransformWithTheCharacters() {
        SplittableRandom rnd = new SplittableRandom(9);
        for (SymmetrySector sector : new SymmetrySector[] {MOMENTUM, B1}) {
            int order = sector.permutations().length;
            Gcnn psi = gcnn(sector, -1, new int[] {2, 3, 2}, new int[] {0, 1, order - 1, order / 2});
            psi.setParameters(Reference.randomParameters(rnd, psi.parameterArrayLength(), 0.4));
            int n = sector.permutations()[0].length;
            double[] log = new double[2];
            double[] moved = new double[2];
            for (int trial = 0; trial < 3; trial++) {
                int[] sigma = Reference.randomConfiguration(rnd, n);
                psi.logPsi(sigma, log);
                for (int h = 0; h < order; h++) {
                    int[] image = new int[n];
                    for (int i = 0; i < n; i++) {
                        image[i] = sigma[sector.permutations()[h][i]];
                    }
                    psi.logPsi(image, moved);
                    double chiRe = sector.characterRe()[h];
                    double chiIm = sector.characterIm()[h];
                    double[] expected = {log[0] + Math.log(Math.hypot(chiRe, chiIm)), log[1] + Math.atan2(chiIm, chiRe)};
                    Reference.assertLogEquals(expected, moved, 1e-10, sector.label() + " element " + h);
                }
                int[] flipped = sigma.clone();
                for (int i = 0; i < n; i++) {
                    flipped[i] = -sigma[i];
                }
                psi.logPsi(flipped, moved);
                Reference.assertLogEquals(new double[] {log[0], log[1] + Math.PI}, moved, 1e-10, "spin flip odd");
            }
        }
    }

    @Test
    void logDerivativesAreTheDerivativesOfLogPsi() {
        SplittableRandom rnd = new SplittableRandom(13);
        for (int parity : new int[] {0, 1}) {
            Gcnn psi = gcnn(MOMENTUM, parity, new int[] {2, 2, 1}, new int[] {0, 3, 7});
            double[] p = Reference.randomParameters(rnd, psi.parameterArrayLength(), 0.4);
            Reference.assertLogDerivativesMatchDifferences(psi, p, Reference.randomConfiguration(rnd, 9));
        }
    }

    @Test
    void aWalkedCacheAgreesWithAFreshOne() {
        SplittableRandom rnd = new SplittableRandom(17);
        Gcnn psi = gcnn(B1, 1, new int[] {2, 2}, Gcnn.fullKernel(B1.permutations().length));
        psi.setParameters(Reference.randomParameters(rnd, psi.parameterArrayLength(), 0.4));
        Reference.walkedCacheAgreesWithAFreshOne(psi, rnd, 40, 1e-9);
    }

    @Test
    void refusesWhatIsNotAGroupOrAKernel() {
        int[][] notClosed = {{0, 1, 2}, {1, 2, 0}};
        assertThrows(IllegalArgumentException.class, () -> Gcnn.onSector(notClosed, new double[] {1, 1},
                new double[2], 0, new int[] {1}, new int[] {0}, "x"));
        int[][] z3 = {{0, 1, 2}, {1, 2, 0}, {2, 0, 1}};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Gcnn.onSector(z3,
                new double[] {1, 1, 1}, new double[3], 0, new int[] {1}, new int[] {0, 3}, "x"));
        assertTrue(e.getMessage().contains("kernel support"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Gcnn.onSector(z3, new double[] {1, 1, 1}, new double[3], 0,
                new int[] {0}, new int[] {0}, "x"));
        assertFalse(Gcnn.onSector(z3, new double[] {1, 1, 1}, new double[3], 0, new int[] {1, 1}, new int[] {0, 1},
                "x").description().isEmpty());
    }
}
