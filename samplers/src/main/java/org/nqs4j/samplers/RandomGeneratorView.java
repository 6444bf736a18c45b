package org.nqs4j.samplers;

import java.util.random.RandomGenerator;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * A chain's Commons RNG stream seen as a {@link RandomGenerator} (what {@code Hilbert.randomState}
 * takes), drawing exactly what the stream itself would: the bounded and boolean draws go to the
 * provider's own methods, not to the JDK's defaults built on {@code nextLong}.
 */
final class RandomGeneratorView implements RandomGenerator {
    private final UniformRandomProvider rng;

    RandomGeneratorView(UniformRandomProvider rng) {
        this.rng = rng;
    }

    @Override
    public long nextLong() {
        return rng.nextLong();
    }

    @Override
    public int nextInt() {
        return rng.nextInt();
    }

    @Override
    public int nextInt(int bound) {
        return rng.nextInt(bound);
    }

    @Override
    public boolean nextBoolean() {
        return rng.nextBoolean();
    }

    @Override
    public double nextDouble() {
        return rng.nextDouble();
    }
}
