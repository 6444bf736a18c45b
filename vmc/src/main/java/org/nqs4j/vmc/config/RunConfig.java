package org.nqs4j.vmc.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.nqs4j.hamiltonians.Lattice;
import org.nqs4j.hamiltonians.SpinHilbert;

/**
 * A fully validated run configuration, every default filled in. {@code resolved} is the same
 * content as nested maps, written to {@code config.resolved.yaml}.
 *
 * @param iterations       optimisation steps
 * @param evaluationSamples samples (over all chains) of the final estimate at fixed parameters
 * @param outputRoot       folder under which the run folder {@code name} is made
 */
public record RunConfig(Path source, String name, long seed, int threads, int iterations, Lattice lattice,
                        SpinHilbert hilbert, HamiltonianSpec hamiltonian, AnsatzSpec ansatz, SamplerSpec sampler,
                        OptimizerSpec optimizer, PreconditionerSpec preconditioner, int evaluationSamples,
                        List<ObservableSpec> observables, Path outputRoot, Map<String, Object> resolved) {
}
