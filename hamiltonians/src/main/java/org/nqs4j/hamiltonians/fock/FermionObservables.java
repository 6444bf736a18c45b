package org.nqs4j.hamiltonians.fock;

import java.util.ArrayList;
import java.util.List;

import org.nqs4j.hamiltonians.Lattice;

/**
 * Observables of lattice fermions as {@link FockOperator}s on the spin-orbitals site + L·σ of
 * {@link FockModels} (σ = 0 ↑, 1 ↓; one species for spinless fermions), n_i = Σ_σ n_iσ:
 * <ul>
 * <li>{@link #density} ⟨n_i⟩;</li>
 * <li>{@link #doubleOccupancy} D = (1/L) Σ_i n_i↑ n_i↓;</li>
 * <li>{@link #chargeCorrelation} N(r) = mean_i n_i n_{i+r};</li>
 * <li>{@link #spinCorrelation} C^zz(r) = mean_i S^z_i S^z_{i+r}, S^z_i = (n_i↑ − n_i↓)/2 (only the zz
 * part: S⁺_i S⁻_j moves two particles at once, a move the fermionic walkers do not take);</li>
 * <li>{@link #momentumDistribution} n(k) = (1/(L S)) Σ_σ Σ_ij cos(k·(r_i − r_j)) c†_iσ c_jσ, the
 * occupation of momentum k per spin-orbital (the sine part vanishes for a real state).</li>
 * </ul>
 */
public final class FermionObservables {
    private FermionObservables() {
    }

    /** n_i = Σ_σ n_iσ. */
    public static FockOperator density(int nSites, int nSpecies, int site) {
        requireSite(nSites, site);
        List<FockTerm> terms = new ArrayList<>();
        for (int s = 0; s < nSpecies; s++) {
            terms.add(FockTerm.of(1, "n", site + nSites * s));
        }
        return FockOperator.fermions(nSites * nSpecies, terms, "n_" + site);
    }

    /** D = (1/L) Σ_i n_i↑ n_i↓ (spinful fermions). */
    public static FockOperator doubleOccupancy(int nSites) {
        List<FockTerm> terms = new ArrayList<>();
        for (int i = 0; i < nSites; i++) {
            terms.add(FockTerm.of(1.0 / nSites, "nn", i, i + nSites));
        }
        return FockOperator.fermions(2 * nSites, terms, "D = (1/L) Σ_i n_i↑ n_i↓");
    }

    /** N(r) = mean_i n_i n_{i+r} over the sites i whose translate by (dx, dy) exists. */
    public static FockOperator chargeCorrelation(Lattice lattice, int nSpecies, int dx, int dy) {
        int n = lattice.nSites();
        List<int[]> pairs = pairs(lattice, dx, dy);
        List<FockTerm> terms = new ArrayList<>();
        for (int[] p : pairs) {
            for (int s = 0; s < nSpecies; s++) {
                for (int t = 0; t < nSpecies; t++) {
                    addProduct(terms, 1.0 / pairs.size(), p[0] + n * s, p[1] + n * t);
                }
            }
        }
        return FockOperator.fermions(n * nSpecies, terms, "N(" + dx + "," + dy + ") = mean_i n_i n_i+r, " + lattice);
    }

    /** C^zz(r) = mean_i S^z_i S^z_{i+r} (spinful fermions). */
    public static FockOperator spinCorrelation(Lattice lattice, int dx, int dy) {
        int n = lattice.nSites();
        List<int[]> pairs = pairs(lattice, dx, dy);
        List<FockTerm> terms = new ArrayList<>();
        for (int[] p : pairs) {
            for (int s = 0; s < 2; s++) {
                for (int t = 0; t < 2; t++) {
                    addProduct(terms, (s == t ? 0.25 : -0.25) / pairs.size(), p[0] + n * s, p[1] + n * t);
                }
            }
        }
        return FockOperator.fermions(2 * n, terms, "Czz(" + dx + "," + dy + ") = mean_i Sz_i Sz_i+r, " + lattice);
    }

    /** n(k) = (1/(L S)) Σ_σ Σ_ij cos(k·(r_i − r_j)) c†_iσ c_jσ at the Cartesian momentum {@code k}. */
    public static FockOperator momentumDistribution(Lattice lattice, int nSpecies, double[] k) {
        int n = lattice.nSites();
        List<FockTerm> terms = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double[] ri = lattice.position(i);
            for (int j = 0; j < n; j++) {
                double[] rj = lattice.position(j);
                double phase = 0;
                for (int a = 0; a < k.length; a++) {
                    phase += k[a] * (ri[a] - rj[a]);
                }
                double c = Math.cos(phase) / (n * nSpecies);
                for (int s = 0; s < nSpecies; s++) {
                    terms.add(i == j ? FockTerm.of(c, "n", i + n * s) : FockTerm.of(c, "+-", i + n * s, j + n * s));
                }
            }
        }
        return FockOperator.fermions(n * nSpecies, terms, "n(k) = (1/(L S)) Σ_σij cos(k·r_ij) c†_iσ c_jσ, " + lattice);
    }

    /** c·n_a n_b, which is c·n_a when a = b (n² = n). */
    private static void addProduct(List<FockTerm> terms, double c, int a, int b) {
        terms.add(a == b ? FockTerm.of(c, "n", a) : FockTerm.of(c, "nn", a, b));
    }

    private static List<int[]> pairs(Lattice lattice, int dx, int dy) {
        List<int[]> pairs = new ArrayList<>();
        for (int i = 0; i < lattice.nSites(); i++) {
            int j = lattice.translate(i, dx, dy);
            if (j >= 0) {
                pairs.add(new int[] {i, j});
            }
        }
        if (pairs.isEmpty()) {
            throw new IllegalArgumentException("no pair of sites of " + lattice + " is " + dx + "," + dy + " apart");
        }
        return pairs;
    }

    private static void requireSite(int nSites, int site) {
        if (site < 0 || site >= nSites) {
            throw new IllegalArgumentException("site " + site + " outside 0.." + (nSites - 1));
        }
    }
}
