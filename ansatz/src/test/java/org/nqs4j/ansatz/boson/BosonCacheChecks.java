package org.nqs4j.ansatz.boson;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.nqs4j.ansatz.WalkerCache;
import org.nqs4j.ansatz.WaveFunction;

/** Checks of a boson {@link WalkerCache} against from-scratch evaluation, shared by the boson ansatz tests. */
final class BosonCacheChecks {
    private BosonCacheChecks() {
    }

    /** N bosons on L sites, each at most n_max, placed one by one on random sites with room. */
    static int[] randomOccupations(SplittableRandom rnd, int nSites, int nMax, int nParticles) {
        int[] n = new int[nSites];
        for (int p = 0; p < nParticles; p++) {
            int i;
            do {
                i = rnd.nextInt(nSites);
            } while (n[i] == nMax);
            n[i]++;
        }
        return n;
    }

    /**
     * A random move of 1 to 3 changes: a hop (n_i − 1, n_j + 1), one site set to any value, or three
     * sites set to any values; writes it into sites/values and returns its size.
     */
    static int randomMove(SplittableRandom rnd, int[] n, int nMax, int[] sites, int[] values) {
        int l = n.length;
        int kind = rnd.nextInt(3);
        if (kind == 0) {
            int i = rnd.nextInt(l);
            int j = (i + 1 + rnd.nextInt(l - 1)) % l;
            if (n[i] > 0 && n[j] < nMax) {
                sites[0] = i;
                sites[1] = j;
                values[0] = n[i] - 1;
                values[1] = n[j] + 1;
                return 2;
            }
        }
        int count = kind == 2 && l >= 3 ? 3 : 1;
        int first = rnd.nextInt(l);
        for (int k = 0; k < count; k++) {
            sites[k] = (first + k) % l;
            values[k] = rnd.nextInt(nMax + 1);
        }
        return count;
    }

    static double[] logPsi(WaveFunction psi, int[] n) {
        double[] out = new double[2];
        psi.logPsi(n, out);
        return out;
    }

    static double wrap(double angle) {
        return Math.IEEEremainder(angle, 2 * Math.PI);
    }

    /**
     * Along a random walk of {@code steps} moves (accepted with probability ½): logRatio and ratio
     * equal the difference of from-scratch log ψ; after the walk log ψ and O_k of the walked cache
     * equal those of a freshly reset one (no drift).
     */
    static void assertWalkAgreesWithScratch(WaveFunction psi, int nMax, int nParticles, long seed, int steps, double tol) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int l = psi.nSites();
        WalkerCache cache = psi.newCache();
        cache.reset(randomOccupations(rnd, l, nMax, nParticles));
        int[] sites = new int[3];
        int[] values = new int[3];
        double[] out = new double[2];
        for (int step = 0; step < steps; step++) {
            int[] n = cache.configuration().clone();
            int count = randomMove(rnd, n, nMax, sites, values);
            int[] moved = n.clone();
            for (int k = 0; k < count; k++) {
                moved[sites[k]] = values[k];
            }
            double[] before = logPsi(psi, n);
            double[] after = logPsi(psi, moved);
            cache.logRatio(sites, values, 0, count, out);
            assertEquals(after[0] - before[0], out[0], tol, "Re log ratio at step " + step);
            assertEquals(0, wrap(after[1] - before[1] - out[1]), tol, "Im log ratio at step " + step);
            cache.ratio(sites, values, 0, count, out);
            double modulus = Math.exp(after[0] - before[0]);
            double phase = after[1] - before[1];
            assertEquals(modulus * Math.cos(phase), out[0], tol * Math.max(1, modulus), "Re ratio at step " + step);
            assertEquals(modulus * Math.sin(phase), out[1], tol * Math.max(1, modulus), "Im ratio at step " + step);
            if (rnd.nextBoolean()) {
                cache.applyMove(sites, values, 0, count);
                assertArrayEquals(moved, cache.configuration());
            }
        }
        int[] end = cache.configuration().clone();
        WalkerCache fresh = psi.newCache();
        fresh.reset(end);
        double[] walked = new double[2];
        double[] reset = new double[2];
        cache.logPsi(walked);
        fresh.logPsi(reset);
        double[] scratch = logPsi(psi, end);
        assertEquals(scratch[0], walked[0], tol * Math.max(1, Math.abs(scratch[0])), "Re log ψ after the walk");
        assertEquals(0, wrap(scratch[1] - walked[1]), tol, "Im log ψ after the walk");
        assertEquals(reset[0], walked[0], tol * Math.max(1, Math.abs(reset[0])));
        double[] oWalked = new double[psi.parameterArrayLength()];
        double[] oReset = new double[psi.parameterArrayLength()];
        cache.logDerivatives(oWalked, 0);
        fresh.logDerivatives(oReset, 0);
        assertArrayEquals(oReset, oWalked, tol, "log-derivatives after the walk");
    }

    /**
     * O_k = ∂ log ψ/∂p_k against central differences of the from-scratch log ψ in each real
     * parameter; for a holomorphic ansatz the derivative along Re p_k is O_k itself.
     */
    static void assertLogDerivativesMatchDifferences(WaveFunction psi, int[] n, double tol) {
        double[] p = new double[psi.parameterArrayLength()];
        psi.getParameters(p);
        WalkerCache cache = psi.newCache();
        cache.reset(n);
        double[] o = new double[p.length];
        cache.logDerivatives(o, 0);
        int stride = psi.isComplex() ? 2 : 1;
        double h = 1e-5;
        for (int k = 0; k < psi.nParameters(); k++) {
            double[] plus = p.clone();
            double[] minus = p.clone();
            plus[stride * k] += h;
            minus[stride * k] -= h;
            psi.setParameters(plus);
            double[] up = logPsi(psi, n);
            psi.setParameters(minus);
            double[] down = logPsi(psi, n);
            assertEquals((up[0] - down[0]) / (2 * h), o[stride * k], tol, "Re O_" + k);
            if (psi.isComplex()) {
                assertEquals(wrap(up[1] - down[1]) / (2 * h), o[stride * k + 1], tol, "Im O_" + k);
            }
        }
        psi.setParameters(p);
    }

    static double[] gaussian(SplittableRandom rnd, int length, double scale) {
        double[] p = new double[length];
        for (int k = 0; k < length; k++) {
            // Box–Muller: an independent normal draw per entry
            p[k] = scale * Math.sqrt(-2 * Math.log(1 - rnd.nextDouble())) * Math.cos(2 * Math.PI * rnd.nextDouble());
        }
        return p;
    }
}
