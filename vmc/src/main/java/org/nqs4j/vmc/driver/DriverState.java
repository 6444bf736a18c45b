package org.nqs4j.vmc.driver;

import org.nqs4j.samplers.SamplerState;

/**
 * Everything the variational loop carries from one step to the next, for checkpoints.
 *
 * @param parameters          the variational parameters (interleaved re, im when complex)
 * @param optimizer           {@link org.nqs4j.optimizers.Optimizer#saveState()} (e.g. Adam's t, m, v)
 * @param preconditioner      {@link org.nqs4j.optimizers.Preconditioner#saveState()} (e.g. CG warm start)
 * @param sampler             configurations and random streams of every chain
 * @param consecutiveFailures rejected steps in a row so far
 * @param shiftScale          the factor ≥ 1 on the diagonal shift after rejections
 */
public record DriverState(double[] parameters, double[] optimizer, double[] preconditioner, SamplerState sampler,
                          int consecutiveFailures, double shiftScale) {
}
