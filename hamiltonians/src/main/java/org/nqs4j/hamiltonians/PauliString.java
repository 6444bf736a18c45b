package org.nqs4j.hamiltonians;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * An immutable term c · P_{s1} P_{s2} ⋯ P_{sk}: a real coefficient times a product of Pauli
 * matrices on distinct sites, stored sorted by site. The empty product is the identity (a
 * constant term).
 *
 * <p>Its column matrix element is ⟨σ'|c·P|σ⟩ = c · i^{#Y} · Π_{s ∈ Y∪Z} σ_s with σ' = σ flipped on
 * the X and Y sites (conventions of {@link Pauli}).
 */
public final class PauliString {
    private final double coefficient;
    private final int[] sites;
    private final Pauli[] operators;

    private PauliString(double coefficient, int[] sites, Pauli[] operators) {
        this.coefficient = coefficient;
        this.sites = sites;
        this.operators = operators;
    }

    /**
     * The term {@code coefficient} · Π_k operators[k]_{sites[k]}, e.g. {@code of(0.5, "XZY", 0, 3, 7)}
     * for 0.5·X₀Z₃Y₇. Letters X, Y, Z, I (either case); factors I are dropped. Sites must be
     * non-negative and distinct (including the I sites); their range is checked by the operator
     * that uses the term.
     */
    public static PauliString of(double coefficient, String operators, int... sites) {
        if (!Double.isFinite(coefficient)) {
            throw new IllegalArgumentException("Pauli string coefficient must be finite, got " + coefficient);
        }
        if (operators.length() != sites.length) {
            throw new IllegalArgumentException("Pauli string \"" + operators + "\" has " + operators.length()
                    + " operators but " + sites.length + " sites " + Arrays.toString(sites));
        }
        int[] order = sortedIndices(sites);
        int k = 0;
        int[] s = new int[sites.length];
        Pauli[] p = new Pauli[sites.length];
        for (int n = 0; n < order.length; n++) {
            int site = sites[order[n]];
            if (site < 0) {
                throw new IllegalArgumentException("Pauli string site " + site + " is negative");
            }
            if (n > 0 && site == sites[order[n - 1]]) {
                throw new IllegalArgumentException("Pauli string names site " + site
                        + " twice; multiply single-site operators by hand, sites must be distinct");
            }
            char letter = operators.charAt(order[n]);
            if (Character.toUpperCase(letter) == 'I') {
                continue;
            }
            s[k] = site;
            p[k] = Pauli.of(letter);
            k++;
        }
        return new PauliString(coefficient, Arrays.copyOf(s, k), Arrays.copyOf(p, k));
    }

    /** The constant term c·𝟙. */
    public static PauliString identity(double coefficient) {
        return of(coefficient, "");
    }

    private static int[] sortedIndices(int[] sites) {
        return IntStream.range(0, sites.length).boxed()
                .sorted((a, b) -> Integer.compare(sites[a], sites[b]))
                .mapToInt(Integer::intValue).toArray();
    }

    public double coefficient() {
        return coefficient;
    }

    /** Number of non-identity factors. */
    public int weight() {
        return sites.length;
    }

    /** Site of factor {@code k}, factors sorted by site. */
    public int site(int k) {
        return sites[k];
    }

    /** Operator of factor {@code k}. */
    public Pauli operator(int k) {
        return operators[k];
    }

    /** Largest site index, or −1 for the identity. */
    public int maxSite() {
        return sites.length == 0 ? -1 : sites[sites.length - 1];
    }

    /** Number of factors equal to {@code p}. */
    public int count(Pauli p) {
        int n = 0;
        for (Pauli q : operators) {
            if (q == p) {
                n++;
            }
        }
        return n;
    }

    /** The same operator with coefficient c·factor. */
    public PauliString scaled(double factor) {
        return withCoefficient(coefficient * factor);
    }

    /** The same operator with another coefficient. */
    public PauliString withCoefficient(double c) {
        if (!Double.isFinite(c)) {
            throw new IllegalArgumentException("Pauli string coefficient must be finite, got " + c);
        }
        return new PauliString(c, sites, operators);
    }

    /** The operator part without coefficient, e.g. {@code "X0 Z3 Y7"}, or {@code "I"}. */
    public String label() {
        if (sites.length == 0) {
            return "I";
        }
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < sites.length; k++) {
            b.append(k == 0 ? "" : " ").append(operators[k]).append(sites[k]);
        }
        return b.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PauliString p && Double.compare(p.coefficient, coefficient) == 0
                && Arrays.equals(p.sites, sites) && Arrays.equals(p.operators, operators);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Double.hashCode(coefficient) + Arrays.hashCode(sites)) + Arrays.hashCode(operators);
    }

    @Override
    public String toString() {
        return coefficient + "·" + label();
    }
}
