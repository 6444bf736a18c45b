package org.nqs4j.hamiltonians;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nqs4j.hamiltonians.PauliStringTest.assertMessage;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PauliSumOperatorTest {

    private static Connections row(PauliSumOperator op, int... sigma) {
        Connections c = op.newConnections();
        op.connections(sigma, c);
        return c;
    }

    private static void assertEntry(Connections c, int k, double re, double im, int... flips) {
        assertEquals(re, c.re(k), 0, "re");
        assertEquals(im, c.im(k), 0, "im");
        int[] got = new int[c.flipCount(k)];
        for (int f = 0; f < got.length; f++) {
            got[f] = c.flipSite(k, f);
        }
        assertArrayEquals(flips, got, "flipped sites");
    }

    @Test
    void xFlipsWithUnitElement() {
        PauliSumOperator op = PauliSumOperator.of(3, List.of(PauliString.of(0.7, "X", 1)));
        Connections c = row(op, 1, -1, 1);
        assertEquals(1, c.size());
        assertEntry(c, 0, 0.7, 0, 1);
        assertTrue(op.isReal());
        assertEquals(1, op.maxFlips());
    }

    @Test
    void zIsDiagonalSigma() {
        PauliSumOperator op = PauliSumOperator.of(2, List.of(PauliString.of(0.7, "Z", 1)));
        assertEntry(row(op, 1, -1), 0, -0.7, 0);
        assertEntry(row(op, -1, 1), 0, 0.7, 0);
        assertEquals(0, op.maxFlips());
    }

    @Test
    void yGivesIOnUpAndMinusIOnDown() {
        // Y = [[0, -i], [i, 0]] in (up, down): Y|up> = i|down>, Y|down> = -i|up>
        PauliSumOperator op = PauliSumOperator.of(1, List.of(PauliString.of(1, "Y", 0)));
        assertEntry(row(op, 1), 0, 0, 1, 0);
        assertEntry(row(op, -1), 0, 0, -1, 0);
        assertFalse(op.isReal());
    }

    @Test
    void oddYStringIsImaginaryWithSigmaSigns() {
        // 0.7 X0 Y1 Z2 on (up, down, down): X gives 1, Y|down> = -i|up>, Z|down> = -|down>:
        // 0.7 * 1 * (-i) * (-1) = +0.7i, flipping sites 0 and 1.
        PauliSumOperator op = PauliSumOperator.of(3, List.of(PauliString.of(0.7, "XYZ", 0, 1, 2)));
        assertEntry(row(op, 1, -1, -1), 0, 0, 0.7, 0, 1);
        assertEntry(row(op, 1, 1, -1), 0, 0, -0.7, 0, 1);
        assertFalse(op.isReal());
    }

    @Test
    void yyIsRealMinusSigmaSigma() {
        // Y⊗Y |up,down> = (i)(-i)|down,up> = +|down,up>; on parallel spins -1
        PauliSumOperator op = PauliSumOperator.of(2, List.of(PauliString.of(1, "YY", 0, 1)));
        assertEntry(row(op, 1, -1), 0, 1, 0, 0, 1);
        assertEntry(row(op, 1, 1), 0, -1, 0, 0, 1);
        assertTrue(op.isReal());
    }

    @Test
    void termsWithOneFlipSetGiveOneEntryAndCancellationsAreSkipped() {
        PauliSumOperator op = PauliSumOperator.of(2, List.of(PauliString.of(1, "XX", 0, 1),
                PauliString.of(1, "YY", 0, 1), PauliString.of(0.5, "ZZ", 0, 1)));
        assertEquals(2, op.maxConnections());
        Connections parallel = row(op, -1, -1);
        assertEquals(1, parallel.size(), "XX + YY = 1 - σ0σ1 vanishes on parallel spins");
        assertEntry(parallel, 0, 0.5, 0);
        Connections antiparallel = row(op, 1, -1);
        assertEquals(2, antiparallel.size());
        assertEntry(antiparallel, 0, -0.5, 0);
        assertEntry(antiparallel, 1, 2, 0, 0, 1);
    }

    @Test
    void identicalStringsMergeAndZeroTermsVanish() {
        PauliSumOperator op = PauliSumOperator.of(3, List.of(PauliString.of(1, "XZ", 0, 2),
                PauliString.of(0.5, "ZX", 2, 0), PauliString.of(2, "Y", 1), PauliString.of(-2, "Y", 1)));
        assertEquals(List.of(PauliString.of(1.5, "XZ", 0, 2)), op.terms());
        assertTrue(op.isReal(), "the odd-Y term cancelled");
        assertEquals(1, op.maxConnections());
    }

    @Test
    void identityTermIsConstantDiagonal() {
        PauliSumOperator op = PauliSumOperator.of(2, List.of(PauliString.identity(0.25), PauliString.of(1, "Z", 0)));
        assertEntry(row(op, -1, 1), 0, -0.75, 0);
    }

    /** Independent reference: ⟨b'|c·P|b⟩ = c Π_k (P_k)_{b'_k, b_k} with 2×2 complex Pauli matrices. */
    private static double[][][] kronecker(int n, List<PauliString> terms) {
        // single-site matrices {re, im}[row][col], index 0 = up, 1 = down
        double[][][][] pauli = {
                {{{1, 0}, {0, 1}}, {{0, 0}, {0, 0}}},   // I
                {{{0, 1}, {1, 0}}, {{0, 0}, {0, 0}}},   // X
                {{{0, 0}, {0, 0}}, {{0, -1}, {1, 0}}},  // Y
                {{{1, 0}, {0, -1}}, {{0, 0}, {0, 0}}}}; // Z
        int dim = 1 << n;
        double[][][] m = new double[2][dim][dim];
        for (PauliString t : terms) {
            int[] op = new int[n];
            for (int k = 0; k < t.weight(); k++) {
                op[t.site(k)] = t.operator(k).ordinal() + 1;
            }
            for (int r = 0; r < dim; r++) {
                for (int col = 0; col < dim; col++) {
                    double re = t.coefficient();
                    double im = 0;
                    for (int s = 0; s < n; s++) {
                        int a = (r >> s) & 1;
                        int b = (col >> s) & 1;
                        double pr = pauli[op[s]][0][a][b];
                        double pi = pauli[op[s]][1][a][b];
                        double nr = re * pr - im * pi;
                        im = re * pi + im * pr;
                        re = nr;
                    }
                    m[0][r][col] += re;
                    m[1][r][col] += im;
                }
            }
        }
        return m;
    }

    private static List<PauliString> randomTerms(Random rnd, int n, int count) {
        List<PauliString> terms = new ArrayList<>();
        for (int t = 0; t < count; t++) {
            StringBuilder ops = new StringBuilder();
            int[] sites = new int[n];
            for (int s = 0; s < n; s++) {
                ops.append("IXYZ".charAt(rnd.nextInt(4)));
                sites[s] = s;
            }
            terms.add(PauliString.of(rnd.nextGaussian(), ops.toString(), sites));
        }
        return terms;
    }

    @Test
    void matchesKroneckerProductsOfPauliMatrices() {
        Random rnd = new Random(11);
        int n = 4;
        List<PauliString> terms = randomTerms(rnd, n, 40);
        double[][][] expected = kronecker(n, terms);
        double[][][] got = Dense.matrix(PauliSumOperator.of(n, terms));
        // each element sums <= 40 products of O(1) coefficients with ±1, ±i: rounding <= 40 ε max|c| ~ 4e-14
        for (int p = 0; p < 2; p++) {
            for (int r = 0; r < expected[p].length; r++) {
                assertArrayEquals(expected[p][r], got[p][r], 1e-13);
            }
        }
    }

    @Test
    void realCoefficientSumIsHermitianOnRandomConfigurations() {
        Random rnd = new Random(5);
        int n = 10;
        PauliSumOperator op = PauliSumOperator.of(n, randomTerms(rnd, n, 60));
        assertFalse(op.isReal());
        Connections c = op.newConnections();
        Connections back = op.newConnections();
        for (int sample = 0; sample < 50; sample++) {
            int[] sigma = Dense.config(rnd.nextInt(1 << n), n);
            op.connections(sigma, c);
            for (int k = 0; k < c.size(); k++) {
                int[] target = Dense.config(Dense.target(sigma, c, k), n);
                op.connections(target, back);
                boolean found = false;
                for (int m = 0; m < back.size(); m++) {
                    if (Dense.target(target, back, m) == Dense.index(sigma)) {
                        // ⟨σ|H|σ'⟩ = conj⟨σ'|H|σ⟩; both are sums of the same terms in the same order
                        assertEquals(c.re(k), back.re(m), 0);
                        assertEquals(-c.im(k), back.im(m), 0);
                        found = true;
                    }
                }
                assertTrue(found, "reverse connection missing");
            }
        }
    }

    @Test
    void plusAndScaledActOnElements() {
        PauliSumOperator a = PauliSumOperator.of(2, List.of(PauliString.of(1, "XX", 0, 1)));
        PauliSumOperator b = PauliSumOperator.of(2, List.of(PauliString.of(1, "YY", 0, 1), PauliString.of(3, "Z", 0)));
        PauliSumOperator sum = a.plus(b).scaled(-2);
        assertEntry(row(sum, 1, -1), 0, -6, 0);
        assertEntry(row(sum, 1, -1), 1, -4, 0, 0, 1);
        assertEquals(1, row(sum, 1, 1).size());
        assertMessage(() -> a.plus(PauliSumOperator.of(3, List.of())), "2 and 3 sites");
    }

    @Test
    void marshallRotationMultipliesElementsBySublatticeSigns() {
        Random rnd = new Random(8);
        int n = 4;
        int[] sub = {0, 1, 1, 0};
        PauliSumOperator op = PauliSumOperator.of(n, randomTerms(rnd, n, 30));
        double[][][] h = Dense.matrix(op);
        double[][][] rotated = Dense.matrix(op.marshallRotated(sub));
        for (int r = 0; r < h[0].length; r++) {
            for (int col = 0; col < h[0].length; col++) {
                // ⟨σ'|UHU|σ⟩ = s(σ') s(σ) ⟨σ'|H|σ⟩, s(σ) = Π_{j∈B} σ_j;
                // exact: the terms of one flip set share the sign
                double s = sign(Dense.config(r, n), sub) * sign(Dense.config(col, n), sub);
                assertEquals(s * h[0][r][col], rotated[0][r][col], 0);
                assertEquals(s * h[1][r][col], rotated[1][r][col], 0);
            }
        }
    }

    private static int sign(int[] sigma, int[] sub) {
        int s = 1;
        for (int j = 0; j < sigma.length; j++) {
            if (sub[j] == 1) {
                s *= sigma[j];
            }
        }
        return s;
    }

    @Test
    void rejectsBadInput() {
        assertMessage(() -> PauliSumOperator.of(2, List.of(PauliString.of(1, "X", 2))), "outside 0..1");
        assertMessage(() -> PauliSumOperator.of(0, List.of()), "at least one site");
        PauliSumOperator op = PauliSumOperator.of(2, List.of(PauliString.of(1, "X", 1)));
        assertMessage(() -> op.connections(new int[3], op.newConnections()), "3 sites");
        assertMessage(() -> op.marshallRotated(new int[] {0}), "1 entries");
        assertMessage(() -> op.marshallRotated(new int[] {0, 2}), "allowed are 0 and 1");
    }

    /** ‖Ô‖ ≤ Σ|c_k| (merged terms): every eigenvalue of random sums lies inside, and one term reaches it. */
    @Test
    void normBoundContainsTheSpectrum() {
        Random rnd = new Random(3);
        String letters = "IXZ"; // real, so that the dense eigensolver applies
        for (int trial = 0; trial < 20; trial++) {
            List<PauliString> terms = new ArrayList<>();
            for (int t = 0; t < 6; t++) {
                StringBuilder ops = new StringBuilder();
                for (int k = 0; k < 3; k++) {
                    ops.append(letters.charAt(rnd.nextInt(3)));
                }
                terms.add(PauliString.of(rnd.nextGaussian(), ops.toString(), 0, 1, 3));
            }
            PauliSumOperator op = PauliSumOperator.of(4, terms);
            for (double e : Dense.eigenvalues(op)) {
                assertTrue(Math.abs(e) <= op.normBound() * (1 + 1e-12), e + " outside +-" + op.normBound());
            }
        }
        PauliSumOperator one = PauliSumOperator.of(2, List.of(PauliString.of(-1.5, "XZ", 0, 1),
                PauliString.of(0.5, "XZ", 0, 1)));
        assertEquals(1.0, one.normBound(), 0.0);
        assertEquals(-1.0, Dense.eigenvalues(one)[0], 1e-12);
    }

    @Test
    void conservationOfTotalSigmaZIsDecidedFromTheMatrixElements() {
        Lattice ring = Lattice.chain(6, Boundary.PERIODIC, true);
        assertTrue(SpinModels.heisenberg(ring, 1, Units.PAULI).conservesSum(0, 6), "Heisenberg conserves Σσ");
        assertTrue(SpinModels.xxz(ring, 1, 0.3, Units.SPIN_HALF).conservesSum(0, 6));
        assertTrue(SpinModels.j1j2(ring, 1, 0.5, Units.PAULI).marshallRotated(new int[] {0, 1, 0, 1, 0, 1})
                .conservesSum(0, 6), "the Marshall rotation keeps the sectors");
        assertFalse(SpinModels.heisenberg(ring, 1, Units.PAULI).conservesSum(0, 3), "spins hop out of half the ring");
        assertFalse(SpinModels.transverseFieldIsing(ring, 1, 0.5, Units.PAULI).conservesSum(0, 6), "X flips one spin");
        assertTrue(SpinModels.transverseFieldIsing(ring, 1, 0, Units.PAULI).conservesSum(0, 6), "h = 0: only ZZ");
        // XX − YY = 2(σ⁺σ⁺ + σ⁻σ⁻) changes Σσ by ±4; XX + YY does not change it
        assertFalse(PauliSumOperator.of(2, List.of(PauliString.of(1, "XX", 0, 1), PauliString.of(-1, "YY", 0, 1)))
                .conservesSum(0, 2));
        assertTrue(PauliSumOperator.of(2, List.of(PauliString.of(1, "XX", 0, 1), PauliString.of(1, "YY", 0, 1)))
                .conservesSum(0, 2));
        assertTrue(PauliSumOperator.of(2, List.of(PauliString.of(1, "XY", 0, 1), PauliString.of(-1, "YX", 0, 1)))
                .conservesSum(0, 2), "XY − YX = 2i(σ⁺σ⁻ − σ⁻σ⁺)");
    }
}
