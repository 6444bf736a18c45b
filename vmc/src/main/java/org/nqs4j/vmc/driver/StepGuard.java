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
 */
final class StepGuard {
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
        blocks.gather(logOld, 2 * samplesPerChain);
        blocks.gather(logNew, 2 * samplesPerChain);
        double infidelity = 1 - StepFidelity.estimate(logOld, logNew, logOld.length / 2);
        if (infidelity <= maxInfidelity) {
            return null;
        }
        psi.setParameters(previous);
        return String.format(Locale.ROOT, "estimated step infidelity 1 - |<psi|psi'>|^2 = %.3g above the limit %.3g",
                infidelity, maxInfidelity);
    }
}
