package org.nqs4j.ansatz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nqs4j.hamiltonians.Boundary;
import org.nqs4j.hamiltonians.Lattice;
import org.nqs4j.hamiltonians.symmetry.SpaceGroup;
import org.nqs4j.hamiltonians.symmetry.SymmetrySector;

class ProjectedWaveFunctionTest {
    private static final int[][] C4V = Lattice.square(3, Boundary.PERIODIC, false).pointGroup();

    /** A plain RBM (no symmetry of its own) on the 3×3 torus, projected onto C4v and, if asked, the spin flip. */
    private static ProjectedWaveFunction projected(boolean complex, boolean spinFlip, double[] params) {
        Rbm rbm = complex ? Rbm.complex(9, 1) : Rbm.real(9, 1);
        ProjectedWaveFunction psi = ProjectedWaveFunction.of(rbm, C4V, spinFlip);
        psi.setParameters(params);
        return psi;
    }

    /** ψ_K(σ) = Σ_k ψ(τ_k σ) summed as plain complex numbers from the RBM's textbook log ψ. */
    private static double[] definitionLogPsi(double[] p, boolean complex, boolean spinFlip, int[] sigma) {
        double re = 0.0;
        double im = 0.0;
        for (int[] g : C4V) {
            for (int s = 1; s >= (spinFlip ? -1 : 1); s -= 2) {
                int[] image = new int[9];
                for (int i = 0; i < 9; i++) {
                    image[i] = s * sigma[g[i]];
                }
                double[] log = Reference.rbmLogPsi(p, complex, 9, 9, image);
                re += Math.exp(log[0]) * Math.cos(log[1]);
                im += Math.exp(log[0]) * Math.sin(log[1]);
            }
        }
        return new double[] {Math.log(Math.hypot(re, im)), Math.atan2(im, re)};
    }

    @Test
    void logPsiIsTheSumOverImages() {
        SplittableRandom rnd = new SplittableRandom(61);
        for (boolean complex : new boolean[] {false, true}) {
            for (boolean spinFlip : new boolean[] {false, true}) {
                double[] p = Reference.randomParameters(rnd, (complex ? 2 : 1) * (9 + 9 + 81), 0.4);
                ProjectedWaveFunction psi = projected(complex, spinFlip, p);
                assertEquals(spinFlip ? 16 : 8, psi.images());
                double[] log = new double[2];
                for (int trial = 0; trial < 6; trial++) {
                    int[] sigma = Reference.randomConfiguration(rnd, 9);
                    psi.logPsi(sigma, log);
                    Reference.assertLogEquals(definitionLogPsi(p, complex, spinFlip, sigma), log, 1e-11,
                            "complex=" + complex + ", spin flip=" + spinFlip);
                    WalkerCache cache = psi.newCache();
                    cache.reset(sigma);
                    double[] cached = new double[2];
                    cache.logPsi(cached);
                    Reference.assertLogEquals(log, cached, 1e-11, "cache after reset");
                }
            }
        }
    }

    @Test
    void amplitudeIsInvariantUnderTheGroupAndTheSpinFlip() {
        SplittableRandom rnd = new SplittableRandom(62);
        ProjectedWaveFunction psi = projected(true, true, Reference.randomParameters(rnd, 2 * 99, 0.5));
        int[] sigma = Reference.randomConfiguration(rnd, 9);
        double[] log = new double[2];
        psi.logPsi(sigma, log);
        double[] moved = new double[2];
        for (int[] g : C4V) {
            int[] image = new int[9];
            for (int i = 0; i < 9; i++) {
                image[i] = -sigma[g[i]];
            }
            psi.logPsi(image, moved);
            Reference.assertLogEquals(log, moved, 1e-11, "rotated or reflected, and flipped");
        }
    }

    @Test
    void logDerivativesMatchCentralDifferences() {
        SplittableRandom rnd = new SplittableRandom(63);
        for (boolean complex : new boolean[] {false, true}) {
            ProjectedWaveFunction psi = projected(complex, true, new double[(complex ? 2 : 1) * 99]);
            Reference.assertLogDerivativesMatchDifferences(psi,
                    Reference.randomParameters(rnd, psi.parameterArrayLength(), 0.3), Reference.randomConfiguration(rnd, 9));
        }
    }

    /**
     * A walk of accepted moves, half of them after the move's {@link WalkerCache#ratio} (whose
     * image ratios the cache reuses) and half without: ratios, log ratios and the final tables
     * agree with a cache built from scratch, and log ψ with the definition.
     */
    @Test
    void walkedCacheAgreesWithAFreshOne() {
        SplittableRandom rnd = new SplittableRandom(64);
        double[] p = Reference.randomParameters(rnd, 2 * 99, 0.5);
        ProjectedWaveFunction psi = projected(true, true, p);
        WalkerCache walked = Reference.walkedCacheAgreesWithAFreshOne(psi, rnd, 60, 1e-10);
        double[] after = new double[2];
        walked.logPsi(after);
        Reference.assertLogEquals(definitionLogPsi(p, true, true, walked.configuration()), after, 1e-10, "after the walk");
    }

    @Test
    void badGroupsAreRejectedWithClearMessages() {
        Rbm rbm = Rbm.real(3, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ProjectedWaveFunction.of(rbm, new int[][] {{1, 2, 0}}, false));
        assertTrue(e.getMessage().contains("do not contain the identity"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> ProjectedWaveFunction.of(rbm, new int[][] {{0, 1, 2}, {1, 2, 0}}, false));
        assertTrue(e.getMessage().contains("not a group"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> ProjectedWaveFunction.of(rbm, new int[][] {{0, 1, 2}, {0, 1, 2}}, false));
        assertTrue(e.getMessage().contains("repeat"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ProjectedWaveFunction.of(rbm, new int[][] {{0, 1}}, false));
        assertTrue(e.getMessage().contains("must map all N = 3 sites"), e.getMessage());
        ProjectedWaveFunction ok = ProjectedWaveFunction.of(rbm, new int[][] {{0, 1, 2}, {2, 1, 0}}, true);
        assertTrue(ok.description().contains("|K|=4"), ok.description());
        assertTrue(ok.outerProductJacobian().isEmpty(), "projected rows have no plain RBM product form");
    }

    /** The 9-site triangular torus: space group of 9 translations × C6v = 108 elements. */
    private static final SpaceGroup TRIANGULAR = Lattice.triangular(3, 3, Boundary.PERIODIC, 1).spaceGroup();

    private static ProjectedWaveFunction onSector(WaveFunction inner, SymmetrySector sector, int spinParity) {
        return ProjectedWaveFunction.onSector(inner, sector.permutations(), sector.characterRe(), sector.characterIm(),
                spinParity, sector.label());
    }

    /**
     * A random configuration whose projected amplitude is not cancelled (one that no element of
     * non-trivial character fixes): |ψ_K(σ)| > e⁻³ |ψ(σ)|, so that relative tolerances apply.
     */
    private static int[] inTheSector(WaveFunction projected, WaveFunction inner, SplittableRandom rnd) {
        double[] log = new double[2];
        double[] scale = new double[2];
        for (int draw = 0; draw < 1000; draw++) {
            int[] sigma = Reference.randomConfiguration(rnd, inner.nSites());
            projected.logPsi(sigma, log);
            inner.logPsi(sigma, scale);
            if (log[0] > scale[0] - 3) {
                return sigma;
            }
        }
        throw new AssertionError("no configuration of the sector in 1000 draws");
    }

    /** A complex RBM with α = 1 on 9 sites and parameters drawn with this seed (scale 0.4). */
    private static Rbm randomRbm(long seed) {
        Rbm rbm = Rbm.complex(9, 1);
        rbm.setParameters(Reference.randomParameters(new SplittableRandom(seed), rbm.parameterArrayLength(), 0.4));
        return rbm;
    }

    private static int[] act(int[] g, int[] sigma) {
        int[] image = new int[sigma.length];
        for (int i = 0; i < sigma.length; i++) {
            image[i] = sigma[g[i]];
        }
        return image;
    }

    /**
     * Every one-dimensional sector of the triangular torus (9 momenta, each with the 1D irreps of
     * its little group: C6v at Γ, C3v at the K points (2,1) and (1,2), one mirror elsewhere) and
     * alternating spin parities: ψ_K(hσ) = χ(h) ψ_K(σ) for every element h of the sector and
     * ψ_K(−σ) = p ψ_K(σ), on configurations of the sector; and the projected state vanishes on all
     * 512 configurations exactly when the sector is empty, its dimension from the character formula
     * dim = (1/2|G|) Σ_g χ(g)* [2^{c(g)} + p·f(g)], c(g) the number of cycles of g and f(g) = 2^{c(g)}
     * when all cycles are even (the σ with σ_{g(i)} = −σ_i), else 0.
     */
    @Test
    void projectedStateTransformsByTheCharactersOfItsSector() {
        Rbm rbm = randomRbm(65);
        int sectors = 0;
        int empty = 0;
        for (int n1 = 0; n1 < 3; n1++) {
            for (int n2 = 0; n2 < 3; n2++) {
                int[] k = {n1, n2};
                for (String irrep : TRIANGULAR.irreps(k)) {
                    if (irrep.startsWith("E")) {
                        continue;
                    }
                    SymmetrySector sector = TRIANGULAR.sector(SpaceGroup.Scope.SPACE_GROUP, k, Optional.of(irrep));
                    int parity = sectors % 2 == 0 ? 1 : -1;
                    ProjectedWaveFunction psi = onSector(rbm, sector, parity);
                    double dimension = sectorDimension(sector, parity);
                    List<int[]> inSector = new java.util.ArrayList<>();
                    double[] log = new double[2];
                    double[] scale = new double[2];
                    for (int c = 0; c < 512; c++) {
                        int[] sigma = configuration(c, 9);
                        psi.logPsi(sigma, log);
                        rbm.logPsi(sigma, scale);
                        if (log[0] > scale[0] - 3) {
                            inSector.add(sigma);
                        }
                    }
                    assertEquals(dimension > 0.5, !inSector.isEmpty(), sector.label() + " parity " + parity
                            + ": dimension " + dimension);
                    if (inSector.isEmpty()) {
                        empty++;
                    }
                    for (int[] sigma : inSector.subList(0, Math.min(3, inSector.size()))) {
                        assertTransformsByCharacters(psi, sector, parity, sigma);
                    }
                    sectors++;
                }
            }
        }
        assertEquals(4 + 8 * 2, sectors, "Γ: A1, A2, B1, B2 of C6v; 8 other momenta: A1, A2 each");
        assertTrue(empty < sectors / 2, empty + " of " + sectors + " sectors are empty");
    }

    private static void assertTransformsByCharacters(ProjectedWaveFunction psi, SymmetrySector sector, int parity,
                                                     int[] sigma) {
        double[] log = new double[2];
        psi.logPsi(sigma, log);
        double[] moved = new double[2];
        for (int h = 0; h < sector.permutations().length; h++) {
            psi.logPsi(act(sector.permutations()[h], sigma), moved);
            double re = sector.characterRe()[h];
            double im = sector.characterIm()[h];
            Reference.assertLogEquals(new double[] {log[0] + 0.5 * Math.log(re * re + im * im),
                    log[1] + Math.atan2(im, re)}, moved, 1e-10, sector.label() + ", element " + h);
        }
        int[] flipped = new int[sigma.length];
        for (int i = 0; i < sigma.length; i++) {
            flipped[i] = -sigma[i];
        }
        psi.logPsi(flipped, moved);
        Reference.assertLogEquals(new double[] {log[0], log[1] + (parity < 0 ? Math.PI : 0)}, moved, 1e-10,
                sector.label() + ", spin flip");
    }

    /** (1/2|G|) Σ_g χ(g)* [2^{c(g)} + p·f(g)]: the dimension of the sector in the 2^N configurations. */
    private static double sectorDimension(SymmetrySector sector, int parity) {
        double sum = 0;
        int order = sector.permutations().length;
        for (int g = 0; g < order; g++) {
            int[] row = sector.permutations()[g];
            boolean[] seen = new boolean[row.length];
            int cycles = 0;
            boolean allEven = true;
            for (int i = 0; i < row.length; i++) {
                if (!seen[i]) {
                    cycles++;
                    int length = 0;
                    for (int j = i; !seen[j]; j = row[j]) {
                        seen[j] = true;
                        length++;
                    }
                    allEven &= length % 2 == 0;
                }
            }
            double fixed = Math.pow(2, cycles) + parity * (allEven ? Math.pow(2, cycles) : 0);
            sum += sector.characterRe()[g] * fixed; // χ* times a real trace: the real part survives the sum
        }
        return sum / (2.0 * order);
    }

    private static int[] configuration(int c, int n) {
        int[] sigma = new int[n];
        for (int i = 0; i < n; i++) {
            sigma[i] = ((c >> i) & 1) == 1 ? 1 : -1;
        }
        return sigma;
    }

    /**
     * The character projector P = Σ_g χ(g)* T_g of a sector, applied to the full amplitude vector
     * of the projected state (all 512 configurations of the 9-site torus), returns (|G|/d) times
     * it for every irrep of C6v at Γ, the two-dimensional E1 and E2 included: P² = (|G|/d) P, and the
     * projected state is an eigenvector of it (the character projection operator, Dresselhaus,
     * Dresselhaus &amp; Jorio, <i>Group Theory</i>, Springer 2008, ch. 4).
     */
    @Test
    void characterProjectorIsIdempotentOnTheProjectedStateForEveryIrrep() {
        Rbm rbm = randomRbm(66);
        for (String irrep : List.of("A1", "A2", "B1", "B2", "E1", "E2")) {
            SymmetrySector sector = TRIANGULAR.sector(SpaceGroup.Scope.SPACE_GROUP, new int[2], Optional.of(irrep));
            ProjectedWaveFunction psi = onSector(rbm, sector, 0);
            double[][] amplitude = new double[512][];
            int[][] configs = new int[512][];
            double[] log = new double[2];
            for (int c = 0; c < 512; c++) {
                configs[c] = configuration(c, 9);
                psi.logPsi(configs[c], log);
                double modulus = Math.exp(log[0]);
                amplitude[c] = new double[] {modulus * Math.cos(log[1]), modulus * Math.sin(log[1])};
            }
            double dimension = sector.characterRe()[0];
            double gain = sector.permutations().length / dimension;
            double norm = 0; // the images' scale: the sums are exact to rounding of terms this large
            for (int[] sigma : configs) {
                rbm.logPsi(sigma, log);
                norm = Math.max(norm, Math.exp(log[0]));
            }
            for (int c = 0; c < 512; c++) {
                double re = 0;
                double im = 0;
                for (int g = 0; g < sector.permutations().length; g++) {
                    int[] image = act(sector.permutations()[g], configs[c]);
                    int index = 0;
                    for (int i = 0; i < 9; i++) {
                        index |= image[i] > 0 ? 1 << i : 0;
                    }
                    double xr = sector.characterRe()[g];
                    double xi = -sector.characterIm()[g];
                    re += xr * amplitude[index][0] - xi * amplitude[index][1];
                    im += xr * amplitude[index][1] + xi * amplitude[index][0];
                }
                assertEquals(gain * amplitude[c][0], re, 1e-9 * gain * norm, irrep + " Re at " + c);
                assertEquals(gain * amplitude[c][1], im, 1e-9 * gain * norm, irrep + " Im at " + c);
            }
            double largest = 0;
            for (double[] a : amplitude) {
                largest = Math.max(largest, Math.hypot(a[0], a[1]));
            }
            assertEquals(sectorDimension(sector, 0) > 0.1, largest > 1e-3 * norm,
                    irrep + ": the projected state vanishes exactly when the sector is empty");
        }
    }

    @Test
    void complexSectorLogDerivativesMatchDifferencesAndTheWalkedCacheAgrees() {
        SplittableRandom rnd = new SplittableRandom(67);
        SymmetrySector k = TRIANGULAR.sector(SpaceGroup.Scope.SPACE_GROUP, new int[] {1, 1}, Optional.of("A2"));
        assertTrue(!k.isReal(), "momentum (1,1)/3 has complex characters");
        Rbm rbm = Rbm.complex(9, 1);
        ProjectedWaveFunction psi = onSector(rbm, k, -1);
        double[] p = Reference.randomParameters(rnd, psi.parameterArrayLength(), 0.3);
        psi.setParameters(p);
        Reference.assertLogDerivativesMatchDifferences(psi, p, inTheSector(psi, rbm, rnd));
        // the walk is not a Metropolis chain: it must not step onto vanishing configurations, which are
        // rare at 16 sites (momentum (π/2, 0) of the 4x4 torus: characters ±1, ±i)
        SymmetrySector quarter = Lattice.triangular(4, 4, Boundary.PERIODIC, 1).spaceGroup()
                .sector(SpaceGroup.Scope.TRANSLATIONS, new int[] {1, 0}, Optional.empty());
        ProjectedWaveFunction walked = onSector(Rbm.complex(16, 1), quarter, -1);
        walked.setParameters(Reference.randomParameters(rnd, walked.parameterArrayLength(), 0.5));
        Reference.walkedCacheAgreesWithAFreshOne(walked, rnd, 60, 1e-9);
        Rbm real = Rbm.real(9, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> onSector(real, k, 0));
        assertTrue(e.getMessage().contains("real ansatz cannot carry it"), e.getMessage());
    }

    /**
     * All spins up is fixed by every translation, so its amplitude at momentum k ≠ 0 vanishes:
     * the cache says so (log ψ = −∞) and gives a ratio +∞ to a state of the sector, which the
     * sampler always accepts; after the move the cache agrees with a fresh one.
     */
    @Test
    void aChainStartedOnAVanishingConfigurationLeavesIt() {
        SplittableRandom rnd = new SplittableRandom(68);
        SymmetrySector k = TRIANGULAR.sector(SpaceGroup.Scope.TRANSLATIONS, new int[] {1, 2}, Optional.empty());
        Rbm rbm = Rbm.complex(9, 1);
        ProjectedWaveFunction psi = onSector(rbm, k, 0);
        psi.setParameters(Reference.randomParameters(rnd, psi.parameterArrayLength(), 0.5));
        WalkerCache cache = psi.newCache();
        int[] up = new int[9];
        java.util.Arrays.fill(up, 1);
        cache.reset(up);
        double[] log = new double[2];
        cache.logPsi(log);
        assertEquals(Double.NEGATIVE_INFINITY, log[0]);
        int[] sites = {0, 1};
        double[] ratio = new double[2];
        cache.ratio(sites, Reference.flipped(cache, sites), 0, 2, ratio);
        assertEquals(Double.POSITIVE_INFINITY, ratio[0]);
        cache.logRatio(sites, Reference.flipped(cache, sites), 0, 2, ratio);
        assertEquals(Double.POSITIVE_INFINITY, ratio[0]);
        cache.applyMove(sites, Reference.flipped(cache, sites), 0, 2);
        WalkerCache fresh = psi.newCache();
        fresh.reset(cache.configuration());
        double[] expected = new double[2];
        fresh.logPsi(expected);
        cache.logPsi(log);
        Reference.assertLogEquals(expected, log, 1e-10, "after leaving the vanishing state");
        assertTrue(expected[0] > Double.NEGATIVE_INFINITY);
    }
}
