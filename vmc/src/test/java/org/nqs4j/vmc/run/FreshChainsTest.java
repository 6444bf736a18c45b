package org.nqs4j.vmc.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nqs4j.ansatz.WaveFunction;
import org.nqs4j.hamiltonians.Boundary;
import org.nqs4j.hamiltonians.Lattice;
import org.nqs4j.hamiltonians.SpinHilbert;
import org.nqs4j.hamiltonians.SpinModels;
import org.nqs4j.hamiltonians.Units;
import org.nqs4j.optimizers.IdentityPreconditioner;
import org.nqs4j.optimizers.Schedule;
import org.nqs4j.optimizers.Sgd;
import org.nqs4j.samplers.ChainPool;
import org.nqs4j.samplers.ExchangeRule;
import org.nqs4j.samplers.MetropolisSampler;
import org.nqs4j.samplers.ScratchState;
import org.nqs4j.vmc.config.FreshChains;
import org.nqs4j.vmc.driver.ChainEnergy;
import org.nqs4j.vmc.driver.SampledOperator;
import org.nqs4j.vmc.driver.VmcDriver;
import org.nqs4j.vmc.stats.Estimate;
import org.nqs4j.vmc.stats.LanczosStep;

/**
 * The fresh-chains check against a state whose |ψ|² bond exchanges cannot cross: on the 8-site Heisenberg ring
 * (S_z = 0), ψ = e^{−b} on the configurations with four domain walls and 1 elsewhere. With a barrier b = 15
 * the ferromagnetic domains (two walls) are cut off from the Néel side (six and eight walls) for bond
 * exchanges, which change the wall count by 0 or ±2 per flipped spin and so pass through four walls;
 * an exchange of any two spins can jump from six walls to two.
 */
class FreshChainsTest {
    private static final Lattice RING = Lattice.chain(8, Boundary.PERIODIC, false);
    private static final int[] NEEL = {1, -1, 1, -1, 1, -1, 1, -1};

    /** The run's chains (all started at Néel, bond exchanges), the fresh ones (any pair) and the check. */
    private record Sampled(Estimate trained, ChainEnergy fresh, ResultCheck check) {
    }

    private static Sampled sample(double barrier) {
        WaveFunction psi = new WallBarrier(barrier);
        SpinHilbert hilbert = SpinHilbert.fixedMagnetization(8, 0);
        MetropolisSampler trained = new MetropolisSampler(psi, hilbert, ExchangeRule.onEdges(RING.edges()), 16, 8, 5);
        trained.startAt(NEEL);
        try (ChainPool pool = new ChainPool(2)) {
            VmcDriver driver = new VmcDriver(psi, SampledOperator.of(SpinModels.heisenberg(RING, 1.0, Units.SPIN_HALF)),
                    trained, new IdentityPreconditioner(), new Sgd(Schedule.constant(0.1)), pool, 100, 5);
            Estimate e = driver.evaluate(400, 20, List.of(), LanczosStep.Mode.NONE).energy();
            MetropolisSampler fresh = new MetropolisSampler(psi, hilbert, ExchangeRule.anyPair(8), 16, 8, 7);
            ChainEnergy f = driver.energyFrom(fresh, 200, 40);
            return new Sampled(e, f, ResultChecks.freshChains(e, f, 16, "exchange-any"));
        }
    }

    /**
     * ⟨Ĥ⟩ of ψ = e^{−b·[four walls]} summed over the configurations whose wall count {@code walls} accepts:
     * E_L(x) = Σ_bonds ¼ s_i s_j + ½ ψ(x with s_i, s_j exchanged)/ψ(x) where s_i ≠ s_j (Ĥ = Σ S_i·S_j).
     */
    private static double exactEnergy(double barrier, java.util.function.IntPredicate walls) {
        WallBarrier psi = new WallBarrier(barrier);
        double[] log = new double[2];
        double[] other = new double[2];
        double weight = 0;
        double energy = 0;
        for (int bits = 0; bits < 256; bits++) {
            if (Integer.bitCount(bits) != 4) {
                continue;
            }
            int[] x = new int[8];
            for (int i = 0; i < 8; i++) {
                x[i] = (bits >> i & 1) == 1 ? 1 : -1;
            }
            if (!walls.test(WallBarrier.walls(x))) {
                continue;
            }
            psi.logPsi(x, log);
            double local = 0;
            for (int i = 0; i < 8; i++) {
                int j = (i + 1) % 8;
                local += 0.25 * x[i] * x[j];
                if (x[i] != x[j]) {
                    int[] y = x.clone();
                    y[i] = x[j];
                    y[j] = x[i];
                    psi.logPsi(y, other);
                    local += 0.5 * Math.exp(other[0] - log[0]);
                }
            }
            double w = Math.exp(2 * log[0]);
            weight += w;
            energy += w * local;
        }
        return energy / weight;
    }

    @Test
    void chainsCutOffFromADomainOfPsiAreFlagged() {
        Sampled s = sample(15);
        // the run's chains see the Néel side only, the fresh ones the whole of |ψ|² (the domains' E_L = +1 too)
        double neelSide = exactEnergy(15, w -> w >= 4);
        double whole = exactEnergy(15, w -> true);
        assertTrue(Math.abs(s.trained().mean() - neelSide) <= 4 * s.trained().error(),
                () -> s.trained() + " against the Néel side's " + neelSide);
        assertTrue(Math.abs(s.fresh().energy().mean() - whole) <= 4 * s.fresh().energy().error(),
                () -> s.fresh().energy() + " against the whole state's " + whole);
        assertTrue(whole - neelSide > 0.05, "the domains weigh in (exact: 0.769 and 0.824): " + neelSide + " " + whole);
        assertFalse(s.check().passed(), s.check().message());
        assertTrue(s.check().message().contains("miss a region"), s.check().message());
    }

    @Test
    void chainsThatMixAgreeWithFreshOnes() {
        Sampled s = sample(0);
        double whole = exactEnergy(0, w -> true);
        assertTrue(Math.abs(s.trained().mean() - whole) <= 4 * s.trained().error(), () -> s.trained() + " " + whole);
        assertTrue(s.check().passed(), s.check().message());
    }

    @Test
    void theDefaultChecksWhereNoTrialStateWasSummed() {
        FreshChains auto = new FreshChains.Auto();
        assertEquals(0, auto.perChain(2500, 16, true), "the trial-state sum is the stronger check");
        assertEquals(625, auto.perChain(2500, 16, false), "a quarter of the estimate's samples");
        assertEquals(100, auto.perChain(250, 16, false), "at least 100 per chain");
        assertEquals(50, auto.perChain(50, 16, false), "or as many as the estimate's");
        assertEquals(63, new FreshChains.Samples(1000).perChain(2500, 16, true), "whole chains");
        assertEquals(0, new FreshChains.Off().perChain(2500, 16, false));
    }

    /** log ψ = −b on configurations with four domain walls, 0 elsewhere; b its one parameter. */
    private static final class WallBarrier extends ScratchState {
        WallBarrier(double barrier) {
            super(8, 8, barrier);
        }

        static int walls(int[] x) {
            int w = 0;
            for (int i = 0; i < x.length; i++) {
                w += x[i] != x[(i + 1) % x.length] ? 1 : 0;
            }
            return w;
        }

        @Override
        protected double logAmplitude(int[] x) {
            return walls(x) == 4 ? -parameters[0] : 0;
        }

        @Override
        protected void logDerivatives(int[] x, double[] out, int offset) {
            out[offset] = walls(x) == 4 ? -1 : 0;
        }

        @Override
        public String description() {
            return "domain-wall barrier " + parameters[0];
        }
    }
}
