package org.nqs4j.ansatz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class FeedForwardNetworkTest {
    private static final int N = 6;

    private static FeedForwardNetwork network(boolean complex, int... alphas) {
        return complex ? FeedForwardNetwork.complex(N, alphas) : FeedForwardNetwork.real(N, alphas);
    }

    private static FeedForwardNetwork network(boolean complex, HiddenActivation hidden, int... alphas) {
        return complex ? FeedForwardNetwork.complex(N, hidden, alphas) : FeedForwardNetwork.real(N, hidden, alphas);
    }

    @Test
    void parameterCountCoversEveryLayer() {
        // a (6) + layer 1: b (12), W (12 x 6) + layer 2: b (6), W (6 x 12)
        FeedForwardNetwork net = network(true, 2, 1);
        assertEquals(6 + 12 + 72 + 6 + 72, net.nParameters());
        assertEquals(2 * net.nParameters(), net.parameterArrayLength());
        assertEquals(net.nParameters(), network(false, 2, 1).parameterArrayLength());
        assertEquals(2, net.depth());
        assertTrue(net.description().contains("layers alpha=[2, 1]"), net.description());
        assertTrue(network(true, HiddenActivation.POLY6, 2, 1).description().contains("hidden poly6"));
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void parametersRoundTrip(boolean complex) {
        FeedForwardNetwork net = network(complex, 1, 2, 1);
        double[] p = Reference.randomParameters(new SplittableRandom(3), net.parameterArrayLength(), 0.5);
        net.setParameters(p);
        double[] back = new double[p.length];
        net.getParameters(back);
        assertArrayEquals(p, back, 0.0);
    }

    /** With one layer the network is the RBM, parameter for parameter: same log ψ and O_k. */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void oneLayerIsTheRbm(boolean complex) {
        SplittableRandom rnd = new SplittableRandom(11);
        FeedForwardNetwork net = network(complex, 2);
        Rbm rbm = complex ? Rbm.complex(N, 2) : Rbm.real(N, 2);
        assertEquals(rbm.nParameters(), net.nParameters());
        double[] p = Reference.randomParameters(rnd, net.parameterArrayLength(), 0.4);
        net.setParameters(p);
        rbm.setParameters(p);
        for (int t = 0; t < 20; t++) {
            int[] sigma = Reference.randomConfiguration(rnd, N);
            double[] a = new double[2];
            double[] b = new double[2];
            net.logPsi(sigma, a);
            rbm.logPsi(sigma, b);
            Reference.assertLogEquals(b, a, 1e-12, "log psi");
            WalkerCache x = net.newCache();
            WalkerCache y = rbm.newCache();
            x.reset(sigma);
            y.reset(sigma);
            double[] ox = new double[p.length];
            double[] oy = new double[p.length];
            x.logDerivatives(ox, 0);
            y.logDerivatives(oy, 0);
            assertArrayEquals(oy, ox, 1e-12);
        }
    }

    /** log ψ against the definition, evaluated layer by layer from the public parameter layout. */
    @ParameterizedTest
    @CsvSource({"false, LOG_COSH", "true, LOG_COSH", "false, POLY6", "true, POLY6"})
    void logPsiMatchesTheDefinition(boolean complex, HiddenActivation hidden) {
        SplittableRandom rnd = new SplittableRandom(5);
        int[] alphas = {2, 1, 1};
        FeedForwardNetwork net = network(complex, hidden, alphas);
        double[] p = Reference.randomParameters(rnd, net.parameterArrayLength(), 0.3);
        net.setParameters(p);
        for (int t = 0; t < 20; t++) {
            int[] sigma = Reference.randomConfiguration(rnd, N);
            double[] actual = new double[2];
            net.logPsi(sigma, actual);
            Reference.assertLogEquals(definition(p, complex, hidden, alphas, sigma), actual, 1e-12, "log psi");
        }
    }

    /**
     * z⁰ = σ, θˡ = bˡ + Wˡzˡ⁻¹, z^L = s θ − ln 2 + log(1 + e^{−2sθ}) (s = sign Re θ), and so zˡ of the layers
     * before unless {@code hidden} is POLY6 (zˡ = θ²/2 − θ⁴/12 + θ⁶/45), log ψ = a·σ + Σ z^L.
     */
    private static double[] definition(double[] p, boolean complex, HiddenActivation hidden, int[] alphas,
                                       int[] sigma) {
        double[] xr = new double[N];
        double[] xi = new double[N];
        double re = 0;
        double im = 0;
        for (int i = 0; i < N; i++) {
            xr[i] = sigma[i];
            re += Reference.get(p, complex, i, 0) * sigma[i];
            im += Reference.get(p, complex, i, 1) * sigma[i];
        }
        int k = N;
        for (int l = 0; l < alphas.length; l++) {
            int units = alphas[l] * N;
            boolean polynomial = hidden == HiddenActivation.POLY6 && l < alphas.length - 1;
            int in = xr.length;
            double[] zr = new double[units];
            double[] zi = new double[units];
            for (int j = 0; j < units; j++) {
                double tr = Reference.get(p, complex, k + j, 0);
                double ti = Reference.get(p, complex, k + j, 1);
                for (int m = 0; m < in; m++) {
                    double wr = Reference.get(p, complex, k + units + j * in + m, 0);
                    double wi = Reference.get(p, complex, k + units + j * in + m, 1);
                    tr += wr * xr[m] - wi * xi[m];
                    ti += wr * xi[m] + wi * xr[m];
                }
                if (polynomial) {
                    double[] z = Reference.naivePoly6(tr, ti);
                    zr[j] = z[0];
                    zi[j] = z[1];
                    continue;
                }
                double s = tr >= 0 ? 1 : -1;
                double er = Math.exp(-2 * s * tr) * Math.cos(-2 * s * ti);
                double ei = Math.exp(-2 * s * tr) * Math.sin(-2 * s * ti);
                zr[j] = s * tr - Math.log(2) + Math.log(Math.hypot(1 + er, ei));
                zi[j] = s * ti + Math.atan2(ei, 1 + er);
            }
            k += units + units * in;
            xr = zr;
            xi = zi;
        }
        for (int j = 0; j < xr.length; j++) {
            re += xr[j];
            im += xi[j];
        }
        return new double[] {re, im};
    }

    @ParameterizedTest
    @CsvSource({"false, LOG_COSH", "true, LOG_COSH", "false, POLY6", "true, POLY6"})
    void logDerivativesMatchDifferences(boolean complex, HiddenActivation hidden) {
        SplittableRandom rnd = new SplittableRandom(7);
        FeedForwardNetwork net = network(complex, hidden, 1, 2, 1);
        double[] p = Reference.randomParameters(rnd, net.parameterArrayLength(), 0.3);
        for (int t = 0; t < 3; t++) {
            Reference.assertLogDerivativesMatchDifferences(net, p, Reference.randomConfiguration(rnd, N));
        }
    }

    /** Accepted one- and two-site moves keep the cache equal to a fresh one; ratios are e^{log ratio}. */
    @ParameterizedTest
    @CsvSource({"false, LOG_COSH", "true, LOG_COSH", "false, POLY6", "true, POLY6"})
    void walkedCacheAgreesWithAFreshOne(boolean complex, HiddenActivation hidden) {
        SplittableRandom rnd = new SplittableRandom(9);
        FeedForwardNetwork net = network(complex, hidden, 2, 1);
        net.setParameters(Reference.randomParameters(rnd, net.parameterArrayLength(), 0.3));
        WalkerCache walked = Reference.walkedCacheAgreesWithAFreshOne(net, rnd, 200, 1e-10);
        double[] cached = new double[2];
        double[] scratch = new double[2];
        walked.logPsi(cached);
        net.logPsi(walked.configuration(), scratch);
        Reference.assertLogEquals(scratch, cached, 1e-10, "walked log psi");
    }

    /** Large angles: the stable log cosh keeps every layer finite where cosh itself overflows. */
    @Test
    void hugeAnglesStayFinite() {
        FeedForwardNetwork net = network(true, 1, 1);
        double[] p = new double[net.parameterArrayLength()];
        java.util.Arrays.fill(p, 300.0);
        net.setParameters(p);
        double[] out = new double[2];
        net.logPsi(new int[] {1, 1, 1, 1, 1, 1}, out);
        assertTrue(Double.isFinite(out[0]) && Double.isFinite(out[1]), out[0] + " " + out[1]);
        WalkerCache cache = net.newCache();
        cache.reset(new int[] {1, -1, 1, 1, -1, 1});
        double[] o = new double[p.length];
        cache.logDerivatives(o, 0);
        for (double v : o) {
            assertTrue(Double.isFinite(v));
        }
    }

    @Test
    void badLayersAreRejectedWithClearMessages() {
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> FeedForwardNetwork.real(4));
        assertTrue(none.getMessage().contains("at least one hidden layer"), none.getMessage());
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
                () -> FeedForwardNetwork.complex(4, 2, 0));
        assertTrue(zero.getMessage().contains("layer 2") && zero.getMessage().contains("alpha >= 1"),
                zero.getMessage());
    }
}
