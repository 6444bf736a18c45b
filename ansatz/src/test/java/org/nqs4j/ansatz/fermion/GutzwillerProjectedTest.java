package org.nqs4j.ansatz.fermion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.nqs4j.ansatz.WalkerCache;
import org.nqs4j.ansatz.WaveFunction;
import org.nqs4j.hamiltonians.Boundary;
import org.nqs4j.hamiltonians.Lattice;
import org.nqs4j.hamiltonians.SpinHilbert;

class GutzwillerProjectedTest {
    /**
     * The projected Fermi sea of the nearest-neighbour ring is the exact ground state of the
     * Haldane–Shastry chain H = Σ_{i&lt;j} (π/L)² / sin²(π(i − j)/L) Sᵢ·Sⱼ (Haldane, PRL 60, 635 (1988);
     * Shastry, PRL 60, 639 (1988)), with E₀ = −(π²/24)(L + 5/L): Hψ = E₀ψ on every state of S_z = 0. A wrong
     * site-order sign s(σ) leaves a state that is no eigenstate at all.
     */
    @Test
    void theProjectedFermiSeaIsTheHaldaneShastryGroundState() {
        int l = 10; // 5 ↑ and 5 ↓ fill the closed shell k = 0, ±1, ±2 (in units of 2π/L)
        Lattice ring = Lattice.chain(l, Boundary.PERIODIC, false);
        assertTrue(TightBinding.isClosedShell(ring, 1, 0, 5, 5));
        for (FermionWaveFunction phi : new FermionWaveFunction[] {
                SlaterDeterminant.of(TightBinding.groundState(ring, 1, 0, 5, 5)),
                PairProduct.of(TightBinding.groundState(ring, 1, 0, 5, 5))}) {
            WaveFunction psi = GutzwillerProjected.of(phi);
            SpinHilbert hilbert = SpinHilbert.fixedMagnetization(l, 0);
            double[] amplitudes = amplitudes(psi, hilbert);
            double e0 = -Math.PI * Math.PI / 24 * (l + 5.0 / l);
            int[] sigma = new int[l];
            double norm = 0;
            for (long a = 0; a < hilbert.nStates(); a++) {
                norm = Math.max(norm, Math.abs(amplitudes[(int) a]));
            }
            for (long a = 0; a < hilbert.nStates(); a++) {
                hilbert.state(a, sigma);
                double h = 0; // (Hψ)(σ)
                for (int i = 0; i < l; i++) {
                    for (int j = i + 1; j < l; j++) {
                        double s = Math.sin(Math.PI * (j - i) / l);
                        double coupling = Math.PI * Math.PI / (l * l * s * s);
                        h += coupling * 0.25 * sigma[i] * sigma[j] * amplitudes[(int) a];
                        if (sigma[i] != sigma[j]) {
                            swap(sigma, i, j);
                            h += coupling * 0.5 * amplitudes[(int) hilbert.index(sigma)];
                            swap(sigma, i, j);
                        }
                    }
                }
                assertEquals(e0 * amplitudes[(int) a], h, 1e-11 * norm, phi.description() + ", state " + a);
            }
        }
    }

    /** Ratios of exchanges of opposite spins against fresh amplitudes along a walk; log ψ and O_k after each accepted one. */
    @Test
    void ratiosAlongAWalkAgreeWithFreshAmplitudes() {
        int l = 8;
        PairProduct pp = PairProduct.of(FermionTestSupport.randomOrbitals(3, l, 4, 4));
        double[] f = new double[pp.nParameters()];
        SplittableRandom rng = new SplittableRandom(5);
        for (int k = 0; k < f.length; k++) {
            f[k] = rng.nextDouble() - 0.5; // a pairing beyond one determinant
        }
        pp.setParameters(f);
        int[] marshall = {0, 1, 0, 1, 0, 1, 0, 1};
        for (WaveFunction psi : new WaveFunction[] {GutzwillerProjected.of(pp),
                GutzwillerProjected.inMarshallFrame(pp, marshall)}) {
            WalkerCache cache = psi.newCache();
            int[] sigma = {1, -1, 1, 1, -1, -1, 1, -1};
            cache.reset(sigma);
            double[] out = new double[2];
            double[] fresh = new double[2];
            double[] before = new double[2];
            int accepted = 0;
            for (int step = 0; step < 300; step++) {
                int[] x = cache.configuration().clone();
                int i;
                int j;
                do {
                    i = rng.nextInt(l);
                    j = rng.nextInt(l);
                } while (x[i] == x[j]);
                int[] sites = {i, j};
                int[] values = {-x[i], -x[j]};
                cache.ratio(sites, values, 0, 2, out);
                double ratio = out[0];
                psi.logPsi(x, before);
                swap(x, i, j);
                psi.logPsi(x, fresh);
                double expected = Math.exp(fresh[0] - before[0]) * Math.cos(fresh[1] - before[1]);
                assertEquals(expected, ratio, 1e-10 * Math.max(1, Math.abs(expected)), "step " + step);
                if (rng.nextDouble() < Math.min(1, ratio * ratio)) {
                    cache.applyMove(sites, values, 0, 2);
                    accepted++;
                    cache.logPsi(out);
                    assertEquals(fresh[0], out[0], 1e-10, "log |ψ| at step " + step);
                    assertEquals(fresh[1], out[1], 0, "sign at step " + step);
                }
            }
            assertTrue(accepted > 50, "the walk moved: " + accepted);
        }
    }

    /** The sign and the Marshall frame on every state: ψ′(σ) = (−1)^{N↑(B)} s(σ) φ(n(σ)), s counted pair by pair. */
    @Test
    void amplitudesAreTheSignedFermionAmplitudes() {
        int l = 6;
        SlaterDeterminant phi = SlaterDeterminant.of(FermionTestSupport.randomOrbitals(2, l, 3, 3));
        int[] b = {0, 1, 0, 1, 0, 1};
        WaveFunction rotated = GutzwillerProjected.inMarshallFrame(phi, b);
        SpinHilbert hilbert = SpinHilbert.fixedMagnetization(l, 0);
        int[] sigma = new int[l];
        int[] n = new int[2 * l];
        double[] out = new double[2];
        for (long a = 0; a < hilbert.nStates(); a++) {
            hilbert.state(a, sigma);
            int crossings = 0;
            int upsOnB = 0;
            for (int p = 0; p < l; p++) {
                n[p] = sigma[p] > 0 ? 1 : 0;
                n[p + l] = 1 - n[p];
                upsOnB += sigma[p] > 0 ? b[p] : 0;
                for (int q = p + 1; q < l; q++) {
                    crossings += sigma[p] < 0 && sigma[q] > 0 ? 1 : 0;
                }
            }
            double expected = ((crossings + upsOnB) % 2 == 0 ? 1 : -1) * FermionTestSupport.psi(phi, n);
            rotated.logPsi(sigma, out);
            assertEquals(expected, Math.exp(out[0]) * Math.cos(out[1]), 1e-12 * (1 + Math.abs(expected)), "state " + a);
        }
    }

    /**
     * The Fermi-sea pairing: on a closed shell the Slater determinant's F = Φ↑Φ↓ᵀ; on the open shell of the
     * L = 8 ring at 4 pairs (k = 0, ±1 filled, one pair in the shell ±2) the shell shared equally,
     * F = Σ_{|k|≤1} φφᵀ + ½ Σ_{k=±2} φφᵀ: a function of r − r′ alone (translation invariant), symmetric, of trace 3 + ½·2.
     */
    @Test
    void theFermiSeaPairingSharesAnOpenShell() {
        Lattice ring10 = Lattice.chain(10, Boundary.PERIODIC, false);
        SpinOrbitals closed = TightBinding.groundState(ring10, 1, 0, 5, 5);
        double[] f = TightBinding.fermiSeaPairing(ring10, 1, 0, 5, new boolean[0]);
        double[] expected = new double[100];
        PairProduct.of(closed).getParameters(expected);
        for (int k = 0; k < f.length; k++) {
            assertEquals(expected[k], f[k], 1e-12, "closed shell, entry " + k);
        }
        int l = 8;
        double[] open = TightBinding.fermiSeaPairing(Lattice.chain(l, Boundary.PERIODIC, false), 1, 0, 4, new boolean[0]);
        double trace = 0;
        for (int r = 0; r < l; r++) {
            trace += open[r * l + r];
            for (int q = 0; q < l; q++) {
                assertEquals(open[r * l + q], open[((r + 1) % l) * l + (q + 1) % l], 1e-12, "translation, " + r + ", " + q);
                assertEquals(open[r * l + q], open[q * l + r], 1e-12, "symmetry");
                double d = 2 * Math.PI * (r - q) / l; // (1 + 2cos d + cos 2d)/L: k = 0, ±1 and half of ±2
                assertEquals((1 + 2 * Math.cos(d) + Math.cos(2 * d)) / l, open[r * l + q], 1e-12, "entry " + r + ", " + q);
            }
        }
        assertEquals(4, trace, 1e-12);
    }

    @Test
    void onlyExchangesOfOppositeSpinsAreTaken() {
        WaveFunction psi = GutzwillerProjected.of(SlaterDeterminant.of(FermionTestSupport.randomOrbitals(2, 4, 2, 2)));
        WalkerCache cache = psi.newCache();
        cache.reset(new int[] {1, -1, 1, -1});
        double[] out = new double[2];
        assertThrows(IllegalArgumentException.class, () -> cache.ratio(new int[] {0}, new int[] {-1}, 0, 1, out),
                "a single flip changes S_z");
        assertThrows(IllegalArgumentException.class, () -> cache.ratio(new int[] {0, 2}, new int[] {-1, -1}, 0, 2, out),
                "two up spins flipped");
        assertThrows(IllegalArgumentException.class, () -> GutzwillerProjected.of(
                SlaterDeterminant.of(FermionTestSupport.randomOrbitals(2, 4, 2))), "one species");
    }

    private static double[] amplitudes(WaveFunction psi, SpinHilbert hilbert) {
        double[] amplitudes = new double[(int) hilbert.nStates()];
        int[] sigma = new int[hilbert.nSites()];
        double[] out = new double[2];
        for (long a = 0; a < hilbert.nStates(); a++) {
            hilbert.state(a, sigma);
            psi.logPsi(sigma, out);
            amplitudes[(int) a] = Math.exp(out[0]) * Math.cos(out[1]);
        }
        return amplitudes;
    }

    private static void swap(int[] x, int i, int j) {
        int t = x[i];
        x[i] = x[j];
        x[j] = t;
    }
}
