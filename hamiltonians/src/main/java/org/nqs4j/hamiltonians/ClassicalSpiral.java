package org.nqs4j.hamiltonians;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The coplanar spiral of lowest classical energy that fits a periodic Bravais cluster: unit spins in
 * the xy plane at angles φᵢ = Q·rᵢ, Q one of the cluster's momenta Q = 2π(m/L₁, n/L₂) (in the
 * reciprocal basis), chosen to minimise E(Q) = Σ_⟨ij⟩ cos(φᵢ − φⱼ) over the nearest-neighbour bonds
 * (Luttinger–Tisza for one site per cell: the classical ground state is the single-Q spiral of
 * lowest Fourier energy, here restricted to the Q the torus allows). On the chain and the square
 * lattice it is the Néel state (Q = π, (π, π)); on a triangular cluster whose extents are multiples of 3
 * the 120° state (Q = K); on other triangular clusters the spiral closest to 120° that closes around the
 * torus (6 × 4: E = −1.37 per site instead of −1.5).
 *
 * <p>In the σᶻ basis the spiral's amplitude on ↑ relative to ↓ at site i is e^{iφᵢ}, so its sign
 * structure is ψ(σ) ∝ e^{i Σᵢ φᵢ nᵢ}, nᵢ = (1 + σᵢ)/2: Marshall's sign for Q = (π, π), the 120° rule of
 * Huse &amp; Elser (PRL 60, 2531 (1988)) for Q = K. The angles are kept exact as φᵢ = 2π cᵢ/q with
 * integers cᵢ = (m n₁ q/L₁ + n n₂ q/L₂) mod q, q = lcm(L₁, L₂).
 *
 * <p>{@link #commensurate}: whether the torus admits the classical ground state of the infinite lattice,
 * i.e. no Q of the whole Brillouin zone (searched on a grid of 2π/{@value #GRID} steps, which holds the
 * commensurate orders, 120° among them) has a lower E(Q). Where it does not (triangular 4 × 4, 6 × 4,
 * 4 × 3), the cluster's best spiral is a compromise. {@link #noncollinear}: whether the infinite
 * lattice's order is a non-collinear spiral (2Q not a reciprocal lattice vector: 120° on the triangular
 * lattice), as opposed to the collinear Néel state of the chain and the square lattice, which an odd
 * torus frustrates only at its seam.
 *
 * @param m            Q's first component, 2πm/L₁
 * @param n            Q's second component, 2πn/L₂ (0 on a chain)
 * @param period       q
 * @param phaseIndex   cᵢ of every site
 * @param energy       E(Q) per bond of unit spins, in [−1, 1]
 * @param commensurate whether no Q of the infinite lattice has a lower energy per bond
 * @param noncollinear whether the infinite lattice's classical order (every Q of lowest energy) is non-collinear
 */
public record ClassicalSpiral(int m, int n, int period, int[] phaseIndex, double energy, boolean commensurate,
                              boolean noncollinear) {
    /** Spread between two energies that are the same minimum (the ties are broken by the first Q in (m, n) order). */
    private static final double TIE = 1e-9;
    /** Steps per 2π of the Brillouin-zone search for the infinite lattice's minimum. */
    static final int GRID = 360;

    public ClassicalSpiral {
        phaseIndex = phaseIndex.clone();
    }

    @Override
    public int[] phaseIndex() {
        return phaseIndex.clone();
    }

    /**
     * The spiral of {@code lattice}, when it is a periodic Bravais lattice with one site per cell
     * (chain, square, rectangular, triangular) and has nearest-neighbour bonds; else empty.
     */
    public static Optional<ClassicalSpiral> of(Lattice lattice) {
        if (!lattice.hasTranslations() || lattice.nBasis() != 1 || lattice.edges(0).isEmpty()) {
            return Optional.empty();
        }
        int[] extents = lattice.extents();
        int l1 = extents[0];
        int l2 = extents.length > 1 ? extents[1] : 1;
        int q = l1 / gcd(l1, l2) * l2;
        int sites = lattice.nSites();
        int[][] cells = new int[sites][];
        for (int i = 0; i < sites; i++) {
            cells[i] = lattice.coordinates(i);
        }
        double bestEnergy = Double.POSITIVE_INFINITY;
        int[] bestIndex = null;
        int bestM = 0;
        int bestN = 0;
        for (int m = 0; m < l1; m++) {
            for (int n = 0; n < l2; n++) {
                int[] c = new int[sites];
                for (int i = 0; i < sites; i++) {
                    c[i] = (int) Math.floorMod((long) m * cells[i][0] * (q / l1) + (long) n * cells[i][1] * (q / l2), q);
                }
                double e = 0;
                for (Edge b : lattice.edges(0)) {
                    e += Math.cos(2 * Math.PI * (c[b.i()] - c[b.j()]) / q);
                }
                e /= lattice.edges(0).size();
                if (e < bestEnergy - TIE) {
                    bestEnergy = e;
                    bestIndex = c;
                    bestM = m;
                    bestN = n;
                }
            }
        }
        ZoneMinimum zone = infiniteLatticeMinimum(lattice, cells, l1, l2);
        return Optional.of(new ClassicalSpiral(bestM, bestN, q, bestIndex, bestEnergy,
                bestEnergy <= zone.energy() + TIE, !zone.collinear()));
    }

    /** The infinite lattice's lowest energy per bond, and whether a collinear Q (2Q ≡ 0) attains it. */
    private record ZoneMinimum(double energy, boolean collinear) {
    }

    /**
     * min over Q of the energy per bond Σ cos(Q·δ)/N_b of the bonds' displacements δ (cell coordinates,
     * the shortest image around the torus; δ and −δ alike), on the {@value #GRID} × {@value #GRID} grid of
     * the zone, and whether a Q with 2Q on the reciprocal lattice (0 or π along each axis) attains it.
     */
    private static ZoneMinimum infiniteLatticeMinimum(Lattice lattice, int[][] cells, int l1, int l2) {
        Map<List<Integer>, Integer> count = new HashMap<>(); // a few distinct displacements, each with its bonds
        for (Edge b : lattice.edges(0)) {
            int d1 = shortest(cells[b.j()][0] - cells[b.i()][0], l1);
            int d2 = shortest(cells[b.j()][1] - cells[b.i()][1], l2);
            boolean flip = d1 < 0 || (d1 == 0 && d2 < 0);
            count.merge(List.of(flip ? -d1 : d1, flip ? -d2 : d2), 1, Integer::sum);
        }
        int bonds = lattice.edges(0).size();
        double min = Double.POSITIVE_INFINITY;
        double collinearMin = Double.POSITIVE_INFINITY;
        for (int a = 0; a < GRID; a++) {
            for (int b = 0; b < (l2 > 1 ? GRID : 1); b++) {
                double e = 0;
                for (Map.Entry<List<Integer>, Integer> d : count.entrySet()) {
                    e += d.getValue() * Math.cos(2 * Math.PI * (a * d.getKey().get(0) + b * d.getKey().get(1)) / GRID);
                }
                min = Math.min(min, e / bonds);
                if ((2 * a) % GRID == 0 && (2 * b) % GRID == 0) {
                    collinearMin = Math.min(collinearMin, e / bonds);
                }
            }
        }
        return new ZoneMinimum(min, collinearMin <= min + TIE);
    }

    /** d mod l as the displacement of smallest magnitude, in (−l/2, l/2]. */
    private static int shortest(int d, int l) {
        int r = Math.floorMod(d, l);
        return r > l / 2 ? r - l : r;
    }

    /** "Q = 2π(m/L₁, n/L₂)" as text. */
    public String label(Lattice lattice) {
        int[] extents = lattice.extents();
        return extents.length == 1 ? "Q = 2pi*" + m + "/" + extents[0]
                : "Q = 2pi*(" + m + "/" + extents[0] + ", " + n + "/" + extents[1] + ")";
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
