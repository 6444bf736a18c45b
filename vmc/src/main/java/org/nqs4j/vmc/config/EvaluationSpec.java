package org.nqs4j.vmc.config;

/**
 * The final estimate at the trained parameters ({@code evaluation} section).
 *
 * @param samples     samples over all chains (with {@code sampler.type: full_sum} the sector's slots)
 * @param lanczosStep also the energy after one Lanczos step (vmc.stats.LanczosStep), from the same samples
 */
public record EvaluationSpec(int samples, boolean lanczosStep) {
}
