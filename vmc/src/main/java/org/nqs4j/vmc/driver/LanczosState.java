package org.nqs4j.vmc.driver;

import java.util.Arrays;
import org.nqs4j.ansatz.WalkerCache;
import org.nqs4j.ansatz.WaveFunction;

/**
 * The state after one Lanczos step, ψ₁ = ψ + α(Ĥ − h₁)ψ, as an ansatz that a Metropolis sampler can
 * draw from |ψ₁|²:
 * <pre>
 *   log ψ₁(x) = log ψ(x) + log(1 + α(E_L(x) − h₁)),   E_L(x) = (Ĥψ)(x)/ψ(x),
 * </pre>
 * with ψ₁(x) = 0 where ψ(x) = 0 (a node of a projection on characters ≠ 1): there E_L has no value, and
 * leaving those few configurations out keeps ψ₁ a state of the same sector, whatever its energy is a
 * variational bound on. Why sample ψ₁ at all: {@link org.nqs4j.vmc.stats.LanczosStep} gets E₁ from the
 * moments of E_L under |ψ|², which near the nodes of ψ have a heavy tail (two factors 1/ψ); under |ψ₁|²
 * the local energy of ψ₁, E_L¹ = (Ĥψ₁)/ψ₁, is an ordinary local energy, its mean E₁ for this α exactly,
 * with the chains' own error bar (Becca &amp; Sorella 2017, §6.5: ψ₁ is a variational state like any other).
 *
 * <p>Cost: a ratio ψ₁(x')/ψ₁(x) needs E_L(x'), one local energy of ψ at x' (a probe cache rebuilt at x',
 * then one ratio per connection); an accepted move takes the probe as the walker's cache, so nothing is
 * updated incrementally and no rounding accumulates along a chain. Only for estimates: no parameters of
 * its own, no log-derivatives.
 */
final class LanczosState implements WaveFunction {
    private final WaveFunction psi;
    private final SampledOperator hamiltonian;
    private final double alpha;
    private final double shift;

    /** ψ₁ = ψ + alpha (Ĥ − shift) ψ. */
    LanczosState(WaveFunction psi, SampledOperator hamiltonian, double alpha, double shift) {
        this.psi = psi;
        this.hamiltonian = hamiltonian;
        this.alpha = alpha;
        this.shift = shift;
    }

    @Override
    public int nSites() {
        return psi.nSites();
    }

    @Override
    public int configurationSize() {
        return psi.configurationSize();
    }

    @Override
    public int nParameters() {
        return psi.nParameters();
    }

    @Override
    public boolean isComplex() {
        return psi.isComplex();
    }

    @Override
    public void getParameters(double[] dst) {
        psi.getParameters(dst);
    }

    @Override
    public void setParameters(double[] src) {
        throw new UnsupportedOperationException("the Lanczos-step state has the parameters of the state it was made from");
    }

    @Override
    public WalkerCache newCache() {
        return new Cache();
    }

    @Override
    public String description() {
        return "one Lanczos step psi + " + alpha + " (H - " + shift + ") psi of " + psi.description();
    }

    /** The walker's cache of ψ at x with log f(x), f = 1 + α(E_L − h₁), and a probe for proposals x'. */
    private final class Cache implements WalkerCache {
        private WalkerCache current = psi.newCache();
        private WalkerCache probe = psi.newCache();
        private final SampledOperator.LocalValue local = hamiltonian.newLocalValue();
        private final double[] localEnergy = new double[2];
        /** log f at x and at the probe's x', as (log|f|, arg f); (−∞, 0) at a node of ψ. */
        private double[] logFactor = new double[2];
        private double[] probeFactor = new double[2];
        private final double[] innerRatio = new double[2];
        /** The move the probe stands at (x' = x after it), valid while {@code probeValid}. */
        private int[] probeSites = new int[4];
        private int[] probeValues = new int[4];
        private int probeCount;
        private boolean probeValid;
        private int[] moved = new int[0];

        @Override
        public void reset(int[] x) {
            current.reset(x);
            logFactor(current, logFactor);
            probeValid = false;
        }

        @Override
        public int[] configuration() {
            return current.configuration();
        }

        @Override
        public void logRatio(int[] sites, int[] values, int offset, int count, double[] out) {
            if (!probeAt(sites, values, offset, count)) {
                current.logRatio(sites, values, offset, count, innerRatio);
                int[] x = current.configuration();
                if (moved.length != x.length) {
                    moved = new int[x.length];
                }
                System.arraycopy(x, 0, moved, 0, x.length);
                for (int f = offset; f < offset + count; f++) {
                    moved[sites[f]] = values[f];
                }
                probe.reset(moved);
                if (innerRatio[0] == Double.NEGATIVE_INFINITY) {
                    probeFactor[0] = Double.NEGATIVE_INFINITY;
                    probeFactor[1] = 0;
                } else {
                    logFactor(probe, probeFactor);
                }
                remember(sites, values, offset, count);
            }
            if (probeFactor[0] == Double.NEGATIVE_INFINITY || innerRatio[0] == Double.NEGATIVE_INFINITY) {
                out[0] = Double.NEGATIVE_INFINITY; // a node of ψ₁: never entered
                out[1] = 0;
                return;
            }
            out[0] = innerRatio[0] + probeFactor[0] - logFactor[0];
            out[1] = innerRatio[1] + probeFactor[1] - logFactor[1];
        }

        @Override
        public void applyMove(int[] sites, int[] values, int offset, int count) {
            if (!probeAt(sites, values, offset, count)) {
                logRatio(sites, values, offset, count, new double[2]); // a move never proposed: rare, not in a hot loop
            }
            WalkerCache t = current; // the probe, rebuilt at x', becomes the walker's cache
            current = probe;
            probe = t;
            double[] f = logFactor;
            logFactor = probeFactor;
            probeFactor = f;
            probeValid = false;
        }

        @Override
        public void logPsi(double[] out) {
            current.logPsi(out);
            out[0] += logFactor[0];
            out[1] += logFactor[1];
        }

        @Override
        public void logDerivatives(double[] out, int offset) {
            throw new UnsupportedOperationException("the Lanczos-step state is only sampled, never optimised");
        }

        /** log(1 + α(E_L − h₁)) at the cache's configuration, (−∞, 0) where it is zero or not finite. */
        private void logFactor(WalkerCache cache, double[] out) {
            local.evaluate(cache, localEnergy);
            double re = 1 + alpha * (localEnergy[0] - shift);
            double im = alpha * localEnergy[1];
            double modulus = Math.hypot(re, im);
            if (!(modulus > 0) || !Double.isFinite(modulus)) {
                out[0] = Double.NEGATIVE_INFINITY;
                out[1] = 0;
            } else {
                out[0] = Math.log(modulus);
                out[1] = Math.atan2(im, re);
            }
        }

        private boolean probeAt(int[] sites, int[] values, int offset, int count) {
            return probeValid && count == probeCount
                    && Arrays.equals(sites, offset, offset + count, probeSites, 0, count)
                    && Arrays.equals(values, offset, offset + count, probeValues, 0, count);
        }

        private void remember(int[] sites, int[] values, int offset, int count) {
            if (probeSites.length < count) {
                probeSites = new int[count];
                probeValues = new int[count];
            }
            System.arraycopy(sites, offset, probeSites, 0, count);
            System.arraycopy(values, offset, probeValues, 0, count);
            probeCount = count;
            probeValid = true;
        }
    }
}
