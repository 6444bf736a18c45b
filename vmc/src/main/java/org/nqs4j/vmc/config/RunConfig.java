package org.nqs4j.vmc.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.nqs4j.hamiltonians.Lattice;
import org.nqs4j.hamiltonians.SpinHilbert;
import org.nqs4j.hamiltonians.hilbert.Hilbert;

/**
 * A fully validated run configuration, every default filled in. {@code resolved} is the same
 * content as nested maps, written to {@code config.resolved.yaml}.
 *
 * @param iterations       optimisation steps
 * @param evaluation       the final estimate at the trained parameters
 * @param outputRoot       folder under which the run folder {@code name} is made
 * @param checkpointEvery  a checkpoint every this many iterations (0: only at the end)
 * @param reference        a literature ground-state energy, when the config gives one
 * @param hilbert          spin-1/2 for every config {@link RunConfigReader#read} accepts (VMC);
 *                         fermions or bosons as well from {@link RunConfigReader#readForExact}
 */
public record RunConfig(Path source, String name, long seed, int threads, int iterations, Lattice lattice,
                        Hilbert hilbert, HamiltonianSpec hamiltonian, AnsatzSpec ansatz, SamplerSpec sampler,
                        OptimizerSpec optimizer, PreconditionerSpec preconditioner, EvaluationSpec evaluation,
                        List<ObservableSpec> observables, Path outputRoot, int checkpointEvery,
                        Optional<ReferenceEnergy> reference, Map<String, Object> resolved) {
    /** The spin-1/2 Hilbert space of a VMC config. */
    public SpinHilbert spinHilbert() {
        if (hilbert instanceof SpinHilbert s) {
            return s;
        }
        throw new IllegalStateException("the Hilbert space " + hilbert + " is not a spin-1/2 space");
    }

    /** The same config, reported as read from {@code file} (a resumed run names its original config). */
    public RunConfig withSource(Path file) {
        return new RunConfig(file, name, seed, threads, iterations, lattice, hilbert, hamiltonian, ansatz, sampler,
                optimizer, preconditioner, evaluation, observables, outputRoot, checkpointEvery, reference,
                resolved);
    }
}
