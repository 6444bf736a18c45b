package org.nqs4j.vmc.config;

/** The optimiser: {@code sgd} or {@code adam} with its learning rate and Adam's moments' decay rates. */
public record OptimizerSpec(String type, double learningRate, double beta1, double beta2, double epsilon) {
}
