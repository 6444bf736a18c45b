package org.nqs4j.vmc.config;

/**
 * The optimiser: {@code sgd} or {@code adam}, the learning rate η_p = max(η₀ · decay^p, η_min)
 * at step p, Adam's moments' decay rates, and the largest accepted step infidelity
 * 1 − |⟨ψ|ψ'⟩|² (NaN: no limit; {@link org.nqs4j.vmc.driver.VmcDriver#limitStepInfidelity}).
 */
public record OptimizerSpec(String type, double learningRate, double learningRateDecay, double learningRateMin,
                            double beta1, double beta2, double epsilon, double maxInfidelity) {
}
