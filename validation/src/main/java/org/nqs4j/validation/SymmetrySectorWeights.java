package org.nqs4j.validation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.nqs4j.hamiltonians.Boundary;
import org.nqs4j.hamiltonians.Lattice;
import org.nqs4j.hamiltonians.symmetry.SpaceGroup;
import org.nqs4j.hamiltonians.symmetry.SymmetrySector;

/**
 * The weights of a real spin-½ state ψ, given by its amplitudes on a {@link SpinBasis}, in the
 * symmetry sectors s of a lattice: momentum k × irrep of the little group of k (the point-group
 * irrep on an open lattice) × spin-flip parity p. With the projector
 * <pre>
 *   P_s = (d_s / 2|G_s|) Σ_{g∈G_s} χ_s(g)* T_g (1 + p F),   T_g ψ(σ) = ψ(gσ),  (gσ)_i = σ_{g(i)},  F ψ(σ) = ψ(−σ),
 * </pre>
 * G_s = translations × little group of k and χ_s(g) = e^{−ik·t} χ(R) the characters of
 * {@link SpaceGroup#sector} (d_s = χ_s(1) the dimension of the irrep; P_s is its character
 * projector, an orthogonal projector since T_g and F are unitary and commute), the weight is
 * <pre>
 *   ‖P_s ψ‖² / ‖ψ‖² = ⟨ψ|P_s|ψ⟩ / ⟨ψ|ψ⟩ = (d_s / 2|G_s|) Σ_g χ_s(g)* [O(g) + p O_F(g)] / O(1),
 *   O(g) = Σ_σ ψ(σ) ψ(gσ),   O_F(g) = Σ_σ ψ(σ) ψ(−gσ),
 * </pre>
 * real for real ψ (O(g⁻¹) = O(g) and χ(g⁻¹) = χ(g)*, so the imaginary parts cancel). The weights
 * of all sectors sum to 1, and a non-degenerate eigenstate of a Hamiltonian that commutes with
 * the group and F has weight 1 in one sector and 0 in all others. Without the flip (a basis not
 * closed under σ → −σ, or a Hamiltonian that does not commute with F) the factor (1 + pF)/2 is
 * left out and the sectors carry no parity; without the space group G is the identity alone.
 *
 * <p>Cost: the overlaps are computed once per element of the whole group, |G|·D images gσ
 * (a bit permutation and a rank each), on the {@link RowParallel} threads; each sector is then a
 * sum over its elements.
 *
 * <p>Frames: a sign mask B gives the weights of s_B ψ instead, s_B(σ) = Π_{j∈B} σ_j, in the same
 * pass: s_B(σ) s_B(gσ) = (−1)^{#(B ∩ {i : σ_i ≠ (gσ)_i})} and s_B(−τ) = (−1)^{|B|} s_B(τ). With B
 * the Marshall sublattice this undoes the rotation U = Π_{j∈B} Z_j: the sectors of the state in
 * the basis as written, from the ground state of the rotated Hamiltonian.
 */
public final class SymmetrySectorWeights {
    private SymmetrySectorWeights() {
    }

    /**
     * A sector and the state's weight in it.
     *
     * @param momentum  the integers n_a of k = 2π Σ_a (n_a/L_a) b_a (periodic lattices), else null
     * @param irrep     the irrep of the little group of k (of the point group on an open lattice);
     *                  null without a group
     * @param dimension d_s, the dimension of the irrep
     * @param spinFlip  the parity p = ±1 under σ → −σ, or 0 when the flip is not resolved
     * @param weight    ‖P_s ψ‖² / ‖ψ‖²
     */
    public record Sector(int[] momentum, String irrep, int dimension, int spinFlip, double weight) {
    }

    /** The projector of one sector: its elements (indices into the group's element list) and characters. */
    private record Projector(int[] momentum, String irrep, int dimension, int[] elements, double[] characterRe) {
    }

    /**
     * The weights of the state in every sector, for each sign mask B in {@code signMasks} (the
     * weights of s_B ψ; mask 0 gives ψ's own).
     *
     * @param spaceGroup whether to resolve the lattice's space group ({@link Lattice#spaceGroup},
     *                   which the caller has checked to commute with the Hamiltonian); false: no
     *                   group, the spin flip alone
     * @param spinFlip   whether to resolve the parity under σ → −σ; needs a basis
     *                   {@linkplain SpinBasis#closedUnderFlip closed under the flip}
     * @return per mask, every sector with its weight (including those of weight 0), in the order
     *         momentum, irrep, parity +1 before −1
     */
    public static List<List<Sector>> of(Lattice lattice, boolean spaceGroup, boolean spinFlip, SpinBasis basis,
                                        double[] psi, long... signMasks) {
        if (psi.length != basis.dimension()) {
            throw new IllegalArgumentException("state has " + psi.length + " amplitudes, basis has " + basis.dimension());
        }
        if (signMasks.length == 0) {
            throw new IllegalArgumentException("no sign mask: give 0 for the weights of the state itself");
        }
        if (spinFlip && !basis.closedUnderFlip()) {
            throw new IllegalArgumentException("the spin flip maps " + basis + " out of itself");
        }
        int[][] elements = spaceGroup ? lattice.spaceGroup().elements() : new int[][] {identity(lattice.nSites())};
        List<Projector> projectors = spaceGroup ? projectors(lattice, elements)
                : List.of(new Projector(null, null, 1, new int[] {0}, new double[] {1}));
        double[] overlaps = overlaps(elements, basis, psi, spinFlip, signMasks);
        List<List<Sector>> out = new ArrayList<>();
        for (int m = 0; m < signMasks.length; m++) {
            int offset = 2 * m * elements.length;
            double norm = overlaps[offset]; // O(1) = ⟨ψ|ψ⟩, element 0 being the identity
            List<Sector> sectors = new ArrayList<>();
            for (Projector p : projectors) {
                for (int parity : spinFlip ? new int[] {1, -1} : new int[] {0}) {
                    double sum = 0;
                    for (int e = 0; e < p.elements.length; e++) {
                        int g = offset + 2 * p.elements[e];
                        sum += p.characterRe[e] * (overlaps[g] + parity * overlaps[g + 1]);
                    }
                    double weight = p.dimension * sum / ((spinFlip ? 2.0 : 1.0) * p.elements.length * norm);
                    sectors.add(new Sector(p.momentum, p.irrep, p.dimension, parity, weight));
                }
            }
            out.add(List.copyOf(sectors));
        }
        return List.copyOf(out);
    }

    /** |G|, the number of images per basis state: the order of the space group, or 1. */
    public static int groupOrder(Lattice lattice, boolean spaceGroup) {
        return spaceGroup ? lattice.spaceGroup().order() : 1;
    }

    private static int[] identity(int n) {
        int[] row = new int[n];
        Arrays.setAll(row, i -> i);
        return row;
    }

    /**
     * Every sector of the space group: momenta n_a = 0..L_a − 1 with the irreps of their little
     * groups on a periodic lattice, the point-group irreps on an open one. A sector the cluster
     * cannot hold (two operations acting alike with different characters) is left out: the irreps
     * of the group of distinct permutations are exactly the others.
     */
    private static List<Projector> projectors(Lattice lattice, int[][] elements) {
        SpaceGroup group = lattice.spaceGroup();
        Map<List<Integer>, Integer> index = new HashMap<>();
        for (int e = 0; e < elements.length; e++) {
            index.put(Arrays.stream(elements[e]).boxed().toList(), e);
        }
        boolean periodic = lattice.boundary().orElseThrow() == Boundary.PERIODIC;
        int[] ext = lattice.extents();
        List<int[]> momenta = new ArrayList<>();
        momenta.add(new int[ext.length]);
        for (int a = 0; periodic && a < ext.length; a++) {
            List<int[]> next = new ArrayList<>();
            for (int[] k : momenta) {
                for (int n = 0; n < ext[a]; n++) {
                    int[] kn = k.clone();
                    kn[a] = n;
                    next.add(kn);
                }
            }
            momenta = next;
        }
        SpaceGroup.Scope scope = periodic ? SpaceGroup.Scope.SPACE_GROUP : SpaceGroup.Scope.POINT_GROUP;
        List<Projector> out = new ArrayList<>();
        for (int[] k : momenta) {
            for (String irrep : group.irreps(k)) {
                SymmetrySector s;
                try {
                    s = group.sector(scope, periodic ? k : null, Optional.of(irrep));
                } catch (IllegalArgumentException absentOnThisCluster) {
                    continue;
                }
                int[] rows = Arrays.stream(s.permutations()).mapToInt(r -> index.get(Arrays.stream(r).boxed().toList()))
                        .toArray();
                out.add(new Projector(periodic ? k : null, irrep, (int) Math.round(s.characterRe()[0]), rows,
                        s.characterRe()));
            }
        }
        return out;
    }

    /**
     * O(g) and O_F(g) of s_B ψ for every mask B and element g, at [2(m·|G| + g)] and
     * [2(m·|G| + g) + 1]; partial sums per thread range, reduced in range order.
     */
    private static double[] overlaps(int[][] elements, SpinBasis basis, double[] psi, boolean flip, long[] masks) {
        int ng = elements.length;
        int[] bounds = RowParallel.evenBounds(basis.dimension());
        double[][] partial = new double[bounds.length - 1][];
        RowParallel.run(bounds, (part, from, to) -> {
            double[] acc = new double[2 * masks.length * ng];
            for (int x = from; x < to; x++) {
                double a = psi[x];
                if (a == 0) {
                    continue;
                }
                long b = basis.state(x);
                for (int g = 0; g < ng; g++) {
                    long gb = permuted(b, elements[g]);
                    int y = basis.index(gb);
                    double direct = a * psi[y];
                    double flipped = flip ? a * psi[basis.flipped(y)] : 0;
                    for (int m = 0; m < masks.length; m++) {
                        boolean odd = (Long.bitCount((b ^ gb) & masks[m]) & 1) != 0;
                        boolean oddFlip = odd ^ (Long.bitCount(masks[m]) & 1) != 0;
                        int i = 2 * (m * ng + g);
                        acc[i] += odd ? -direct : direct;
                        acc[i + 1] += oddFlip ? -flipped : flipped;
                    }
                }
            }
            partial[part] = acc;
        });
        double[] sum = new double[2 * masks.length * ng];
        for (double[] p : partial) {
            for (int i = 0; i < sum.length; i++) {
                sum[i] += p[i];
            }
        }
        return sum;
    }

    /** The pattern of gσ: bit i of the image is bit g(i) of σ. */
    private static long permuted(long bits, int[] row) {
        long image = 0;
        for (int i = 0; i < row.length; i++) {
            image |= ((bits >>> row[i]) & 1L) << i;
        }
        return image;
    }
}
