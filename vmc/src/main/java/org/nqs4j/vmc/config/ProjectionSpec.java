package org.nqs4j.vmc.config;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.nqs4j.hamiltonians.Lattice;
import org.nqs4j.hamiltonians.symmetry.SpaceGroup;

/**
 * The symmetry sector an ansatz is projected onto ({@code ansatz.projection}): nothing, the spin
 * flip alone, a sector of the lattice's space group (momentum and point-group irrep), or the
 * trivial sector of a custom graph's automorphism group; each with an optional spin-flip parity
 * {@code spinParity} = ±1 (0: no spin-flip projection).
 */
public sealed interface ProjectionSpec {
    int spinParity();

    /**
     * The translations a translation-symmetric ansatz projected onto this sector shares its features
     * over: those that keep the momentum k (e^{−ik·t} = 1), all of them at k = 0 or without a lattice sector.
     */
    default int[][] tiedTranslations(Lattice lattice) {
        return this instanceof LatticeSector l && !l.atZeroMomentum()
                ? lattice.spaceGroup().translationsKeeping(l.momentumArray()) : lattice.translations();
    }

    /** No projection. */
    record None() implements ProjectionSpec {
        @Override
        public int spinParity() {
            return 0;
        }
    }

    /** ψ(σ) + p ψ(−σ) only. */
    record SpinFlip(int spinParity) implements ProjectionSpec {
    }

    /**
     * Σ_g χ(g)* ψ(gσ) over the translations, the point group or the space group ({@code scope}),
     * momentum k = 2π Σ_a (n_a/L_a) b_a ({@code momentum} = the n_a) and point-group irrep
     * {@code irrep} (empty: the trivial one).
     */
    record LatticeSector(SpaceGroup.Scope scope, List<Integer> momentum, Optional<String> irrep, int spinParity)
            implements ProjectionSpec {
        public LatticeSector {
            momentum = List.copyOf(momentum);
        }

        public int[] momentumArray() {
            return momentum.stream().mapToInt(Integer::intValue).toArray();
        }

        public boolean atZeroMomentum() {
            return momentum.stream().allMatch(n -> n == 0);
        }

        @Override
        public String toString() {
            return scope.name().toLowerCase() + " k=" + Arrays.toString(momentumArray()) + " " + irrep.orElse("trivial")
                    + (spinParity == 0 ? "" : " spin flip " + (spinParity > 0 ? "+1" : "-1"));
        }
    }

    /** The trivial sector of the automorphism group of the coloured bond graph (custom lattices). */
    record Automorphisms(int spinParity) implements ProjectionSpec {
        /** The largest group summed over (each element is one evaluation of ψ per amplitude). */
        public static final int LIMIT = 100_000;
    }
}
