package org.nqs4j.ansatz;

import org.apache.commons.rng.UniformRandomProvider;
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
        UniformRandomProvider rng = RandomSource.XO_SHI_RO_256_PP.create(seed);
        ZigguratSampler.NormalizedGaussian gaussian = ZigguratSampler.NormalizedGaussian.of(rng);
        double[] parameters = new double[psi.parameterArrayLength()];
        psi.getParameters(parameters);
        for (int k = from; k < to; k++) {
            parameters[k] = scale * gaussian.sample();
        }
        psi.setParameters(parameters);
    }
}
