package org.nqs4j.vmc.driver;

import java.util.Locale;
import org.nqs4j.ansatz.WalkerCache;
import org.nqs4j.ansatz.WaveFunction;
import org.nqs4j.samplers.ChainPool;
import org.nqs4j.vmc.parallel.ChainBlocks;

/**
 * The step-infidelity limit of {@link VmcDriver#limitStepInfidelity}: records σ_s and log ψ(σ_s)
 * of every sample as the chains draw them, and after a step evaluates log ψ'(σ_s) with a spare
 * cache per chain, so that {@link StepFidelity} can judge the step. Chains write disjoint slots;
 * each rank evaluates its own chains and the log ψ of all are gathered before the estimate.
 *
 * <p>A refused step is also judged at half its length: a smooth step's infidelity falls about
 * fourfold (1 − F ≈ η²δ†Sδ), while a ψ that jumps along the step (a discontinuity in the parameters,
 * such as a branch of log cosh in a hidden layer; measured on the ring G-CNN,
 * {@link org.nqs4j.ansatz.HiddenActivation}) keeps all of it at half the step, or almost none. Raising
 * the diagonal shift does not help such a step, so the refusal says what it looks like. The
 * parameters are put back either way: the run's numbers do not change.
 */
final class StepGuard {
    /**
     * A smooth step's infidelity at half its length is about a quarter of the whole step's (along a geodesic
     * sin²(a/2)/sin²a, at most 0.29 while 1 − F ≤ 1/2). Above this fraction ψ jumped in the first half ...
     */
    static final double JUMP_FIRST_HALF = 0.5;
    /**
     * ... below this one in the second (the whole step's infidelity would grow like t⁶ or faster). Measured on the
     * ring G-CNN with log-cosh hidden layers, every refused step: 1.00–1.08 or 10⁻¹⁴–6·10⁻⁴; on the J1-J2 4 × 4
     * G-CNN with poly6, smooth but far from linear, 0.09–0.11.
     */
    static final double JUMP_SECOND_HALF = 1.0 / 64;
    /** Judged only while the whole step's infidelity is at most this (a longer step may wind back towards ψ). */
    static final double JUMP_JUDGED_BELOW = 0.5;

    private final WaveFunction psi;
    private final double maxInfidelity;
    private final int samplesPerChain;
    private final ChainBlocks blocks;
    private final int[] configurations;
    private final double[] logOld;
    private final double[] logNew;
    private final WalkerCache[] spareCaches;
    /** Per chain: a configuration and a log ψ, each written by that chain only. */
    private final int[][] sigma;
    private final double[][] logPsi;
    private final double[] previous;
    private final double[] halfway;

    StepGuard(WaveFunction psi, ChainBlocks blocks, int samplesPerChain, double maxInfidelity) {
        if (!(maxInfidelity > 0 && maxInfidelity < 1)) {
            throw new IllegalArgumentException("the step infidelity limit must be in (0, 1), got " + maxInfidelity);
        }
        this.psi = psi;
        this.maxInfidelity = maxInfidelity;
        this.samplesPerChain = samplesPerChain;
        this.blocks = blocks;
        int nChains = blocks.nChains();
        int n = nChains * samplesPerChain;
        configurations = new int[n * psi.configurationSize()];
        logOld = new double[2 * n];
        logNew = new double[2 * n];
        spareCaches = new WalkerCache[nChains];
        sigma = new int[nChains][psi.configurationSize()];
        logPsi = new double[nChains][2];
        for (int c = 0; c < nChains; c++) {
            spareCaches[c] = psi.newCache();
        }
        previous = new double[psi.parameterArrayLength()];
        halfway = new double[psi.parameterArrayLength()];
    }

    /** Sample {@code index} of chain {@code chain} is the cache's current configuration. */
    void record(int chain, int index, WalkerCache cache) {
        int n = psi.configurationSize();
        System.arraycopy(cache.configuration(), 0, configurations, index * n, n);
        cache.logPsi(logPsi[chain]);
        logOld[2 * index] = logPsi[chain][0];
        logOld[2 * index + 1] = logPsi[chain][1];
    }

    /** Keeps the parameters before a step, to put back if it is rejected. */
    void rememberParameters(double[] parameters) {
        System.arraycopy(parameters, 0, previous, 0, parameters.length);
    }

    /**
     * Judges the step just applied to ψ: null when its infidelity is within the limit, else puts
     * the remembered parameters back and says why.
     */
    String check(ChainPool pool) {
        blocks.gather(logOld, 2 * samplesPerChain);
        double infidelity = infidelityNow(pool);
        if (infidelity <= maxInfidelity) {
            return null;
        }
        String refused = String.format(Locale.ROOT, "estimated step infidelity 1 - |<psi|psi'>|^2 = %.3g above the"
                + " limit %.3g", infidelity, maxInfidelity);
        if (!(infidelity <= JUMP_JUDGED_BELOW)) {
            psi.setParameters(previous);
            return refused;
        }
        psi.getParameters(halfway);
        for (int k = 0; k < halfway.length; k++) {
            halfway[k] = previous[k] + 0.5 * (halfway[k] - previous[k]);
        }
        psi.setParameters(halfway);
        double half = infidelityNow(pool);
        psi.setParameters(previous);
        boolean jump = half > JUMP_FIRST_HALF * infidelity || half < JUMP_SECOND_HALF * infidelity;
        return jump ? refused + String.format(Locale.ROOT, " (half the step gives %.3g, where a short smooth step"
                + " gives about a quarter of it: log psi jumps along the step, a discontinuity in the parameters that no"
                + " diagonal shift removes; a complex network's log-cosh hidden layers do this: ansatz.activation)",
                half) : refused;
    }

    /** 1 − F between the recorded samples' log ψ and ψ's now, over every rank's chains. */
    private double infidelityNow(ChainPool pool) {
        int n = psi.configurationSize();
        int first = blocks.first();
        pool.forEach(blocks.end() - first, i -> {
            int c = first + i;
            for (int s = c * samplesPerChain; s < (c + 1) * samplesPerChain; s++) {
                System.arraycopy(configurations, s * n, sigma[c], 0, n);
                spareCaches[c].reset(sigma[c]);
                spareCaches[c].logPsi(logPsi[c]);
                logNew[2 * s] = logPsi[c][0];
                logNew[2 * s + 1] = logPsi[c][1];
            }
        });
        blocks.gather(logNew, 2 * samplesPerChain);
        return 1 - StepFidelity.estimate(logOld, logNew, logOld.length / 2);
    }
}
