package org.nqs4j.vmc.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nqs4j.hamiltonians.Lattice;
import org.nqs4j.hamiltonians.PauliSumOperator;
import org.nqs4j.hamiltonians.SpinModels;
import org.nqs4j.vmc.stats.Estimate;

class ImpossibleEnergyTest {
    private static Estimate estimate(double mean, double error, double variance) {
        return new Estimate(mean, error, variance, 1, 1, 1000);
    }

    /** ‖H‖ ≤ Σ|c_k|: the 4×4 Heisenberg model in spin units has 32 bonds × 3 terms of 1/4, R = 24. */
    @Test
    void normBoundIsTheSumOfTheCoefficients() {
        PauliSumOperator h = SpinModels.heisenberg(Lattice.square(4, org.nqs4j.hamiltonians.Boundary.PERIODIC, false), 1.0,
                org.nqs4j.hamiltonians.Units.SPIN_HALF);
        assertEquals(24.0, h.normBound(), 1e-12);
        assertTrue(-11.228483 > -h.normBound(), "E0 lies inside [-R, R]");
    }

    @Test
    void samplesThatCannotComeFromPsiSquaredAreRecognised() {
        double r = 24;
        assertNull(VmcDriver.impossibleEnergy(estimate(-11.2, 0.01, 0.5), r));
        // the state that saturates the bound, sampled exactly (zero variance): allowed
        assertNull(VmcDriver.impossibleEnergy(estimate(-24, 0, 0), r));
        // 3 error bars below −R: a fluctuation; 5: impossible
        assertNull(VmcDriver.impossibleEnergy(estimate(-24.3, 0.1, 10), r));
        String below = VmcDriver.impossibleEnergy(estimate(-24.5, 0.1, 10), r);
        assertTrue(below != null && below.contains("below -24"), below);
        // seed 1235 of the 4×4 C4v case with a constant shift: −1.46e8 ± 1.0e8, variance 3.1e18
        String wild = VmcDriver.impossibleEnergy(estimate(-1.46e8, 1.0e8, 3.06e18), r);
        assertTrue(wild != null && wild.contains("variance") && wild.contains("equilibrium"), wild);
        // no bound known: nothing is judged
        assertNull(VmcDriver.impossibleEnergy(estimate(-1e30, 1, 1e60), Double.POSITIVE_INFINITY));
    }

    /**
     * The 6-site TFIM (h = 0.8, R = 10.8) of the undone-step resume test: a step from −5.11 ± 0.52
     * to −2.0 ± 0 rises by 3.1 > 5 × 0.52 + 0.0108 and is undone; a rise within the noise, or a fall,
     * is kept; near an eigenstate (error bars 1e-9) a rise below 10⁻³ R is kept.
     */
    @Test
    void aRiseBeyondTheNoiseOfTheTwoEstimatesIsCatastrophic() {
        double r = 10.8;
        String rise = VmcDriver.catastrophicRise(estimate(-5.11, 0.52, 17), estimate(-2.0, 0, 0), r);
        assertTrue(rise != null && rise.contains("energy rose") && rise.contains("wrecked"), rise);
        assertNull(VmcDriver.catastrophicRise(estimate(-5.11, 0.52, 17), estimate(-4.0, 0.5, 17), r));
        assertNull(VmcDriver.catastrophicRise(estimate(-5.11, 0.52, 17), estimate(-6.0, 0.4, 12), r));
        assertNull(VmcDriver.catastrophicRise(estimate(-6.9, 1e-9, 1e-12), estimate(-6.9 + 1e-3, 1e-9, 1e-12), r));
        assertTrue(VmcDriver.catastrophicRise(estimate(-6.9, 1e-9, 1e-12), estimate(-6.8, 1e-9, 1e-12), r) != null);
        // exact sums (no error bars): the floor alone decides, and the message says an exact energy rose
        assertNull(VmcDriver.catastrophicRise(estimate(-6.9, 0, 0.1), estimate(-6.9 + 1e-2, 0, 0.1), r));
        String exact = VmcDriver.catastrophicRise(estimate(-6.9, 0, 0.1), estimate(-6.88, 0, 0.1), r);
        assertTrue(exact != null && exact.startsWith("exact energy rose") && !exact.contains("error bars"), exact);
    }

    /**
     * The J1-J2 6×6 cases of {@link VmcDriver#varianceBlowUp} (N = 36, R = 72 × 3/4 + 72 × 3/8 = 81, floor
     * 10⁻¹ R²/N = 18.2): the variance from 0.54 to 1,935 in one step is undone, although the energy's rise
     * (−18.003 ± 0.013 to −17.358 ± 0.84) lies within 5 combined error bars; so is session 16's step from
     * 0.281 to 432 (−18.0298 ± 0.0087 to −16.45 ± 1.57), which the old floor 10⁻¹ R² = 656 kept and after
     * which the chains stuck; an ordinary step (0.54 → 0.9), a start next to an eigenstate (0 → 15 < 18.2)
     * and an unknown bound are kept.
     */
    @Test
    void aVarianceThatJumpsAHundredfoldInOneStepIsCatastrophic() {
        double r = 81;
        int n = 36;
        Estimate good = estimate(-18.003, 0.013, 0.54);
        Estimate wrecked = estimate(-17.358, 0.84, 1935);
        assertNull(VmcDriver.catastrophicRise(good, wrecked, r), "the rise alone does not show it");
        String blowUp = VmcDriver.varianceBlowUp(good, wrecked, r, n);
        assertTrue(blowUp != null && blowUp.contains("variance rose from 0.540 to 1.94e+03"), blowUp);
        Estimate before = estimate(-18.0298, 0.0087, 0.281);
        Estimate heavy = estimate(-16.4505, 1.5666, 432.391);
        assertNull(VmcDriver.catastrophicRise(before, heavy, r), "its error bar hides the rise");
        blowUp = VmcDriver.varianceBlowUp(before, heavy, r, n);
        assertTrue(blowUp != null && blowUp.contains("per site, 18.2"), blowUp);
        assertNull(VmcDriver.varianceBlowUp(good, estimate(-18.01, 0.015, 0.9), r, n));
        assertNull(VmcDriver.varianceBlowUp(estimate(-6.9, 0, 0), estimate(-6.8, 0.1, 15), r, n));
        assertTrue(VmcDriver.varianceBlowUp(estimate(-6.9, 0, 0), estimate(-6.8, 0.1, 20), r, n) != null);
        assertNull(VmcDriver.varianceBlowUp(good, wrecked, Double.POSITIVE_INFINITY, n));
    }

    /**
     * {@link VmcDriver#chainsSplit}: the 6×6 step after which R̂ went from 1.00 to 1.31 (acceptance 0.26
     * and 0.24) is undone; noise around 1 (1.00 → 1.08), chains that never agreed (1.6 → 4.4: judged by
     * the other checks), frozen chains (acceptance 7e-5 on either side: R̂ 1.000 → 1.5e12 in the L = 8
     * stall test) and exact sums (R̂ = 1) are kept.
     */
    @Test
    void chainsThatSplitAfterAStepAreCaught() {
        String split = VmcDriver.chainsSplit(rHat(1.002), 0.258, rHat(1.31), 0.244);
        assertTrue(split != null && split.contains("from 1.002 to 1.310"), split);
        assertNull(VmcDriver.chainsSplit(rHat(1.0), 0.258, rHat(1.08), 0.25));
        assertNull(VmcDriver.chainsSplit(rHat(1.6), 0.258, rHat(4.4), 0.25));
        assertNull(VmcDriver.chainsSplit(rHat(1.0), 7e-5, rHat(1.5e12), 0.25));
        assertNull(VmcDriver.chainsSplit(rHat(1.0), 0.25, rHat(1.5e12), 7e-5));
        assertNull(VmcDriver.chainsSplit(rHat(1.0), 1, rHat(1.0), 1));
        assertNull(VmcDriver.chainsSplit(rHat(1.0), 0.25, rHat(Double.NaN), 0.25));
    }

    private static Estimate rHat(double r) {
        return new Estimate(-18.0, 0.01, 0.5, 1, r, 2016);
    }
}
