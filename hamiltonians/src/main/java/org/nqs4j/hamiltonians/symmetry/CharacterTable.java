package org.nqs4j.hamiltonians.symmetry;

import java.util.ArrayList;
import java.util.List;

/**
 * Characters of the irreducible representations of a planar point group C_n or C_nᵥ, computed
 * from the rotation angles and mirror axes of its elements (the standard tables, e.g. Dresselhaus,
 * Dresselhaus &amp; Jorio, <i>Group Theory</i>, Springer 2008, appendix A, for C₂ᵥ, C₃ᵥ, C₄ᵥ, C₆ᵥ):
 * <pre>
 *   rotation by θ = 2πm/n        mirror, axis at φ = φ₀ + πm/n
 *   A1   1                       1
 *   A2   1                      −1
 *   B1   (−1)^m                 (−1)^m   (n even)
 *   B2   (−1)^m                 −(−1)^m  (n even)
 *   E_j  2cos(jθ)               0        (0 &lt; j &lt; n/2; "E" when n = 3 or 4)
 * </pre>
 * n is the number of rotations in the group and φ₀ the smallest mirror angle in [0, π): the σᵥ
 * class holds the mirrors at φ₀ + πm/n with m even (on the built-in lattices φ₀ = 0, the mirror
 * along a₁ = x̂ and through nearest neighbours), σ_d those with m odd. Without mirrors (C_n) the
 * one-dimensional irreps A and, for even n, B are offered.
 */
public final class CharacterTable {
    private final int n;
    private final boolean mirrors;
    private final double firstMirror;

    public CharacterTable(List<PointOperation> group) {
        int rotations = 0;
        double phi0 = Double.POSITIVE_INFINITY;
        for (PointOperation op : group) {
            if (op.reflection()) {
                phi0 = Math.min(phi0, op.angle());
            } else {
                rotations++;
            }
        }
        this.n = rotations;
        this.mirrors = phi0 < Double.POSITIVE_INFINITY;
        this.firstMirror = mirrors ? phi0 : 0;
    }

    /** The labels of the irreps this table knows, trivial first. */
    public List<String> irreps() {
        List<String> out = new ArrayList<>();
        out.add(mirrors ? "A1" : "A");
        if (mirrors) {
            out.add("A2");
        }
        if (n % 2 == 0) {
            out.addAll(mirrors ? List.of("B1", "B2") : List.of("B"));
        }
        if (mirrors) {
            for (int j = 1; 2 * j < n; j++) {
                out.add(n <= 4 ? "E" : "E" + j);
            }
        }
        return out;
    }

    /** χ(op) in the irrep {@code label}, one of {@link #irreps()}. */
    public double character(String label, PointOperation op) {
        if (!irreps().contains(label)) {
            throw new IllegalArgumentException("irrep '" + label + "' is not one of this point group's " + irreps()
                    + " (" + (mirrors ? "C" + n + "v" : "C" + n) + ")");
        }
        int m = (int) Math.round((op.reflection() ? op.angle() - firstMirror : op.angle() / 2) * n / Math.PI);
        int parity = (m & 1) == 0 ? 1 : -1;
        return switch (label) {
            case "A1", "A" -> 1;
            case "A2" -> op.reflection() ? -1 : 1;
            case "B1", "B" -> parity;
            case "B2" -> op.reflection() ? -parity : parity;
            default -> {
                int j = label.equals("E") ? 1 : Integer.parseInt(label.substring(1));
                yield op.reflection() ? 0 : 2 * Math.cos(j * op.angle());
            }
        };
    }

    /** The dimension χ(identity) of an irrep. */
    public int dimension(String label) {
        return (int) Math.round(character(label, PointOperation.IDENTITY));
    }
}
