package org.nqs4j.hamiltonians.fock;

import java.util.Collection;
import java.util.List;

/**
 * Ô = Σ_t c_t Π_k a_{t,k}, a sum of products of ladder operators on M modes, with real
 * coefficients, in the occupation-number basis. Two kinds of modes:
 *
 * <ul>
 * <li><b>fermions</b> (n ∈ {0, 1}): a basis state is |x⟩ = (c†_0)^{x_0} (c†_1)^{x_1} ⋯ |0⟩, modes
 * in increasing index order (Jordan–Wigner order; for spin-1/2 fermions mode = site + N·species,
 * all ↑ before all ↓). Then c†_o|x⟩ = (−1)^{Σ_{p&lt;o} x_p} |x + e_o⟩ when x_o = 0 and
 * c_o|x⟩ = (−1)^{Σ_{p&lt;o} x_p} |x − e_o⟩ when x_o = 1, the sign counted in the state the factor
 * acts on. A hop across the periodic boundary of a ring, c†_{L−1} c_0, thus carries the string
 * (−1)^{N_s − 1} of the other particles of its species: the boundary is periodic for the
 * fermions themselves.</li>
 * <li><b>bosons</b> (n ∈ {0, …, n_max}): b†|n⟩ = √(n+1)|n+1⟩ (zero when n = n_max, the
 * truncation), b|n⟩ = √n|n−1⟩.</li>
 * </ul>
 * n|x⟩ = x_o|x⟩ for both. {@link #connections} applies each term's factors right to left to x
 * and emits one entry per term that survives (number-only terms summed into the diagonal).
 */
public final class FockOperator implements OccupationOperator {
    private static final int CREATE = 0;
    private static final int ANNIHILATE = 1;
    private static final int NUMBER = 2;

    private final int nModes;
    private final int nMax;        // 1 for fermions
    private final boolean fermions;
    private final List<FockTerm> terms;
    private final String description;
    private final int maxChanges;
    private final int maxFactors;
    private final int offDiagonalTerms;
    private final double normBound;
    private final double[] sqrt;   // √n for n = 0..n_max+1 (bosons)
    // flat term tables: term t has factors [factorStart[t], factorStart[t+1]) of kind factorKind on factorMode
    private final double[] coefficient;
    private final int[] factorStart;
    private final int[] factorKind;
    private final int[] factorMode;

    private FockOperator(int nModes, int nMax, boolean fermions, Collection<FockTerm> terms, String description) {
        if (nModes < 1) {
            throw new IllegalArgumentException("an operator needs at least one mode, got " + nModes);
        }
        this.nModes = nModes;
        this.nMax = nMax;
        this.fermions = fermions;
        this.terms = terms.stream().filter(t -> t.coefficient() != 0).toList();
        this.description = description;
        int nFactors = 0;
        int widest = 0;
        int longest = 0;
        int offDiagonal = 0;
        for (FockTerm t : this.terms) {
            for (int m : t.modes()) {
                if (m >= nModes) {
                    throw new IllegalArgumentException("term " + t + " acts on mode " + m + ", outside 0.." + (nModes - 1));
                }
            }
            nFactors += t.modes().length;
            widest = Math.max(widest, (int) java.util.Arrays.stream(t.modes()).distinct().count());
            longest = Math.max(longest, t.modes().length);
            offDiagonal += t.isDiagonal() ? 0 : 1;
        }
        this.maxChanges = widest;
        this.maxFactors = longest;
        this.offDiagonalTerms = offDiagonal;
        this.sqrt = new double[nMax + 2];
        for (int n = 0; n < sqrt.length; n++) {
            sqrt[n] = Math.sqrt(n);
        }
        coefficient = new double[this.terms.size()];
        factorStart = new int[this.terms.size() + 1];
        factorKind = new int[nFactors];
        factorMode = new int[nFactors];
        int f = 0;
        for (int t = 0; t < this.terms.size(); t++) {
            FockTerm term = this.terms.get(t);
            coefficient[t] = term.coefficient();
            factorStart[t] = f;
            for (int k = 0; k < term.modes().length; k++) {
                factorKind[f] = term.operators()[k].ordinal();
                factorMode[f++] = term.modes()[k];
            }
        }
        factorStart[this.terms.size()] = f;
        double bound = 0;
        for (FockTerm t : this.terms) {
            double product = Math.abs(t.coefficient());
            for (Ladder a : t.operators()) {
                product *= fermions ? 1 : a == Ladder.NUMBER ? nMax : Math.sqrt(nMax);
            }
            bound += product;
        }
        this.normBound = bound;
    }

    /**
     * Σ_t |c_t| Π_k ‖a_{t,k}‖ (triangle inequality, submultiplicativity): ‖c†‖ = ‖c‖ = ‖n‖ = 1 for
     * fermions; ‖b†‖ = ‖b‖ = √n_max and ‖n‖ = n_max on the truncated boson space.
     */
    @Override
    public double normBound() {
        return normBound;
    }

    /** Σ terms on {@code nModes} fermionic modes (occupations 0/1, Jordan–Wigner signs). */
    public static FockOperator fermions(int nModes, Collection<FockTerm> terms, String description) {
        return new FockOperator(nModes, 1, true, terms, description);
    }

    /** Σ terms on {@code nSites} bosonic modes with occupations 0..{@code nMax}. */
    public static FockOperator bosons(int nSites, int nMax, Collection<FockTerm> terms, String description) {
        if (nMax < 1) {
            throw new IllegalArgumentException("n_max must be at least 1, got " + nMax);
        }
        return new FockOperator(nSites, nMax, false, terms, description);
    }

    @Override
    public int nModes() {
        return nModes;
    }

    public boolean isFermionic() {
        return fermions;
    }

    /** The terms with non-zero coefficients, as given. */
    public List<FockTerm> terms() {
        return terms;
    }

    /** Largest number of modes one connection changes. */
    public int maxChanges() {
        return maxChanges;
    }

    @Override
    public int maxConnections() {
        return offDiagonalTerms + 1;
    }

    @Override
    public boolean isReal() {
        return true;
    }

    @Override
    public String description() {
        return description;
    }

    /** Every term adds as many particles as it removes in [from, to). */
    @Override
    public boolean conservesSum(int from, int to) {
        return terms.stream().allMatch(t -> t.charge(from, to) == 0);
    }

    @Override
    public FockConnections newConnections() {
        return new FockConnections(maxConnections(), maxChanges, nModes, maxFactors);
    }

    @Override
    public void connections(int[] x, FockConnections out) {
        if (x.length != nModes) {
            throw new IllegalArgumentException("configuration has " + x.length + " modes, operator acts on " + nModes);
        }
        int[] below = out.occupiedBelow;
        if (fermions) {
            below[0] = 0;
            for (int o = 0; o < nModes; o++) {
                below[o + 1] = below[o] + x[o];
            }
        }
        int[] touched = out.touchedMode;
        int[] now = out.touchedValue;
        out.clear();
        out.add(0, touched, now, 0); // the diagonal, summed below
        double diagonal = 0;
        terms:
        for (int t = 0; t < coefficient.length; t++) {
            double amplitude = coefficient[t];
            int nTouched = 0;
            for (int f = factorStart[t + 1] - 1; f >= factorStart[t]; f--) {
                int mode = factorMode[f];
                int slot = 0;
                while (slot < nTouched && touched[slot] != mode) {
                    slot++;
                }
                if (slot == nTouched) {
                    touched[slot] = mode;
                    now[slot] = x[mode];
                    nTouched++;
                }
                int n = now[slot];
                switch (factorKind[f]) {
                    case NUMBER -> amplitude *= n;
                    case CREATE -> {
                        if (n == nMax) {
                            continue terms;
                        }
                        amplitude *= fermions ? sign(mode, x, below, touched, now, nTouched) : sqrt[n + 1];
                        now[slot] = n + 1;
                    }
                    default -> {
                        if (n == 0) {
                            continue terms;
                        }
                        amplitude *= fermions ? sign(mode, x, below, touched, now, nTouched) : sqrt[n];
                        now[slot] = n - 1;
                    }
                }
                if (amplitude == 0) {
                    continue terms;
                }
            }
            int changed = 0;
            for (int s = 0; s < nTouched; s++) {
                if (now[s] != x[touched[s]]) {
                    touched[changed] = touched[s];
                    now[changed++] = now[s];
                }
            }
            if (changed == 0) {
                diagonal += amplitude;
            } else {
                out.add(amplitude, touched, now, changed);
            }
        }
        out.setValue(0, diagonal);
        if (diagonal == 0) {
            out.removeFirst();
        }
    }

    /**
     * (−1)^{occupied modes below {@code mode}} in the current state: x's count, corrected by the
     * modes the term has already changed.
     */
    private static double sign(int mode, int[] x, int[] below, int[] touched, int[] now, int nTouched) {
        int count = below[mode];
        for (int s = 0; s < nTouched; s++) {
            if (touched[s] < mode) {
                count += now[s] - x[touched[s]];
            }
        }
        return (count & 1) == 0 ? 1 : -1;
    }

    @Override
    public String toString() {
        return description;
    }
}
