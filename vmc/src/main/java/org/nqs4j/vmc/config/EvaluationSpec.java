package org.nqs4j.vmc.config;

import org.nqs4j.vmc.stats.LanczosStep;

/**
 * The final estimate at the trained parameters ({@code evaluation} section).
 *
 * @param samples     samples over all chains (with {@code sampler.type: full_sum} the sector's slots)
 * @param lanczosStep also the energy after one Lanczos step (vmc.stats.LanczosStep): none, from the moments
 *                    of the same samples, or sampled from the stepped state itself
 * @param lanczosSteps the number of sampled steps in a row (1 unless sampled)
 * @param freshChains  when and with how many samples the estimate is checked by fresh chains
 */
public record EvaluationSpec(int samples, LanczosStep.Mode lanczosStep, int lanczosSteps, FreshChains freshChains) {
}
