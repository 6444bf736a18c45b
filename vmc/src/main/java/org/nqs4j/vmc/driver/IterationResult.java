package org.nqs4j.vmc.driver;

import org.nqs4j.vmc.stats.Estimate;

/**
 * What one optimisation step measured, for the log.
 *
 * @param energy          statistics of Re E_loc at the parameters before the update
 * @param energyImag      mean of Im E_loc (zero up to noise for a Hermitian Ĥ)
 * @param acceptance      Metropolis acceptance over all chains (of the β = 1 walkers under parallel tempering)
 * @param swapAcceptance  fraction of the replica swaps accepted (parallel tempering), NaN without
 * @param updated         false when the update was rejected (non-finite values), see {@code event}
 * @param undone          true when the samples of this step showed the previous step's state to be broken,
 *                        and that step was undone (the parameters went back to the last good ones)
 * @param event           why the step was rejected, or null
 * @param note            why the step taken follows only an approximate solution of the SR system (CG at
 *                        its iteration limit), or null
 * @param samplingSeconds time to sample and form local energies and O_k
 * @param updateSeconds   time for the force, preconditioner and optimiser
 * @param exchangeSeconds of those, the time spent in exchanges between ranks (0 for one process)
 */
public record IterationResult(int iteration, Estimate energy, double energyImag, double acceptance,
                              double swapAcceptance, boolean updated,
                              boolean undone, String event, String note, double samplingSeconds, double updateSeconds,
                              double exchangeSeconds) {
}
