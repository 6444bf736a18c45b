package org.nqs4j.ansatz;

import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Seeded Gaussian initialisation: every entry of the parameter array is drawn independently
 * from N(0, scale²), so a complex parameter has independent real and imaginary parts, each of
 * variance scale². Deterministic for a given seed (XoShiRo256++ seeded from the long).
 */
public final class GaussianParameters {
    private GaussianParameters() {
    }

    public static void initialise(WaveFunction psi, long seed, double scale) {
        initialise(psi, seed, scale, 0, psi.parameterArrayLength());
    }

    /**
     * Draws entries [from, to) of the parameter array as {@link #initialise(WaveFunction, long, double)}
     * does, keeping the others: e.g. a random Jastrow factor in front of a determinant whose orbitals
     * come from a mean-field solution.
     */
    public static void initialise(WaveFunction psi, long seed, double scale, int from, int to) {
        if (!(scale >= 0.0) || !Double.isFinite(scale)) {
            throw new IllegalArgumentException("initialisation scale = " + scale
                    + "; the scale must be finite and >= 0");
        }
        ZigguratSampler.NormalizedGaussian gaussian = ZigguratSampler.NormalizedGaussian.of(
                RandomSource.XO_SHI_RO_256_PP.create(seed));
        double[] parameters = new double[psi.parameterArrayLength()];
        psi.getParameters(parameters);
        for (int k = from; k < to; k++) {
            parameters[k] = scale * gaussian.sample();
        }
        psi.setParameters(parameters);
    }

    /**
     * Adds scale·ξ, ξ ~ N(0, 1), to entries [from, to), keeping their values as the centre: noise on a
     * start that is not random (e.g. a mean-field pairing), drawn from stream {@code stream} of the seed so
     * that it is independent of {@link #initialise}'s draws from the same seed.
     */
    public static void perturb(WaveFunction psi, long seed, long stream, double scale, int from, int to) {
        ZigguratSampler.NormalizedGaussian gaussian = ZigguratSampler.NormalizedGaussian.of(
                RandomSource.XO_SHI_RO_256_PP.create(new long[] {seed, stream}));
        double[] parameters = new double[psi.parameterArrayLength()];
        psi.getParameters(parameters);
        for (int k = from; k < to; k++) {
            parameters[k] += scale * gaussian.sample();
        }
        psi.setParameters(parameters);
    }
}
