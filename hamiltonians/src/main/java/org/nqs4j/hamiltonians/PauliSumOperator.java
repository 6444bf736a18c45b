package org.nqs4j.hamiltonians;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ô = Σ_t c_t P_t, a sum of {@link PauliString}s on N spin-1/2 sites.
 *
 * <p>A term maps σ to the single configuration σ with its X and Y sites flipped, so terms with the
 * same flip set F share one connection. At construction the terms are grouped by F; for each
 * group {@link #connections} sums
 * ⟨σ^F|Ô|σ⟩ = Σ_{t: F_t = F} c_t · i^{#Y_t} · Π_{s ∈ Y_t ∪ Z_t} σ_s
 * and emits one entry per group whose sum is non-zero (the diagonal, F = ∅, comes first). The
 * Heisenberg hopping XX + YY thus gives 1 − σ_iσ_j, which vanishes exactly on parallel spins.
 *
 * <p>Identical Pauli strings are merged (coefficients summed) and terms whose coefficient is
 * exactly zero are dropped; {@link #terms()} returns that canonical list.
 */
public final class PauliSumOperator implements LocalOperator, DiscreteOperator {
    private final int nSites;
    private final List<PauliString> terms;
    private final String description;
    private final boolean real;
    /** Σ_k |c_k|, fixed with the terms. */
    private final double normBound;
    private final int maxFlips;

    // Flat kernel tables: group g flips groupFlips[g] and owns terms [groupTermStart[g], groupTermStart[g+1]);
    // term t contributes (termRe[t] + i termIm[t]) · Π σ over signSites[termSignStart[t] .. termSignStart[t+1]).
    private final int[][] groupFlips;
    private final int[] groupTermStart;
    private final double[] termRe;
    private final double[] termIm;
    private final int[] termSignStart;
    private final int[] signSites;

    private PauliSumOperator(int nSites, List<PauliString> terms, String description) {
        this.nSites = nSites;
        this.terms = List.copyOf(terms);
        this.description = description;
        double bound = 0;
        for (PauliString t : terms) {
            bound += Math.abs(t.coefficient());
        }
        this.normBound = bound;

        Map<String, List<PauliString>> groups = new LinkedHashMap<>();
        groups.put(Arrays.toString(new int[0]), new ArrayList<>()); // diagonal first
        boolean allReal = true;
        int signCount = 0;
        for (PauliString t : this.terms) {
            groups.computeIfAbsent(Arrays.toString(flipSites(t)), k -> new ArrayList<>()).add(t);
            allReal &= t.count(Pauli.Y) % 2 == 0;
            signCount += t.weight() - t.count(Pauli.X);
        }
        groups.values().removeIf(List::isEmpty);
        this.real = allReal;

        int nGroups = groups.size();
        groupFlips = new int[nGroups][];
        groupTermStart = new int[nGroups + 1];
        termRe = new double[this.terms.size()];
        termIm = new double[this.terms.size()];
        termSignStart = new int[this.terms.size() + 1];
        signSites = new int[signCount];
        int g = 0;
        int t = 0;
        int s = 0;
        int widest = 0;
        for (List<PauliString> group : groups.values()) {
            groupFlips[g] = flipSites(group.get(0));
            widest = Math.max(widest, groupFlips[g].length);
            groupTermStart[g] = t;
            for (PauliString term : group) {
                // i^{#Y}: 1, i, −1, −i
                switch (term.count(Pauli.Y) % 4) {
                    case 0 -> termRe[t] = term.coefficient();
                    case 1 -> termIm[t] = term.coefficient();
                    case 2 -> termRe[t] = -term.coefficient();
                    default -> termIm[t] = -term.coefficient();
                }
                termSignStart[t] = s;
                for (int k = 0; k < term.weight(); k++) {
                    if (term.operator(k).carriesSigma()) {
                        signSites[s++] = term.site(k);
                    }
                }
                t++;
            }
            g++;
        }
        groupTermStart[nGroups] = t;
        termSignStart[t] = s;
        this.maxFlips = widest;
    }

    private static int[] flipSites(PauliString t) {
        int[] f = new int[t.weight()];
        int n = 0;
        for (int k = 0; k < t.weight(); k++) {
            if (t.operator(k).flips()) {
                f[n++] = t.site(k);
            }
        }
        return Arrays.copyOf(f, n);
    }

    /** Σ of {@code terms} on {@code nSites} sites, with a description for logs. */
    public static PauliSumOperator of(int nSites, Collection<PauliString> terms, String description) {
        if (nSites < 1) {
            throw new IllegalArgumentException("an operator needs at least one site, got " + nSites);
        }
        Map<String, PauliString> merged = new LinkedHashMap<>();
        for (PauliString t : terms) {
            if (t.maxSite() >= nSites) {
                throw new IllegalArgumentException("term " + t + " acts on site " + t.maxSite()
                        + ", outside 0.." + (nSites - 1));
            }
            merged.merge(t.label(), t, (a, b) -> a.withCoefficient(a.coefficient() + b.coefficient()));
        }
        List<PauliString> nonZero = merged.values().stream().filter(t -> t.coefficient() != 0).toList();
        return new PauliSumOperator(nSites, nonZero, description);
    }

    /** Σ of {@code terms} on {@code nSites} sites. */
    public static PauliSumOperator of(int nSites, Collection<PauliString> terms) {
        return of(nSites, terms, "Pauli sum of " + terms.size() + " terms on " + nSites + " sites");
    }

    /** The distinct Pauli strings with their summed, non-zero coefficients. */
    public List<PauliString> terms() {
        return terms;
    }

    @Override
    public int nSites() {
        return nSites;
    }

    @Override
    public int maxFlips() {
        return maxFlips;
    }

    /** The number of distinct flip sets: each gives at most one connection. */
    @Override
    public int maxConnections() {
        return groupFlips.length;
    }

    /** True iff every term has an even number of Y factors (i^{#Y} real). */
    @Override
    public boolean isReal() {
        return real;
    }

    @Override
    public void connections(int[] sigma, Connections out) {
        if (sigma.length != nSites) {
            throw new IllegalArgumentException("configuration has " + sigma.length + " sites, operator acts on " + nSites);
        }
        out.clear();
        for (int g = 0; g < groupFlips.length; g++) {
            double re = 0;
            double im = 0;
            for (int t = groupTermStart[g]; t < groupTermStart[g + 1]; t++) {
                int sign = 1;
                for (int k = termSignStart[t]; k < termSignStart[t + 1]; k++) {
                    sign *= sigma[signSites[k]];
                }
                re += sign * termRe[t];
                if (!real) { // a real operator's im stays +0 exactly: 0 + (±0) = +0
                    im += sign * termIm[t];
                }
            }
            if (re != 0 || im != 0) {
                out.add(re, im, groupFlips[g], groupFlips[g].length);
            }
        }
    }

    /** Largest support of one flip group that {@link #conservesSum} enumerates (2^20 assignments). */
    static final int MAX_ENUMERATED_SUPPORT = 20;

    /**
     * Whether Σ_{i∈[from,to)} σᵢ is conserved, decided per flip group F: a connection σ → σ^F changes
     * the sum by −2 Σ_{f∈F∩[from,to)} σ_f, so the group conserves it iff its summed element
     * vanishes on every assignment of its support (F and the sign sites) where that change is
     * non-zero. XX + YY on a bond conserves Σσ (the element 1 − σ_iσ_j vanishes on parallel spins);
     * X alone does not. A group with a support wider than {@value #MAX_ENUMERATED_SUPPORT} sites is
     * not enumerated and counts as not conserving.
     */
    @Override
    public boolean conservesSum(int from, int to) {
        Connections row = newConnections();
        int[] sigma = new int[nSites];
        for (int g = 0; g < groupFlips.length; g++) {
            int[] flips = groupFlips[g];
            if (Arrays.stream(flips).noneMatch(f -> f >= from && f < to)) {
                continue;
            }
            java.util.TreeSet<Integer> support = new java.util.TreeSet<>();
            Arrays.stream(flips).forEach(support::add);
            for (int k = termSignStart[groupTermStart[g]]; k < termSignStart[groupTermStart[g + 1]]; k++) {
                support.add(signSites[k]);
            }
            if (support.size() > MAX_ENUMERATED_SUPPORT) {
                return false;
            }
            int[] sites = support.stream().mapToInt(Integer::intValue).toArray();
            // the group's element depends on its support only: the other spins stay +1
            Arrays.fill(sigma, 1);
            for (long mask = 0; mask < 1L << sites.length; mask++) {
                for (int b = 0; b < sites.length; b++) {
                    sigma[sites[b]] = ((mask >>> b) & 1) == 1 ? 1 : -1;
                }
                connections(sigma, row);
                for (int k = 0; k < row.size(); k++) {
                    int change = 0;
                    for (int f = 0; f < row.flipCount(k); f++) {
                        int site = row.flipSite(k, f);
                        change += site >= from && site < to ? sigma[site] : 0;
                    }
                    if (change != 0) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /** Σ_k |c_k|: a Pauli string has norm 1, and the norm of a sum is at most the sum of the norms. */
    @Override
    public double normBound() {
        return normBound;
    }

    @Override
    public String description() {
        return description;
    }

    /** Ô + other, on the same number of sites. */
    public PauliSumOperator plus(PauliSumOperator other) {
        if (other.nSites != nSites) {
            throw new IllegalArgumentException("cannot add operators on " + nSites + " and " + other.nSites + " sites");
        }
        List<PauliString> all = new ArrayList<>(terms);
        all.addAll(other.terms);
        return of(nSites, all, "(" + description + ") + (" + other.description + ")");
    }

    /** factor · Ô. */
    public PauliSumOperator scaled(double factor) {
        return of(nSites, terms.stream().map(t -> t.scaled(factor)).toList(), factor + " · (" + description + ")");
    }

    /**
     * U Ô U† with U = Π_{j: sublattice[j] = 1} Z_j (Marshall's sign rule). Since Z X Z = −X and
     * Z Y Z = −Y, each term changes sign iff it has an odd number of X/Y factors on sublattice-1
     * sites. A state ψ of Ô maps to ψ'(σ) = Π_{j∈B} σ_j · ψ(σ); the spectrum is unchanged.
     */
    public PauliSumOperator marshallRotated(int[] sublattice) {
        if (sublattice.length != nSites) {
            throw new IllegalArgumentException("sublattice array has " + sublattice.length + " entries, operator has "
                    + nSites + " sites");
        }
        for (int j = 0; j < nSites; j++) {
            if (sublattice[j] != 0 && sublattice[j] != 1) {
                throw new IllegalArgumentException("sublattice of site " + j + " is " + sublattice[j] + "; allowed are 0 and 1");
            }
        }
        List<PauliString> rotated = new ArrayList<>(terms.size());
        for (PauliString t : terms) {
            int flipsOnB = 0;
            for (int k = 0; k < t.weight(); k++) {
                if (t.operator(k).flips() && sublattice[t.site(k)] == 1) {
                    flipsOnB++;
                }
            }
            rotated.add(flipsOnB % 2 == 0 ? t : t.scaled(-1));
        }
        return of(nSites, rotated, description + ", Marshall-rotated");
    }

    @Override
    public String toString() {
        return description;
    }
}
