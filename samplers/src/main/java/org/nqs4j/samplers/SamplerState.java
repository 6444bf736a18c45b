package org.nqs4j.samplers;

/** Configurations and serialised random-stream states of every chain, for checkpoints. */
public record SamplerState(int[][] configurations, byte[][] randomStates) {
}
