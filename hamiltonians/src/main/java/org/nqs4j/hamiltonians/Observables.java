package org.nqs4j.hamiltonians;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Common spin observables as {@link PauliSumOperator}s. Each is defined with O^α = σ^α
 * ({@link Units#PAULI}) or O^α = S^α = σ^α/2 ({@link Units#SPIN_HALF}); the formulas below are
 * written in S and hold with σ in place of S for PAULI. On-site products are the constants
 * O_i·O_i = 3u² and O^z_iO^z_i = u², u = 1 (PAULI) or 1/2 (SPIN_HALF).
 */
public final class Observables {
    private Observables() {
    }

    /** Total magnetisation M = Σ_i S^z_i. */
    public static PauliSumOperator magnetization(int nSites, Units units) {
        List<PauliString> terms = new ArrayList<>();
        for (int i = 0; i < nSites; i++) {
            terms.add(PauliString.of(units.perOperator(), "Z", i));
        }
        return PauliSumOperator.of(nSites, terms, "total magnetisation Σ_i Sz_i (not per site), " + units + " units");
    }

    /** S^z_i S^z_j. */
    public static PauliSumOperator zz(int nSites, int i, int j, Units units) {
        List<PauliString> terms = new ArrayList<>();
        addZz(terms, i, j, 1, units);
        return PauliSumOperator.of(nSites, terms, "Sz_" + i + " Sz_" + j + ", " + units + " units");
    }

    /** S_i·S_j = S^x_iS^x_j + S^y_iS^y_j + S^z_iS^z_j. */
    public static PauliSumOperator spinCorrelation(int nSites, int i, int j, Units units) {
        List<PauliString> terms = new ArrayList<>();
        addDot(terms, i, j, 1, units);
        return PauliSumOperator.of(nSites, terms, "S_" + i + "·S_" + j + ", " + units + " units");
    }

    /**
     * Squared staggered magnetisation m_s² = (1/N²) Σ_{ij} ε_iε_j S_i·S_j with ε_i = +1 on
     * sublattice 0 and −1 on sublattice 1 of the colour-0 bonds; its Néel-state value is 1/4 + 1/(2N)
     * in SPIN_HALF units, and the on-site terms i = j contribute 3/(4N).
     */
    public static PauliSumOperator staggeredMagnetizationSquared(Lattice lattice, Units units) {
        int[] sub = lattice.sublattice().orElseThrow(() -> new IllegalArgumentException(
                "the staggered magnetisation needs a bipartite lattice; " + lattice + " is not"));
        int n = lattice.nSites();
        List<PauliString> terms = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                double eps = sub[i] == sub[j] ? 1 : -1;
                addDot(terms, i, j, (i == j ? 1.0 : 2.0) * eps / ((double) n * n), units);
            }
        }
        return PauliSumOperator.of(n, terms, "staggered magnetisation squared (1/N²) Σ ε_i ε_j S_i·S_j, "
                + units + " units, " + lattice);
    }

    /**
     * Longitudinal structure factor S(q) = (1/N) Σ_{ij} e^{iq·(r_i − r_j)} S^z_iS^z_j
     * = (1/N) Σ_{ij} cos(q·(r_i − r_j)) S^z_iS^z_j, r the Cartesian site positions
     * ({@link Lattice#position}; (x) on a chain). On a periodic lattice q should be a momentum of
     * the finite lattice ({@link Lattice#momentum}, q_a = 2π n_a / L_a on the square lattice), for
     * which the image chosen for r_i − r_j does not matter.
     */
    public static PauliSumOperator structureFactor(Lattice lattice, double[] q, Units units) {
        int dim = lattice.extents().length;
        if (dim == 0) {
            throw new IllegalArgumentException("the structure factor needs a Bravais lattice with positions; "
                    + lattice + " has none");
        }
        if (q.length != dim) {
            throw new IllegalArgumentException("q has " + q.length + " components, " + lattice + " is " + dim
                    + "-dimensional");
        }
        int n = lattice.nSites();
        List<PauliString> terms = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double[] ri = lattice.position(i);
            for (int j = i; j < n; j++) {
                double[] rj = lattice.position(j);
                double phase = 0;
                for (int a = 0; a < dim; a++) {
                    phase += q[a] * (ri[a] - rj[a]);
                }
                addZz(terms, i, j, (i == j ? 1.0 : 2.0) * Math.cos(phase) / n, units);
            }
        }
        return PauliSumOperator.of(n, terms, "structure factor S(q) = (1/N) Σ cos(q·(r_i-r_j)) Sz_i Sz_j, q="
                + Arrays.toString(q) + ", " + units + " units, " + lattice);
    }

    /**
     * The correlation at displacement r averaged over translations,
     * C(r) = (1/N_r) Σ_i S_i·S_{i+r} (or S^z_iS^z_{i+r} when {@code zzOnly}), N_r the number of
     * pairs (N on a periodic lattice, fewer on an open one). Averaging over the N equivalent pairs
     * of a translation-invariant state reduces the statistical error at no cost in bias.
     */
    public static PauliSumOperator translationAveragedCorrelation(Lattice lattice, int dx, int dy, boolean zzOnly,
                                                                  Units units) {
        int n = lattice.nSites();
        List<int[]> pairs = lattice.pairsAt(dx, dy);
        List<PauliString> terms = new ArrayList<>();
        for (int[] p : pairs) {
            if (zzOnly) {
                addZz(terms, p[0], p[1], 1.0 / pairs.size(), units);
            } else {
                addDot(terms, p[0], p[1], 1.0 / pairs.size(), units);
            }
        }
        return PauliSumOperator.of(n, terms, "C(" + dx + "," + dy + ") = mean_i " + (zzOnly ? "Sz_i Sz_i+r" : "S_i·S_i+r")
                + ", " + units + " units, " + lattice);
    }

    /** Adds c·O_i·O_j (3u²c on site). */
    private static void addDot(List<PauliString> terms, int i, int j, double c, Units units) {
        if (i == j) {
            terms.add(PauliString.identity(3 * c * units.product(2)));
        } else {
            SpinModels.addXxzBond(terms, i, j, c * units.product(2), 1);
        }
    }

    /** Adds c·O^z_iO^z_j (u²c on site). */
    private static void addZz(List<PauliString> terms, int i, int j, double c, Units units) {
        terms.add(i == j ? PauliString.identity(c * units.product(2)) : PauliString.of(c * units.product(2), "ZZ", i, j));
    }
}
