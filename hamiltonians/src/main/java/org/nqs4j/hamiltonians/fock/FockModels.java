package org.nqs4j.hamiltonians.fock;

import java.util.ArrayList;
import java.util.List;

import org.nqs4j.hamiltonians.Edge;
import org.nqs4j.hamiltonians.Lattice;

/**
 * Lattice models of fermions and bosons as {@link FockOperator}s. Bonds come from the lattice's
 * coloured edges: colour 0 = nearest neighbours ⟨ij⟩, colour 1 = next-nearest ⟨⟨ij⟩⟩. Spin-1/2
 * fermion modes are numbered site + N·σ (σ = 0 ↑, 1 ↓), the Jordan–Wigner order of
 * {@link FockOperator}.
 */
public final class FockModels {
    private FockModels() {
    }

    /**
     * Fermi-Hubbard model
     * H = −t Σ_{⟨ij⟩σ} (c†_{iσ}c_{jσ} + h.c.) − t′ Σ_{⟨⟨ij⟩⟩σ} (c†_{iσ}c_{jσ} + h.c.)
     * + U Σ_i n_{i↑}n_{i↓} + V Σ_{⟨ij⟩} n_i n_j − μ Σ_i n_i, with n_i = n_{i↑} + n_{i↓}.
     * t′ needs colour-1 bonds when non-zero.
     */
    public static FockOperator hubbard(Lattice lattice, double t, double tPrime, double u, double v, double mu) {
        requireFinite("t", t);
        requireFinite("t'", tPrime);
        requireFinite("U", u);
        requireFinite("V", v);
        requireFinite("mu", mu);
        int n = lattice.nSites();
        List<FockTerm> terms = new ArrayList<>();
        for (int s = 0; s < 2; s++) {
            addHopping(terms, lattice, 0, -t, n * s);
            if (tPrime != 0) {
                addHopping(terms, lattice, 1, -tPrime, n * s);
            }
        }
        for (int i = 0; i < n; i++) {
            terms.add(FockTerm.of(u, "nn", i, i + n));
            terms.add(FockTerm.of(-mu, "n", i));
            terms.add(FockTerm.of(-mu, "n", i + n));
        }
        for (Edge e : lattice.edges(0)) {
            for (int si = 0; si < 2; si++) {
                for (int sj = 0; sj < 2; sj++) {
                    terms.add(FockTerm.of(v, "nn", e.i() + n * si, e.j() + n * sj));
                }
            }
        }
        return FockOperator.fermions(2 * n, terms, "Hubbard H = -t Σ c†c - t' Σ_nnn c†c + U Σ n↑n↓ + V Σ n_i n_j"
                + " - mu Σ n, t=" + t + ", t'=" + tPrime + ", U=" + u + ", V=" + v + ", mu=" + mu + ", " + lattice);
    }

    /** Spinless fermions H = −t Σ_{⟨ij⟩} (c†_i c_j + h.c.) + V Σ_{⟨ij⟩} n_i n_j − μ Σ_i n_i. */
    public static FockOperator spinlessFermions(Lattice lattice, double t, double v, double mu) {
        requireFinite("t", t);
        requireFinite("V", v);
        requireFinite("mu", mu);
        int n = lattice.nSites();
        List<FockTerm> terms = new ArrayList<>();
        addHopping(terms, lattice, 0, -t, 0);
        for (Edge e : lattice.edges(0)) {
            terms.add(FockTerm.of(v, "nn", e.i(), e.j()));
        }
        for (int i = 0; i < n; i++) {
            terms.add(FockTerm.of(-mu, "n", i));
        }
        return FockOperator.fermions(n, terms, "spinless fermions H = -t Σ c†c + V Σ n_i n_j - mu Σ n, t=" + t + ", V="
                + v + ", mu=" + mu + ", " + lattice);
    }

    /**
     * Bose-Hubbard model H = −J Σ_{⟨ij⟩} (b†_i b_j + h.c.) + (U/2) Σ_i n_i(n_i − 1) − μ Σ_i n_i with
     * occupations truncated at n_max.
     */
    public static FockOperator boseHubbard(Lattice lattice, double j, double u, double mu, int nMax) {
        requireFinite("J", j);
        requireFinite("U", u);
        requireFinite("mu", mu);
        int n = lattice.nSites();
        List<FockTerm> terms = new ArrayList<>();
        addHopping(terms, lattice, 0, -j, 0);
        for (int i = 0; i < n; i++) {
            terms.add(FockTerm.of(u / 2, "nn", i, i));
            terms.add(FockTerm.of(-u / 2 - mu, "n", i));
        }
        return FockOperator.bosons(n, nMax, terms, "Bose-Hubbard H = -J Σ b†b + U/2 Σ n(n-1) - mu Σ n, J=" + j + ", U="
                + u + ", mu=" + mu + ", n_max=" + nMax + ", " + lattice);
    }

    /** Adds amplitude·(a†_i a_j + a†_j a_i) for every bond of {@code colour}, modes shifted by {@code offset}. */
    private static void addHopping(List<FockTerm> terms, Lattice lattice, int colour, double amplitude, int offset) {
        List<Edge> bonds = lattice.edges(colour);
        if (bonds.isEmpty()) {
            throw new IllegalArgumentException("hopping on colour-" + colour + (colour == 0 ? " (nearest-neighbour)"
                    : " (next-nearest-neighbour)") + " bonds, but " + lattice + " has none");
        }
        for (Edge e : bonds) {
            terms.add(FockTerm.of(amplitude, "+-", e.i() + offset, e.j() + offset));
            terms.add(FockTerm.of(amplitude, "+-", e.j() + offset, e.i() + offset));
        }
    }

    private static void requireFinite(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("coupling " + name + " must be finite, got " + value);
        }
    }
}
