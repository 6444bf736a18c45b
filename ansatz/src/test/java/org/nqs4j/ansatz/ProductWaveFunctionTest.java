package org.nqs4j.ansatz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.nqs4j.ansatz.fermion.GutzwillerProjected;
import org.nqs4j.ansatz.fermion.PairProduct;

class ProductWaveFunctionTest {
    private static final int N = 6;

    /** An RBM times a projected pair product: log ψ the sum, ratios and O_k against fresh values and differences. */
    @Test
    void theProductOfAnRbmAndAPairProduct() {
        Rbm rbm = Rbm.real(N, 2);
        double[] f = new double[N * N];
        SplittableRandom rng = new SplittableRandom(3);
        for (int k = 0; k < f.length; k++) {
            f[k] = rng.nextDouble() - 0.5;
        }
        WaveFunction pp = GutzwillerProjected.of(PairProduct.of(N, N / 2, f));
        ProductWaveFunction psi = ProductWaveFunction.of(rbm, pp);
        GaussianParameters.initialise(psi, 7, 0.3, 0, rbm.nParameters());
        assertEquals(rbm.nParameters() + N * N, psi.nParameters());
        int[] sigma = {1, 1, -1, 1, -1, -1};
        double[] a = new double[2];
        double[] b = new double[2];
        double[] product = new double[2];
        rbm.logPsi(sigma, a);
        pp.logPsi(sigma, b);
        psi.logPsi(sigma, product);
        assertEquals(a[0] + b[0], product[0], 1e-12);
        assertEquals(b[1], product[1], 0, "the RBM is positive: the sign is the pair product's");

        WalkerCache cache = psi.newCache();
        cache.reset(sigma);
        double[] out = new double[2];
        for (int step = 0; step < 100; step++) {
            int[] x = cache.configuration().clone();
            int i;
            int j;
            do {
                i = rng.nextInt(N);
                j = rng.nextInt(N);
            } while (x[i] == x[j]);
            int[] sites = {i, j};
            int[] values = {-x[i], -x[j]};
            psi.logPsi(x, a);
            x[i] = -x[i];
            x[j] = -x[j];
            psi.logPsi(x, b);
            cache.ratio(sites, values, 0, 2, out);
            double expected = Math.exp(b[0] - a[0]) * Math.cos(b[1] - a[1]);
            assertEquals(expected, out[0], 1e-10 * Math.max(1, Math.abs(expected)), "ratio, step " + step);
            cache.logRatio(sites, values, 0, 2, out);
            assertEquals(b[0] - a[0], out[0], 1e-10, "log ratio, step " + step);
            assertEquals(expected < 0 ? Math.PI : 0, out[1], 0, "phase of the log ratio, step " + step);
            if (step % 3 == 0) {
                cache.applyMove(sites, values, 0, 2);
                cache.logPsi(out);
                assertEquals(b[0], out[0], 1e-10, "log |ψ| after the move, step " + step);
                assertEquals(b[1], out[1], 0, "sign after the move, step " + step);
            }
        }
        double[] p = new double[psi.parameterArrayLength()];
        psi.getParameters(p);
        Reference.assertLogDerivativesMatchDifferences(psi, p, cache.configuration().clone());
    }

    @Test
    void factorsMustShareSitesAndKind() {
        assertThrows(IllegalArgumentException.class, () -> ProductWaveFunction.of(Rbm.real(N, 1), Rbm.complex(N, 1)),
                "real times complex");
        assertThrows(IllegalArgumentException.class, () -> ProductWaveFunction.of(Rbm.real(N, 1), Rbm.real(N + 2, 1)),
                "different sites");
        assertThrows(IllegalArgumentException.class, () -> ProductWaveFunction.of(Rbm.real(N, 1)), "one factor");
    }
}
