package org.nqs4j.vmc.config;

/**
 * The ansatz of a fermion run ({@code hilbert.type: fermions}): a Slater determinant of
 * {@link Orbitals} (its coefficients are variational parameters too) or the pair product built
 * from them ({@link Determinant}), alone or times a Jastrow factor, or a determinant made
 * configuration-dependent by neural backflow.
 * <ul>
 * <li>{@link Slater} {@code slater}: the determinant alone;</li>
 * <li>{@link SlaterJastrow} {@code slater_jastrow}: exp(Σ v_ij n_i n_j) times it, over site densities
 * or spin-orbital occupations (Capello et al., PRL 94, 026406 (2005));</li>
 * <li>{@link RbmSlater} {@code rbm_slater}: a real RBM over the spin-orbital occupations (α·L·species
 * hidden units, or α features shared over a lattice {@link Symmetry} group) times it, a neural
 * Jastrow (Nomura et al., PRB 96, 205152 (2017));</li>
 * <li>{@link Backflow} {@code backflow}: orbitals φ(r; n) = Φ + V tanh(b + W n) with α·L·species hidden
 * units (Luo &amp; Clark, PRL 122, 226401 (2019)), or the pair product's F(n) = F + V tanh(b + W n).</li>
 * </ul>
 */
public sealed interface FermionAnsatzSpec {
    /** The orbitals of the determinant at the start of the optimisation. */
    Orbitals orbitals();

    /** The antisymmetric factor (backflow: the determinant whose table the network dresses). */
    Determinant determinant();

    /** The config word of the type. */
    String type();

    /**
     * {@code tight_binding}: the lowest eigenvectors of the hopping matrix (the U = 0 ground state);
     * {@code uhf}: unrestricted Hartree–Fock of the Hubbard model, seeded antiferromagnetically on a
     * bipartite lattice.
     */
    enum Orbitals {
        TIGHT_BINDING, UHF;

        public String word() {
            return name().toLowerCase();
        }
    }

    /**
     * The antisymmetric part of slater, slater_jastrow and rbm_slater: {@code slater} (det Φ↑ · det Φ↓)
     * or {@code pair_product} (det F[r↑; r↓] with F = Φ↑Φ↓ᵀ at the start, every F_{rr′} variational;
     * N↑ = N↓ only; Tahara &amp; Imada 2008, Nomura et al. 2017).
     */
    enum Determinant {
        SLATER, PAIR_PRODUCT
    }

    /** {@code density}: v_ij n_i n_j over site densities; {@code spin_resolved}: v_ab n_a n_b over spin-orbitals. */
    enum Jastrow {
        DENSITY, SPIN_RESOLVED;

        public String word() {
            return name().toLowerCase();
        }
    }

    record Slater(Orbitals orbitals, Determinant determinant) implements FermionAnsatzSpec {
        @Override
        public String type() {
            return "slater";
        }
    }

    record SlaterJastrow(Orbitals orbitals, Determinant determinant, Jastrow jastrow) implements FermionAnsatzSpec {
        @Override
        public String type() {
            return "slater_jastrow";
        }
    }

    /**
     * The group the RBM Jastrow's weights are shared over: {@code none} (a plain RBM),
     * {@code translations} or {@code space_group} (translations and point group) of a periodic
     * Bravais lattice, acting on every species alike.
     */
    enum Symmetry {
        NONE, TRANSLATIONS, SPACE_GROUP;

        public String word() {
            return name().toLowerCase();
        }
    }

    /**
     * @param alpha hidden units per spin-orbital (symmetry none) or features (a symmetric RBM: M = α|G|)
     * @param symmetry the group of the RBM's shared weights
     */
    record RbmSlater(Orbitals orbitals, Determinant determinant, int alpha, Symmetry symmetry)
            implements FermionAnsatzSpec {
        @Override
        public String type() {
            return "rbm_slater";
        }
    }

    /**
     * @param determinant {@code slater}: backflow orbitals Φ(n); {@code pair_product}: a backflow
     *                    pairing function F(n)
     * @param alpha       hidden units per spin-orbital
     */
    record Backflow(Orbitals orbitals, Determinant determinant, int alpha) implements FermionAnsatzSpec {
        @Override
        public String type() {
            return "backflow";
        }
    }
}
