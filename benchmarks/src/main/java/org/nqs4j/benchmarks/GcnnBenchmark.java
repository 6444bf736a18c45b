package org.nqs4j.benchmarks;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.nqs4j.ansatz.GaussianParameters;
import org.nqs4j.ansatz.Gcnn;
import org.nqs4j.ansatz.HiddenActivation;
import org.nqs4j.ansatz.WalkerCache;
import org.nqs4j.hamiltonians.Boundary;
import org.nqs4j.hamiltonians.Lattice;
import org.nqs4j.hamiltonians.symmetry.SpaceGroup;
import org.nqs4j.hamiltonians.symmetry.SymmetrySector;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Question: what does the G-CNN cost per exchange on the J1-J2 4×4 torus (space group × spin flip,
 * A1, |G| = 128, n_s = 2), for features [4], [4, 4] with point-group kernels (|S| = 8) and [4, 4]
 * with full kernels (|S| = 128): one ratio (what the sampler and the local energy ask for, every
 * layer recomputed), one accepted move (ratio, then {@code applyMove}, which reuses its forward
 * pass) and the log-derivatives of one sample? This is the cost that decides whether a G-CNN trains
 * in minutes on 16 sites (issue 14): a step of 1,008 samples asks for about 50 ratios per sample.
 *
 * <p>Answer: see benchmarks/README.md ("G-CNN").
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class GcnnBenchmark {
    /** Features per layer (joined by +) and kernel support: point (the 8 point operations) or full (all of G). */
    @Param({"4-point", "4+4-point", "4+4-full"})
    public String network;

    /** The hidden layers' activation (ansatz.activation): does poly6, free of transcendentals, cost less? */
    @Param({"log_cosh", "poly6"})
    public String activation;

    private WalkerCache cache;
    private final int[] sites = {5, 6};
    private final int[] values = {-1, 1};
    private final double[] out = new double[2];
    private double[] derivatives;

    @Setup
    public void setUp() {
        Lattice lattice = Lattice.square(4, Boundary.PERIODIC, true);
        SymmetrySector sector = lattice.spaceGroup().sector(SpaceGroup.Scope.SPACE_GROUP, new int[] {0, 0},
                Optional.of("A1"));
        int[][] group = sector.permutations();
        String[] parts = network.split("-");
        int[] features = Arrays.stream(parts[0].split("\\+")).mapToInt(Integer::parseInt).toArray();
        int[] support = Gcnn.fullKernel(group.length);
        if (parts[1].equals("point")) {
            Set<List<Integer>> point = new HashSet<>();
            for (int[] row : lattice.spaceGroup().pointGroup()) {
                point.add(Arrays.stream(row).boxed().toList());
            }
            support = IntStream.range(0, group.length)
                    .filter(g -> point.contains(Arrays.stream(group[g]).boxed().toList())).toArray();
        }
        Gcnn psi = Gcnn.onSector(group, sector.characterRe(), sector.characterIm(), 1, features, support,
                activation.equals("poly6") ? HiddenActivation.POLY6 : HiddenActivation.LOG_COSH, sector.label());
        GaussianParameters.initialise(psi, 7, 0.1);
        derivatives = new double[psi.parameterArrayLength()];
        cache = psi.newCache();
        int[] sigma = new int[lattice.nSites()];
        for (int i = 0; i < sigma.length; i++) {
            sigma[i] = (i / 4 + i % 4) % 2 == 0 ? 1 : -1; // Néel: sites 5 and 6 are antiparallel
        }
        cache.reset(sigma);
    }

    /** log ψ(σ')/ψ(σ) of one exchange. */
    @Benchmark
    public double exchangeRatio() {
        cache.logRatio(sites, values, 0, 2, out);
        return out[0];
    }

    /** The ratio, then the accepted move; the pair stays antiparallel, so it is exchanged back next time. */
    @Benchmark
    public double acceptedExchange() {
        cache.logRatio(sites, values, 0, 2, out);
        cache.applyMove(sites, values, 0, 2);
        return out[0];
    }

    /** ∂ log ψ/∂p of the current configuration (once per sample). */
    @Benchmark
    public double logDerivatives() {
        cache.logDerivatives(derivatives, 0);
        return derivatives[0];
    }
}
