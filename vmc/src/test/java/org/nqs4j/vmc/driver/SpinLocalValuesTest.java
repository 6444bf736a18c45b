package org.nqs4j.vmc.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.nqs4j.ansatz.Rbm;
import org.nqs4j.ansatz.WalkerCache;
import org.nqs4j.hamiltonians.Boundary;
import org.nqs4j.hamiltonians.Connections;
import org.nqs4j.hamiltonians.Edge;
import org.nqs4j.hamiltonians.Lattice;
import org.nqs4j.hamiltonians.PauliSumOperator;
import org.nqs4j.hamiltonians.SpinModels;
import org.nqs4j.hamiltonians.Units;

/**
 * The local value of a spin operator, O_loc(σ) = Σ_σ' ⟨σ|Ô|σ'⟩ ψ(σ')/ψ(σ) with all ratios of σ asked of the
 * cache at once: it equals the same sum over log ψ from scratch, and is the same bits as the sum with the
 * ratios asked one at a time, in the connections' order (what the local energy was before the batch).
 */
class SpinLocalValuesTest {
    @Test
    void localEnergyIsTheRowSumOfTheAmplitudeRatios() {
        SplittableRandom rnd = new SplittableRandom(91);
        Lattice ring = Lattice.chain(12, Boundary.PERIODIC, false);
        PauliSumOperator heisenberg = SpinModels.marshallRotated(SpinModels.heisenberg(ring, 1.0, Units.PAULI), ring);
        PauliSumOperator ising = SpinModels.transverseFieldIsing(ring, 1.0, 0.7, Units.PAULI);
        for (PauliSumOperator h : new PauliSumOperator[] {heisenberg, ising}) {
            for (boolean complex : new boolean[] {true, false}) {
                Rbm rbm = complex ? Rbm.complex(12, 2) : Rbm.real(12, 2);
                rbm.tabulateExchanges(Edge.sitePairs(ring.edges(0)));
                for (double scale : new double[] {0.01, 0.5, 2.0}) {
                    double[] p = new double[rbm.parameterArrayLength()];
                    for (int k = 0; k < p.length; k++) {
                        p[k] = scale * (2 * rnd.nextDouble() - 1);
                    }
                    rbm.setParameters(p);
                    SampledOperator.LocalValue local = SampledOperator.of(h).newLocalValue();
                    WalkerCache cache = rbm.newCache();
                    int[] sigma = new int[12];
                    for (int i = 0; i < 12; i++) {
                        sigma[i] = i % 2 == 0 ? 1 : -1;
                    }
                    cache.reset(sigma);
                    for (int step = 0; step < 20; step++) {
                        // a walk of exchanges keeps Σσ = 0 and sets the caches' state as the sampler would
                        int i = rnd.nextInt(12);
                        int[] bond = {i, (i + 1) % 12};
                        if (cache.configuration()[bond[0]] != cache.configuration()[bond[1]]) {
                            cache.applyMove(bond, new int[] {cache.configuration()[bond[1]],
                                    cache.configuration()[bond[0]]}, 0, 2);
                        }
                        double[] batched = new double[2];
                        local.evaluate(cache, batched);
                        String at = h.description() + ", complex " + complex + ", scale " + scale + ", step " + step;
                        double[] oneByOne = oneRatioAtATime(h, cache);
                        assertEquals(Double.doubleToRawLongBits(oneByOne[0]), Double.doubleToRawLongBits(batched[0]),
                                "Re, same bits as one ratio at a time: " + at);
                        assertEquals(Double.doubleToRawLongBits(oneByOne[1]), Double.doubleToRawLongBits(batched[1]),
                                "Im, same bits as one ratio at a time: " + at);
                        double[] scratch = fromScratch(h, rbm, cache.configuration());
                        // 12 ratios of size ≲ e^{2·24·scale}, each to ~1e-13 relative
                        double size = Math.max(1.0, Math.hypot(scratch[0], scratch[1]));
                        assertEquals(scratch[0], batched[0], 1e-10 * size, "Re from scratch: " + at);
                        assertEquals(scratch[1], batched[1], 1e-10 * size, "Im from scratch: " + at);
                    }
                }
            }
        }
    }

    /**
     * The second local value (Ô²ψ)(σ)/ψ(σ) of {@link SampledOperator.LocalValue#evaluateSecond} is the row sum
     * of ⟨σ|Ô|σ'⟩ ψ(σ')/ψ(σ) O_loc(σ'), each O_loc(σ') and ratio from scratch; its first value is the
     * local value itself, the same bits as {@code evaluate}; and the walker's cache is left as it was.
     */
    @Test
    void secondLocalValueIsTheRowSumOfTheNeighboursLocalValues() {
        SplittableRandom rnd = new SplittableRandom(17);
        Lattice ring = Lattice.chain(10, Boundary.PERIODIC, false);
        PauliSumOperator heisenberg = SpinModels.heisenberg(ring, 1.0, Units.SPIN_HALF);
        PauliSumOperator ising = SpinModels.transverseFieldIsing(ring, 1.0, 0.7, Units.PAULI);
        for (PauliSumOperator h : new PauliSumOperator[] {heisenberg, ising}) {
            for (boolean complex : new boolean[] {true, false}) {
                Rbm rbm = complex ? Rbm.complex(10, 2) : Rbm.real(10, 2);
                double[] p = new double[rbm.parameterArrayLength()];
                for (int k = 0; k < p.length; k++) {
                    p[k] = 0.3 * (2 * rnd.nextDouble() - 1);
                }
                rbm.setParameters(p);
                SampledOperator.LocalValue local = SampledOperator.of(h).newLocalValue();
                NeighbourValue neighbours = new NeighbourValue(rbm.newCache(), SampledOperator.of(h).newLocalValue());
                WalkerCache cache = rbm.newCache();
                for (int trial = 0; trial < 10; trial++) {
                    int[] sigma = new int[10];
                    for (int i = 0; i < 10; i++) {
                        sigma[i] = (i + trial) % 2 == 0 ? 1 : -1;
                    }
                    for (int i = 0; i < trial; i++) { // a few random exchanges away from the Néel state
                        int a = rnd.nextInt(10);
                        int b = rnd.nextInt(10);
                        int t = sigma[a];
                        sigma[a] = sigma[b];
                        sigma[b] = t;
                    }
                    cache.reset(sigma);
                    double[] first = new double[2];
                    local.evaluate(cache, first);
                    double[] both = new double[4];
                    local.evaluateSecond(cache, neighbours, both);
                    String at = h.description() + ", complex " + complex + ", trial " + trial;
                    assertEquals(Double.doubleToRawLongBits(first[0]), Double.doubleToRawLongBits(both[0]), at);
                    assertEquals(Double.doubleToRawLongBits(first[1]), Double.doubleToRawLongBits(both[1]), at);
                    assertEquals(Arrays.toString(sigma), Arrays.toString(cache.configuration()), at);
                    double[] expected = secondFromScratch(h, rbm, sigma);
                    double size = Math.max(1.0, Math.hypot(expected[0], expected[1]));
                    assertEquals(expected[0], both[2], 1e-10 * size, "Re: " + at);
                    assertEquals(expected[1], both[3], 1e-10 * size, "Im: " + at);
                }
            }
        }
    }

    /** Σ_σ' conj⟨σ'|Ô|σ⟩ ψ(σ')/ψ(σ) O_loc(σ'), everything from log ψ from scratch. */
    private static double[] secondFromScratch(PauliSumOperator h, Rbm rbm, int[] sigma) {
        return rowSum(h, rbm, sigma, next -> fromScratch(h, rbm, next));
    }

    /** Σ_σ' conj⟨σ'|Ô|σ⟩ ratio(σ → σ'), ratios one at a time in the connections' order. */
    private static double[] oneRatioAtATime(PauliSumOperator h, WalkerCache cache) {
        int[] sigma = cache.configuration();
        Connections c = h.newConnections();
        h.connections(sigma, c);
        double re = 0;
        double im = 0;
        double[] ratio = new double[2];
        for (int k = 0; k < c.size(); k++) {
            double mRe = c.re(k);
            double mIm = -c.im(k);
            int n = c.flipCount(k);
            if (n == 0) {
                re += mRe;
                im += mIm;
                continue;
            }
            int[] sites = new int[n];
            int[] values = new int[n];
            for (int f = 0; f < n; f++) {
                sites[f] = c.flipSite(k, f);
                values[f] = -sigma[sites[f]];
            }
            cache.ratio(sites, values, 0, n, ratio);
            re += mRe * ratio[0] - mIm * ratio[1];
            im += mRe * ratio[1] + mIm * ratio[0];
        }
        return new double[] {re, im};
    }

    /** The same row sum with ψ(σ')/ψ(σ) = exp(log ψ(σ') − log ψ(σ)), each log ψ from scratch. */
    private static double[] fromScratch(PauliSumOperator h, Rbm rbm, int[] sigma) {
        return rowSum(h, rbm, sigma, next -> new double[] {1, 0});
    }

    /** Σ_σ' conj⟨σ'|Ô|σ⟩ ψ(σ')/ψ(σ) w(σ'), the ratios from log ψ from scratch. */
    private static double[] rowSum(PauliSumOperator h, Rbm rbm, int[] sigma, Function<int[], double[]> weight) {
        Connections c = h.newConnections();
        h.connections(sigma, c);
        double[] before = new double[2];
        double[] after = new double[2];
        rbm.logPsi(sigma.clone(), before);
        double re = 0;
        double im = 0;
        for (int k = 0; k < c.size(); k++) {
            int[] flipped = sigma.clone();
            for (int f = 0; f < c.flipCount(k); f++) {
                flipped[c.flipSite(k, f)] *= -1;
            }
            rbm.logPsi(flipped, after);
            double modulus = Math.exp(after[0] - before[0]);
            double rRe = modulus * Math.cos(after[1] - before[1]);
            double rIm = modulus * Math.sin(after[1] - before[1]);
            double tRe = c.re(k) * rRe + c.im(k) * rIm; // conj(element) · ratio
            double tIm = c.re(k) * rIm - c.im(k) * rRe;
            double[] w = weight.apply(flipped);
            re += tRe * w[0] - tIm * w[1];
            im += tRe * w[1] + tIm * w[0];
        }
        return new double[] {re, im};
    }
}
