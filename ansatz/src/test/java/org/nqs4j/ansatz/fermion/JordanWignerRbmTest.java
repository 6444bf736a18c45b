package org.nqs4j.ansatz.fermion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.nqs4j.ansatz.Rbm;
import org.nqs4j.ansatz.WalkerCache;

/**
 * The RBM of the Jordan–Wigner spins is the spin RBM at σ = 2n − 1: log ψ against the RBM's
 * formula written out, ratios of single and double excitations along a walk against fresh
 * evaluations (phase included), the occupations kept in step, and the log-derivatives against
 * central finite differences of log ψ in each complex parameter.
 */
class JordanWignerRbmTest {
    private static final int SITES = 4; // 8 spin-orbitals

    private static JordanWignerRbm random(long seed) {
        Rbm rbm = Rbm.complex(2 * SITES, 2);
        double[] p = new double[2 * rbm.nParameters()];
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int k = 0; k < p.length; k++) {
            p[k] = 0.3 * rnd.nextGaussian();
        }
        rbm.setParameters(p);
        return JordanWignerRbm.of(rbm, SITES);
    }

    @Test
    void logPsiIsTheRbmOfTheSpins() {
        JordanWignerRbm psi = random(1);
        int[] n = {1, 0, 1, 0, 0, 1, 1, 0};
        double[] p = new double[psi.parameterArrayLength()];
        psi.getParameters(p);
        int nv = 2 * SITES;
        int nh = 2 * nv;
        double re = 0;
        double im = 0;
        for (int i = 0; i < nv; i++) { // Σ a_i σ_i
            re += p[2 * i] * (2 * n[i] - 1);
            im += p[2 * i + 1] * (2 * n[i] - 1);
        }
        for (int j = 0; j < nh; j++) { // Σ log cosh θ_j, θ = b + Wσ
            double tr = p[2 * (nv + j)];
            double ti = p[2 * (nv + j) + 1];
            for (int i = 0; i < nv; i++) {
                tr += p[2 * (nv + nh + j * nv + i)] * (2 * n[i] - 1);
                ti += p[2 * (nv + nh + j * nv + i) + 1] * (2 * n[i] - 1);
            }
            // log cosh(x + iy) = log|cosh| + i arg: cosh(x+iy) = cosh x cos y + i sinh x sin y
            double cr = Math.cosh(tr) * Math.cos(ti);
            double ci = Math.sinh(tr) * Math.sin(ti);
            re += 0.5 * Math.log(cr * cr + ci * ci);
            im += Math.atan2(ci, cr);
        }
        double[] out = new double[2];
        psi.logPsi(n, out);
        assertEquals(re, out[0], 1e-12);
        assertEquals(0, Math.IEEEremainder(im - out[1], 2 * Math.PI), 1e-12, "phase modulo 2π");
    }

    @Test
    void excitationRatiosMatchFreshEvaluations() {
        JordanWignerRbm psi = random(2);
        WalkerCache cache = psi.newCache();
        int[] n = {1, 1, 0, 0, 1, 0, 1, 0};
        cache.reset(n);
        SplittableRandom rnd = new SplittableRandom(3);
        double[] ratio = new double[2];
        double[] before = new double[2];
        double[] after = new double[2];
        for (int step = 0; step < 200; step++) {
            int species = rnd.nextInt(2);
            int[] sites = new int[4];
            int[] values = new int[4];
            int count = move(n, species, rnd.nextBoolean(), rnd, sites, values);
            if (count == 0) {
                continue;
            }
            int[] moved = n.clone();
            for (int k = 0; k < count; k++) {
                moved[sites[k]] = values[k];
            }
            cache.logRatio(sites, values, 0, count, ratio);
            psi.logPsi(n, before);
            psi.logPsi(moved, after);
            assertEquals(after[0] - before[0], ratio[0], 1e-10, "log |ratio|, step " + step);
            assertEquals(0, Math.IEEEremainder(after[1] - before[1] - ratio[1], 2 * Math.PI), 1e-10, "phase");
            if (rnd.nextBoolean()) {
                cache.applyMove(sites, values, 0, count);
                n = moved;
                assertArrayEquals(n, cache.configuration());
            }
        }
    }

    /** A single (one electron) or double (two electrons) excitation of one species, as (orbital, new occupation) changes. */
    private static int move(int[] n, int species, boolean twoElectrons, SplittableRandom rnd, int[] sites, int[] values) {
        int count = 0;
        int base = species * SITES;
        java.util.List<Integer> occ = new java.util.ArrayList<>();
        java.util.List<Integer> empty = new java.util.ArrayList<>();
        for (int r = 0; r < SITES; r++) {
            (n[base + r] == 1 ? occ : empty).add(base + r);
        }
        java.util.Collections.shuffle(occ, new java.util.Random(rnd.nextLong()));
        java.util.Collections.shuffle(empty, new java.util.Random(rnd.nextLong()));
        int electrons = Math.min(twoElectrons ? 2 : 1, Math.min(occ.size(), empty.size()));
        for (int e = 0; e < electrons; e++) {
            sites[count] = occ.get(e);
            values[count++] = 0;
            sites[count] = empty.get(e);
            values[count++] = 1;
        }
        return count;
    }

    @Test
    void logDerivativesAreTheGradientOfLogPsi() {
        JordanWignerRbm psi = random(4);
        int[] n = {0, 1, 1, 0, 1, 0, 0, 1};
        WalkerCache cache = psi.newCache();
        cache.reset(n);
        double[] o = new double[psi.parameterArrayLength()];
        cache.logDerivatives(o, 0);
        double[] p = new double[psi.parameterArrayLength()];
        psi.getParameters(p);
        double h = 1e-6;
        double[] plus = new double[2];
        double[] minus = new double[2];
        for (int k = 0; k < p.length; k += 2) { // holomorphic: d log ψ / dp = d log ψ / d(Re p)
            double keep = p[k];
            p[k] = keep + h;
            psi.setParameters(p);
            psi.logPsi(n, plus);
            p[k] = keep - h;
            psi.setParameters(p);
            psi.logPsi(n, minus);
            p[k] = keep;
            assertEquals((plus[0] - minus[0]) / (2 * h), o[k], 1e-7, "Re O, parameter " + k / 2);
            assertEquals(Math.IEEEremainder(plus[1] - minus[1], 2 * Math.PI) / (2 * h), o[k + 1], 1e-7,
                    "Im O, parameter " + k / 2);
        }
        psi.setParameters(p);
    }
}
