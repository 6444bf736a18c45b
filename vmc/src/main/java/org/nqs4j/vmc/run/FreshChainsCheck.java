package org.nqs4j.vmc.run;

import java.util.Map;
import java.util.Optional;
import java.util.function.DoubleSupplier;
import org.nqs4j.vmc.config.FreshChains;
import org.nqs4j.vmc.config.RunConfig;
import org.nqs4j.vmc.driver.ChainEnergy;
import org.nqs4j.vmc.parallel.Collective;
import org.nqs4j.vmc.stats.Estimate;

/**
 * The final estimate drawn again by fresh chains ({@link org.nqs4j.vmc.config.FreshChains}): the trained ψ
 * sampled by new chains from random configurations with the run's move in its far-reaching form, for
 * {@link ResultChecks#freshChains}. The run's own chains followed ψ through the optimisation and may all sit
 * in one region of |ψ|² that their moves cannot leave; the fresh ones start everywhere and jump further.
 */
final class FreshChainsCheck {
    /**
     * Burn-in of a fresh chain in multiples of the final estimate's: its chains start at random configurations,
     * the estimate's where the optimisation left them.
     */
    static final int BURN_IN_FACTOR = 2;

    /** What the fresh chains found: their energy, their move and their wall time. */
    record Result(ChainEnergy chains, String move, double seconds) {
        /**
         * {@code fresh_chains} into summary.json (the estimate as the log and the summary write one, with the
         * chains' acceptance, move, samples and deviation from the estimate {@code e}); their wall time into its
         * {@code time_s} with the other timings (which comparisons of runs leave aside).
         */
        @SuppressWarnings("unchecked")
        void addTo(Map<String, Object> summary, Estimate e) {
            Estimate f = chains.energy();
            Map<String, Object> m = VmcRun.estimate(f);
            m.put("acceptance", chains.acceptance());
            m.put("move", move);
            m.put("samples", f.nSamples());
            m.put("deviation_sigma", ResultChecks.combinedSigmas(f.mean(), f.error(), e.mean(), e.error()));
            summary.put("fresh_chains", m);
            ((Map<String, Object>) summary.get("time_s")).put("fresh_chains", seconds);
        }
    }

    private FreshChainsCheck() {
    }

    /**
     * The fresh chains' energy, when the config asks for it: {@code summed} says whether rank 0 summed the trial
     * state over the sector (the stronger check, which {@code auto} leaves alone); every rank takes rank 0's word,
     * since all of them sample the chains.
     */
    static Optional<Result> sample(RunConfig config, RunSetup setup, int evalPerChain, int evalDiscard,
                                   boolean summed, DoubleSupplier wall, RunListener listener) {
        FreshChains wanted = config.evaluation().freshChains(); // none where the sampler has no Markov chains
        if (wanted instanceof FreshChains.Off) {
            return Optional.empty();
        }
        int chains = config.sampler().chains();
        int perChain = wanted.perChain(evalPerChain, chains, rankZeroSays(setup.collective(), summed));
        if (perChain == 0) {
            return Optional.empty();
        }
        String move = RunSetup.farReaching(config.sampler().move(), config);
        listener.message("checking the estimate with " + perChain * chains + " samples of fresh chains (random starts, "
                + move + " moves)");
        double start = wall.getAsDouble();
        ChainEnergy e = setup.driver().energyFrom(RunSetup.freshChains(config, setup.waveFunction(), move), perChain,
                BURN_IN_FACTOR * evalDiscard);
        return Optional.of(new Result(e, move, wall.getAsDouble() - start));
    }

    /** {@code value} as rank 0 has it, on every rank (one process: its own). */
    private static boolean rankZeroSays(Collective collective, boolean value) {
        if (collective.size() == 1) {
            return value;
        }
        byte[] b = {(byte) (value ? 1 : 0)};
        collective.broadcast(b, 0);
        return b[0] == 1;
    }
}
