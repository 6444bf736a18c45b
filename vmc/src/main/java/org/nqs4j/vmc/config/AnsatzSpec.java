package org.nqs4j.vmc.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.nqs4j.ansatz.HiddenActivation;
import org.nqs4j.hamiltonians.Lattice;
import org.nqs4j.hamiltonians.symmetry.SpaceGroup;

/**
 * The variational ansatz: {@code rbm} (M = α·N hidden units), {@code jastrow} (two-body) or
 * {@code ffnn} (a deep feed-forward network of log-cosh layers of {@code layers} = [α₁, α₂, …]
 * times N units; [α₁] alone is the RBM), with real or complex parameters drawn from N(0, initScale²) with the run seed, or read from
 * {@code initFrom} (a {@code parameters.npy} of a run with the same ansatz: a warm start).
 * {@code symmetry} is {@code none} or {@code translations}: an RBM of α features shared over the
 * lattice translations (M = α·N/n_b hidden units, P = 1 + α + αN parameters). {@code projection}
 * is the symmetry sector the ansatz is summed onto with characters ({@link ProjectionSpec}), with
 * the same parameters. {@code pretrainIterations} &gt; 0 (a plain RBM only): the first steps train the
 * translation-symmetric RBM of the same α, which is then expanded exactly into this one and
 * optimised further (see RunSetup). {@code gcnn}: a group-convolutional network over the group of the
 * projection, {@code layers} holding its features per layer and {@code kernel} the support of its
 * convolution kernels (ignored by the other types). {@code fermion}: the ansatz of a fermion run, which
 * then uses only {@code initScale} and {@code initFrom} of the rest. {@code growth} (an rbm only): the
 * steps at which the RBM grows to a larger α (Carleo &amp; Troyer's α series), {@code alpha} being the first
 * stage's. {@code signRule}: a fixed sign structure the network is multiplied by ({@link SignRule}).
 * {@code hidden}: the activation of a gcnn's or ffnn's layers before the last.
 */
public record AnsatzSpec(String type, boolean complex, int alpha, List<Integer> layers, String symmetry,
                         ProjectionSpec projection, double initScale, Optional<Path> initFrom, int pretrainIterations,
                         Kernel kernel, Optional<FermionAnsatzSpec> fermion, List<Growth> growth, SignRule signRule,
                         Pairing pairing, HiddenActivation hidden) {
    /** A fixed phase structure times the network (README, {@code ansatz.sign_rule}). */
    public enum SignRule {
        /** The network alone. */
        NONE,
        /**
         * The phases e^{i Σ φᵢ nᵢ} of the classical spiral φᵢ = Q·rᵢ of lowest energy on the torus
         * ({@link org.nqs4j.hamiltonians.ClassicalSpiral}): 120° on triangular clusters that allow it.
         */
        SPIRAL
    }

    /** The pairing amplitudes F of {@code rbm_pp}: every F_{r r′} free, or tied by the lattice translations. */
    public enum Pairing {
        /** L² amplitudes. */
        FREE,
        /** F_{Tr, Tr′} = F_{r r′} (up to the signs of antiperiodic twists): n_basis·L amplitudes. */
        TRANSLATIONS
    }

    /**
     * At step {@code after} the RBM grows to {@code alpha} features (hidden-unit density): the trained
     * ones are kept, the added ones drawn from N(0, initScale²), and the optimiser and preconditioner
     * start afresh, their schedules counted from {@code after}; from then on each step draws
     * {@code samplesPerChain} samples per chain (a larger RBM needs more: its SR matrix has more directions).
     */
    public record Growth(int alpha, int after, double initScale, int samplesPerChain) {
        public Growth {
            if (samplesPerChain < 1) {
                throw new IllegalArgumentException("a growth stage draws at least one sample per chain: " + samplesPerChain);
            }
        }
    }

    /** The elements a G-CNN's convolution kernels live on. */
    public enum Kernel {
        /** All of the group (Roth &amp; MacDonald's G-CNN). */
        FULL,
        /** The point-group elements (those fixing the symmetry centre): cost |P| instead of |G| per output. */
        POINT_GROUP
    }

    public AnsatzSpec {
        layers = List.copyOf(layers);
        growth = List.copyOf(growth);
    }

    /** An ansatz that does not grow. */
    public AnsatzSpec(String type, boolean complex, int alpha, List<Integer> layers, String symmetry,
                      ProjectionSpec projection, double initScale, Optional<Path> initFrom, int pretrainIterations,
                      Kernel kernel, Optional<FermionAnsatzSpec> fermion) {
        this(type, complex, alpha, layers, symmetry, projection, initScale, initFrom, pretrainIterations, kernel,
                fermion, List.of(), SignRule.NONE, Pairing.FREE, HiddenActivation.LOG_COSH);
    }

    /** The α the run ends with: the last growth's, else {@link #alpha}. */
    public int finalAlpha() {
        return growth.isEmpty() ? alpha : growth.get(growth.size() - 1).alpha();
    }

    /** The samples per chain of each step of stage {@code stage} (0: as configured, {@code sampler}'s). */
    public int samplesPerChain(int stage, SamplerSpec sampler) {
        return stage == 0 ? sampler.samplesPerChain() : growth.get(stage - 1).samplesPerChain();
    }

    /** The samples of each step of stage {@code stage}, over all of {@code sampler}'s chains. */
    public int stepSamples(int stage, SamplerSpec sampler) {
        return sampler.chains() * samplesPerChain(stage, sampler);
    }

    /** Stage {@code stage} of a growing ansatz (0: as configured): its α and initial width, nothing to load. */
    public AnsatzSpec stage(int stage) {
        if (stage == 0) {
            return this;
        }
        Growth g = growth.get(stage - 1);
        return new AnsatzSpec(type, complex, g.alpha(), layers, symmetry, projection, g.initScale(), Optional.empty(),
                0, kernel, fermion, List.of(), signRule, pairing, hidden);
    }

    public boolean translationSymmetric() {
        return symmetry.equals("translations");
    }

    /** {@code rbm_pp}: a real RBM times the Gutzwiller-projected pair product (README, "RBM times a pair product"). */
    public boolean pairProduct() {
        return type.equals("rbm_pp");
    }

    /** rbm_pp: the parameters of F on {@code lattice}, L² free amplitudes or n_basis·L tied by the translations. */
    public int pairAmplitudes(Lattice lattice) {
        int n = lattice.nSites();
        return pairing == Pairing.TRANSLATIONS ? lattice.nBasis() * n : n * n;
    }

    /** The translation-symmetric RBM of the same α and projection that pretrains this one. */
    public AnsatzSpec symmetricPretraining() {
        return new AnsatzSpec(type, complex, alpha, layers, "translations", projection, initScale, Optional.empty(), 0,
                kernel, Optional.empty(), List.of(), signRule, pairing, hidden);
    }

    /** Whether the projection sums over the point group (alone or within the space group). */
    public boolean projectsPointGroup() {
        return projection instanceof ProjectionSpec.LatticeSector s && s.scope() != SpaceGroup.Scope.TRANSLATIONS;
    }

    public boolean projectsSpinFlip() {
        return projection.spinParity() != 0;
    }
}
