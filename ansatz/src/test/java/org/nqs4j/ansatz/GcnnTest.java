package org.nqs4j.ansatz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
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
        return gcnn(sector, parity, features, support, HiddenActivation.LOG_COSH);
    }

    private static Gcnn gcnn(SymmetrySector sector, int parity, int[] features, int[] support, HiddenActivation hidden) {
        return Gcnn.onSector(sector.permutations(), sector.characterRe(), sector.characterIm(), parity, features,
                support, hidden, sector.label());
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
    @ParameterizedTest
    @EnumSource(HiddenActivation.class)
    void threeLayersTransformWithTheCharacters(HiddenActivation hidden) {
        SplittableRandom rnd = new SplittableRandom(9);
        for (SymmetrySector sector : new SymmetrySector[] {MOMENTUM, B1}) {
            int order = sector.permutations().length;
            Gcnn psi = gcnn(sector, -1, new int[] {2, 3, 2}, new int[] {0, 1, order - 1, order / 2}, hidden);
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

    /**
     * log ψ against the defining formula, evaluated entry by entry (complex log cosh on the principal
     * branch; parameters small enough that |Im θ| &lt; π/2): hidden layers of 5 and 4 features, so that
     * the convolution's four-channel kernel runs with and without a remaining channel, on the
     * non-abelian B1 sector (128 elements, a kernel on 4 of them) and the complex-character momentum one.
     */
    @ParameterizedTest
    @EnumSource(HiddenActivation.class)
    void logPsiIsTheFormulaEntryByEntry(HiddenActivation hidden) {
        SplittableRandom rnd = new SplittableRandom(21);
        for (SymmetrySector sector : new SymmetrySector[] {B1, MOMENTUM}) {
            int order = sector.permutations().length;
            int[] support = {0, 1, order - 1, order / 2};
            int[] features = {2, 5, 4};
            for (int parity : new int[] {0, -1}) {
                Gcnn psi = gcnn(sector, parity, features, support, hidden);
                double[] p = Reference.randomParameters(rnd, psi.parameterArrayLength(), 0.05);
                psi.setParameters(p);
                int n = sector.permutations()[0].length;
                double[] actual = new double[2];
                for (int compared = 0; compared < 3; ) {
                    int[] sigma = Reference.randomConfiguration(rnd, n);
                    psi.logPsi(sigma, actual);
                    double[] expected = formulaLogPsi(sector, parity, features, support, hidden, p, sigma);
                    if (expected[2] > 1e8) { // a node of the sector (σ fixed by an element of character ≠ 1)
                        continue;
                    }
                    compared++;
                    // the terms of the character sum cancel (κ = Σ|terms| / |Σ terms| up to 10⁷ with small
                    // weights): each sum is good to about κ units of round-off
                    double tolerance = 1e-10 + 1e-13 * expected[2];
                    Reference.assertLogEquals(new double[] {expected[0], expected[1]}, actual, tolerance,
                            sector.label() + " parity " + parity + ", " + hidden + ", kappa " + expected[2]);
                }
            }
        }
    }

    /** The class Javadoc's formula, with the parameter layout it documents: {Re, Im} log ψ and κ = Σ|terms| / |ψ|. */
    private static double[] formulaLogPsi(SymmetrySector sector, int parity, int[] features, int[] support,
                                          HiddenActivation hidden, double[] p, int[] sigma) {
        int[][] perm = sector.permutations();
        GroupTable table = new GroupTable(perm);
        int order = perm.length;
        int n = sigma.length;
        double sumRe = 0;
        double sumIm = 0;
        double sumAbs = 0;
        for (int s = 1; s >= (parity == 0 ? 1 : -1); s -= 2) {
            // θ¹_{c,g} = b¹_c + Σᵢ w_c(i) sσ_{g(i)}
            int at = 0;
            double[][] z = null;
            double[][] theta = new double[2 * features[0]][order];
            for (int c = 0; c < features[0]; c++) {
                for (int g = 0; g < order; g++) {
                    double re = p[2 * c];
                    double im = p[2 * c + 1];
                    for (int i = 0; i < n; i++) {
                        int w = 2 * (features[0] + c * n + i);
                        re += p[w] * s * sigma[perm[g][i]];
                        im += p[w + 1] * s * sigma[perm[g][i]];
                    }
                    theta[2 * c][g] = re;
                    theta[2 * c + 1][g] = im;
                }
            }
            at = features[0] + features[0] * n;
            for (int l = 1; l < features.length; l++) {
                z = activate(theta, hidden);
                theta = new double[2 * features[l]][order];
                int kernels = at + features[l];
                for (int c = 0; c < features[l]; c++) {
                    for (int g = 0; g < order; g++) {
                        double re = p[2 * (at + c)];
                        double im = p[2 * (at + c) + 1];
                        for (int cIn = 0; cIn < features[l - 1]; cIn++) {
                            for (int k = 0; k < support.length; k++) {
                                int kk = 2 * (kernels + (c * features[l - 1] + cIn) * support.length + k);
                                int u = table.product(g, support[k]);
                                re += p[kk] * z[2 * cIn][u] - p[kk + 1] * z[2 * cIn + 1][u];
                                im += p[kk] * z[2 * cIn + 1][u] + p[kk + 1] * z[2 * cIn][u];
                            }
                        }
                        theta[2 * c][g] = re;
                        theta[2 * c + 1][g] = im;
                    }
                }
                at = kernels + features[l] * features[l - 1] * support.length;
            }
            z = activate(theta, HiddenActivation.LOG_COSH);
            for (int g = 0; g < order; g++) {
                // χ(g)* p^{[s=−1]} exp(Σ_c z_{c,g})
                double re = 0;
                double im = 0;
                for (int c = 0; c < z.length / 2; c++) {
                    re += z[2 * c][g];
                    im += z[2 * c + 1][g];
                }
                double mod = Math.exp(re) * (s < 0 ? parity : 1);
                double chiRe = sector.characterRe()[g];
                double chiIm = -sector.characterIm()[g];
                sumRe += mod * (chiRe * Math.cos(im) - chiIm * Math.sin(im));
                sumIm += mod * (chiRe * Math.sin(im) + chiIm * Math.cos(im));
                sumAbs += Math.abs(mod) * Math.hypot(chiRe, chiIm);
            }
        }
        double modulus = Math.hypot(sumRe, sumIm);
        return new double[] {Math.log(modulus), Math.atan2(sumIm, sumRe), sumAbs / modulus};
    }

    /** f of each entry (rows: re, im interleaved by feature). */
    private static double[][] activate(double[][] theta, HiddenActivation f) {
        double[][] z = new double[theta.length][];
        for (int c = 0; c < theta.length; c += 2) {
            z[c] = new double[theta[c].length];
            z[c + 1] = new double[theta[c].length];
            for (int g = 0; g < theta[c].length; g++) {
                double[] v = f == HiddenActivation.POLY6 ? Reference.naivePoly6(theta[c][g], theta[c + 1][g])
                        : Reference.naiveLogCosh(theta[c][g], theta[c + 1][g]);
                z[c][g] = v[0];
                z[c + 1][g] = v[1];
            }
        }
        return z;
    }

    @ParameterizedTest
    @EnumSource(HiddenActivation.class)
    void logDerivativesAreTheDerivativesOfLogPsi(HiddenActivation hidden) {
        SplittableRandom rnd = new SplittableRandom(13);
        for (int parity : new int[] {0, 1}) {
            Gcnn psi = gcnn(MOMENTUM, parity, new int[] {2, 2, 1}, new int[] {0, 3, 7}, hidden);
            double[] p = Reference.randomParameters(rnd, psi.parameterArrayLength(), 0.4);
            Reference.assertLogDerivativesMatchDifferences(psi, p, Reference.randomConfiguration(rnd, 9));
        }
    }

    /**
     * The reason for {@link HiddenActivation#POLY6}: one hidden feature at θ¹ = ε + 2i (cosh θ¹ ≈ cos 2 + iε sin 2
     * crosses the negative real axis as ε changes sign) feeding θ² = z¹/2. Log cosh's branch jumps by 2πi
     * there, which moves θ² by πi and flips the sign of ψ = Σ_g cosh θ²: log ψ jumps by πi between
     * ε = ∓10⁻⁹. The polynomial moves log ψ by O(ε).
     */
    @Test
    void poly6HiddenLayersAreContinuousWhereLogCoshJumps() {
        int[][] z3 = {{0, 1, 2}, {1, 2, 0}, {2, 0, 1}};
        int[] sigma = {1, -1, 1};
        for (HiddenActivation hidden : HiddenActivation.values()) {
            Gcnn psi = Gcnn.onSector(z3, new double[] {1, 1, 1}, new double[3], 0, new int[] {1, 1}, new int[] {0},
                    hidden, "Z3");
            double[][] log = new double[2][2];
            for (int side = 0; side < 2; side++) {
                // b¹ = ε + 2i, w = 0; b² = 0, K = 1/2
                double[] p = {side == 0 ? -1e-9 : 1e-9, 2.0, 0, 0, 0, 0, 0, 0, 0, 0, 0.5, 0};
                psi.setParameters(p);
                psi.logPsi(sigma, log[side]);
            }
            double phaseStep = Math.abs(Math.IEEEremainder(log[1][1] - log[0][1], 2 * Math.PI));
            double change = Math.hypot(log[1][0] - log[0][0], phaseStep);
            if (hidden == HiddenActivation.POLY6) {
                assertTrue(change < 1e-7, "poly6: log psi moved by " + change);
            } else {
                assertEquals(Math.PI, phaseStep, 1e-6, "log cosh: the sign of psi flips");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(HiddenActivation.class)
    void aWalkedCacheAgreesWithAFreshOne(HiddenActivation hidden) {
        SplittableRandom rnd = new SplittableRandom(17);
        Gcnn psi = gcnn(B1, 1, new int[] {2, 2}, Gcnn.fullKernel(B1.permutations().length), hidden);
        psi.setParameters(Reference.randomParameters(rnd, psi.parameterArrayLength(), 0.4));
        Reference.walkedCacheAgreesWithAFreshOne(psi, rnd, 40, 1e-9);
    }

    @Test
    void refusesWhatIsNotAGroupOrAKernel() {
        int[][] notClosed = {{0, 1, 2}, {1, 2, 0}};
        assertThrows(IllegalArgumentException.class, () -> Gcnn.onSector(notClosed, new double[] {1, 1},
                new double[2], 0, new int[] {1}, new int[] {0}, HiddenActivation.LOG_COSH, "x"));
        int[][] z3 = {{0, 1, 2}, {1, 2, 0}, {2, 0, 1}};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Gcnn.onSector(z3,
                new double[] {1, 1, 1}, new double[3], 0, new int[] {1}, new int[] {0, 3}, HiddenActivation.LOG_COSH,
                "x"));
        assertTrue(e.getMessage().contains("kernel support"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Gcnn.onSector(z3, new double[] {1, 1, 1}, new double[3], 0,
                new int[] {0}, new int[] {0}, HiddenActivation.LOG_COSH, "x"));
        assertFalse(Gcnn.onSector(z3, new double[] {1, 1, 1}, new double[3], 0, new int[] {1, 1}, new int[] {0, 1},
                HiddenActivation.LOG_COSH, "x").description().isEmpty());
    }
}
