package org.nqs4j.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hipparchus.analysis.integration.IterativeLegendreGaussIntegrator;
import org.junit.jupiter.api.Test;
import org.nqs4j.hamiltonians.PauliSumOperator;
import org.nqs4j.hamiltonians.SpinHilbert;
import org.nqs4j.hamiltonians.SpinModels;
import org.nqs4j.hamiltonians.Units;

class BetheAnsatzXxzTest {
    private static final Lanczos.Settings LANCZOS = Lanczos.Settings.defaults().withTolerance(1e-12);

    private static PauliSumOperator xxzRing(int length, double delta) {
        return SpinModels.xxz(Models.ring(length), 1, delta, Units.SPIN_HALF);
    }

    private static double ed(int length, double delta, SpinHilbert hilbert) {
        return ExactDiagonalization.lowest(xxzRing(length, delta), hilbert, 1, LANCZOS).groundEnergy();
    }

    /** The Bethe-ansatz energy of every ring of {@code lengths} at every Δ equals ED's lowest in {@code sector}. */
    private static void assertMatchesEd(int[] lengths, double[] deltas, java.util.function.IntFunction<SpinHilbert> sector) {
        for (double delta : deltas) {
            for (int length : lengths) {
                double exact = ed(length, delta, sector.apply(length));
                double ba = BetheAnsatzXxz.groundState(length, 1, delta).groundEnergy();
                assertEquals(exact, ba, 1e-10 * Math.abs(exact), "L = " + length + ", Δ = " + delta);
            }
        }
    }

    @Test
    void matchesExactDiagonalisationOfEvenRingsInTheSzZeroSector() {
        assertMatchesEd(new int[] {4, 6, 8, 10, 12, 14, 16}, new double[] {0, 0.5, -0.5, -0.9, 0.99, 1, 1.01, 2, 5, 20},
                l -> SpinHilbert.fixedMagnetization(l, 0));
    }

    @Test
    void matchesExactDiagonalisationOfOddRingsInTheSzHalfSector() {
        assertMatchesEd(new int[] {3, 5, 7, 9, 11, 13, 15}, new double[] {-0.4, 0, 0.5, 1, 2, 5},
                l -> SpinHilbert.fixedMagnetization(l, 1));
    }

    @Test
    void theSzZeroStateIsTheGroundStateOfTheFullSpaceForEvenRings() {
        assertMatchesEd(new int[] {4, 6, 8, 10, 12}, new double[] {-0.7, 0.3, 3}, SpinHilbert::unconstrained);
    }

    @Test
    void xxPointIsFreeFermions() {
        // Jordan–Wigner: H = (J/2) Σ (c†_i c_{i+1} + h.c.), single-particle energies J cos k with
        // k = 2π(n + 1/2)/L (M even, antiperiodic) or 2πn/L (M odd, periodic); filling the M = L/2
        // most negative ones gives −J Σ_{|I| ≤ (M−1)/2} cos(2πI/L) = −J / sin(π/L).
        for (int length = 4; length <= 400; length += 2) {
            double exact = -1.7 / Math.sin(Math.PI / length);
            assertEquals(exact, BetheAnsatzXxz.groundState(length, 1.7, 0).groundEnergy(), 1e-12 * Math.abs(exact),
                    "L = " + length);
        }
    }

    @Test
    void criticalRingsApproachYangAndYangWithTheConformalCorrection() {
        // e_∞ = Δ/4 − (sin γ/2) ∫ sinh((π−γ)x) / (sinh(πx) cosh(γx)) dx (Yang & Yang 1966; Takahashi
        // eq. 4.64), and E_0/L = e_∞ − π v/(6 L²) + O(L^−p) with c = 1, v = (π/2) sin γ/γ. The
        // remainder comes from the irrelevant operators: T T̄ (dimension 4, p = 4) and, at second
        // order, umklapp (dimension 4K, K = π/(2(π − γ)); p = 2 + 2(4K − 2)), so p = min(4, 8K − 2)
        // (Affleck, Gepner, Schulz, Ziman 1989). From L = 200 to 400 it must shrink by 2^p, ±20 %.
        for (double delta : new double[] {0.5, -0.5, 0.8}) {
            double gamma = Math.acos(delta);
            double p = Math.min(4, 8 * Math.PI / (2 * (Math.PI - gamma)) - 2);
            double eInf = delta / 4 - Math.sin(gamma) * halfLineIntegral(gamma);
            double v = Math.PI / 2 * Math.sin(gamma) / gamma;
            double[] remainder = new double[2];
            int i = 0;
            for (int length : new int[] {200, 400}) {
                double perSite = BetheAnsatzXxz.groundState(length, 1, delta).groundEnergy() / length;
                remainder[i++] = perSite - (eInf - Math.PI * v / (6.0 * length * length));
            }
            assertTrue(Math.abs(remainder[0]) < 1e-8, "Δ = " + delta + ": L = 200 off by " + remainder[0]);
            double ratio = remainder[0] / remainder[1];
            assertTrue(Math.abs(remainder[1]) < 1e-12 || Math.abs(ratio / Math.pow(2, p) - 1) < 0.2,
                    "Δ = " + delta + ": remainders " + remainder[0] + ", " + remainder[1]);
        }
    }

    /** ∫_0^∞ sinh((π−γ)x) / (sinh(πx) cosh(γx)) dx by Gauss–Legendre (the integrand decays as e^{−2γx}). */
    private static double halfLineIntegral(double gamma) {
        IterativeLegendreGaussIntegrator gauss = new IterativeLegendreGaussIntegrator(32, 1e-15, 1e-16);
        double end = 40 / gamma;
        double sum = 0;
        for (int k = 0; k < 40; k++) {
            sum += gauss.integrate(1_000_000,
                    x -> Math.sinh((Math.PI - gamma) * x) / (Math.sinh(Math.PI * x) * Math.cosh(gamma * x)),
                    k * end / 40, (k + 1) * end / 40);
        }
        return sum;
    }

    @Test
    void gappedRingsReachDesCloizeauxGaudinExponentially() {
        // e_∞ = Δ/4 − sinh η [1/2 + 2 Σ_{n≥1} 1/(e^{2nη} + 1)], Δ = cosh η (des Cloizeaux & Gaudin
        // 1966; Takahashi eq. 4.82); the gap makes the finite-size correction exponentially small
        // (at Δ = 2 about e^{−L/9.5}: 4e-8 at L = 100), below rounding at L = 400.
        for (double delta : new double[] {2, 5, 100}) {
            double eta = Math.log(delta + Math.sqrt(delta * delta - 1));
            double series = 0.5;
            for (int n = 1; n < 200; n++) {
                series += 2 / (Math.exp(2 * n * eta) + 1);
            }
            double eInf = delta / 4 - Math.sinh(eta) * series;
            double perSite = BetheAnsatzXxz.groundState(400, 1, delta).groundEnergy() / 400;
            assertEquals(eInf, perSite, 1e-14 * Math.abs(eInf), "Δ = " + delta);
        }
    }

    @Test
    void ferromagneticSideIsThePolarisedState() {
        for (double delta : new double[] {-1, -1.5, -4}) {
            for (int length = 3; length <= 10; length++) {
                double exact = ed(length, delta, SpinHilbert.unconstrained(length));
                assertEquals(exact, BetheAnsatzXxz.ferromagneticGroundEnergy(length, 1, delta), 1e-10 * Math.abs(exact),
                        "L = " + length + ", Δ = " + delta);
            }
        }
        for (int length = 4; length <= 12; length += 2) {
            double exact = ed(length, -1, SpinHilbert.fixedMagnetization(length, 0));
            assertEquals(exact, BetheAnsatzXxz.ferromagneticGroundEnergy(length, 1, -1), 1e-10 * Math.abs(exact));
        }
    }

    @Test
    void badInputIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> BetheAnsatzXxz.groundState(8, 1, -1));
        assertThrows(IllegalArgumentException.class, () -> BetheAnsatzXxz.groundState(9, 1, -0.5));
        assertThrows(IllegalArgumentException.class, () -> BetheAnsatzXxz.groundState(8, -1, 0.5));
        assertThrows(IllegalArgumentException.class, () -> BetheAnsatzXxz.groundState(8, 1, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> BetheAnsatzXxz.ferromagneticGroundEnergy(8, 1, -0.5));
    }
}
