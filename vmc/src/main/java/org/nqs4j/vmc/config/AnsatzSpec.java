package org.nqs4j.vmc.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The variational ansatz: {@code rbm} (M = α·N hidden units), {@code jastrow} (two-body) or
 * {@code ffnn} (a deep feed-forward network of log-cosh layers of {@code layers} = [α₁, α₂, …]
 * times N units; [α₁] alone is the RBM), with real or complex parameters drawn from N(0, initScale²) with the run seed, or read from
 * {@code initFrom} (a {@code parameters.npy} of a run with the same ansatz: a warm start).
 * {@code symmetry} is {@code none} or {@code translations}: an RBM of α features shared over the
 * lattice translations (M = α·N hidden units, P = 1 + α + αN parameters). {@code projection} is
 * {@code none}, {@code point_group}, {@code spin_flip} or {@code point_group+spin_flip}: the ansatz
 * summed over the lattice's point group and/or the spin flip (the trivial representation), with
 * the same parameters. {@code pretrainIterations} &gt; 0 (a plain RBM only): the first steps train the
 * translation-symmetric RBM of the same α, which is then expanded exactly into this one and
 * optimised further (see RunSetup).
 */
public record AnsatzSpec(String type, boolean complex, int alpha, List<Integer> layers, String symmetry,
                         String projection, double initScale, Optional<Path> initFrom, int pretrainIterations) {
    public AnsatzSpec {
        layers = List.copyOf(layers);
    }

    public boolean translationSymmetric() {
        return symmetry.equals("translations");
    }

    /** The translation-symmetric RBM of the same α and projection that pretrains this one. */
    public AnsatzSpec symmetricPretraining() {
        return new AnsatzSpec(type, complex, alpha, layers, "translations", projection, initScale, Optional.empty(), 0);
    }

    public boolean projectsPointGroup() {
        return projection.contains("point_group");
    }

    public boolean projectsSpinFlip() {
        return projection.contains("spin_flip");
    }
}
