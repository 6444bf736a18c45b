package org.nqs4j.ansatz.fermion;

import org.nqs4j.hamiltonians.Lattice;

/**
 * Site pairs (r, r′) tied into classes, F_{r r′} = s_{r r′} f_{c(r r′)}: the pairing amplitudes of a
 * {@link PairProduct} with fewer free parameters. Index k = r·L + r′.
 *
 * <p>{@link #translations}: F invariant under the lattice translations T, F_{Tr, Tr′} = F_{r r′}, the
 * pairing of mVMC's translation-invariant (sublattice) F (Tahara &amp; Imada, JPSJ 77, 114701 (2008);
 * Misawa et al., Comput. Phys. Commun. 235, 447 (2019)): one class per pair (r₀, r′) with r₀ in cell 0,
 * n_basis·L classes of C = L/n_basis pairs each (translations move every site). With antiperiodic
 * boundaries along a, the translation that commutes with the hopping changes the sign of a site it
 * carries across the boundary, so F_{T r, T r′} = θ(r) θ(r′) F_{r r′} with θ = −1 for each wrap: the sign
 * of (r, r′) relative to its class's (r₀, r₀′) is (−1) to the number of twisted directions a along which
 * translating r₀′ by r's cell wraps it, x_a(r′) &lt; x_a(r). The Fermi sea of such a hopping
 * ({@link TightBinding#fermiSeaPairing}) is in this form.
 *
 * @param classOf c(k) for every pair k
 * @param signOf  s_k = ±1
 * @param count   the number of classes
 */
public record PairClasses(int[] classOf, double[] signOf, int count) {
    public PairClasses {
        if (classOf.length != signOf.length) {
            throw new IllegalArgumentException("a class and a sign per pair: " + classOf.length + " and " + signOf.length);
        }
        for (int c : classOf) {
            if (c < 0 || c >= count) {
                throw new IllegalArgumentException("class " + c + " outside 0.." + (count - 1));
            }
        }
    }

    /** The sites L of the pairs' L × L matrix. */
    public int nSites() {
        return (int) Math.round(Math.sqrt(classOf.length));
    }

    /**
     * The pairs of a periodic Bravais lattice (with its basis) tied by its translations, with the signs of
     * antiperiodic boundaries along the directions a where {@code antiperiodic[a]} (as in
     * {@link TightBinding#hopping}).
     */
    public static PairClasses translations(Lattice lattice, boolean[] antiperiodic) {
        if (!lattice.hasTranslations()) {
            throw new IllegalArgumentException("pairs tied by translations need a periodic lattice with a unit cell, not "
                    + lattice.name());
        }
        int n = lattice.nSites();
        int basis = lattice.nBasis();
        int[] classOf = new int[n * n];
        double[] signOf = new double[n * n];
        for (int r = 0; r < n; r++) {
            int[] cell = lattice.coordinates(r);
            for (int q = 0; q < n; q++) {
                int q0 = lattice.translate(q, -cell[0], -cell[1]); // (r, q) = T_cell (r₀, q₀)
                int[] x = lattice.coordinates(q);
                double sign = 1;
                for (int a = 0; a < antiperiodic.length; a++) {
                    if (antiperiodic[a] && x[a] < cell[a]) {
                        sign = -sign;
                    }
                }
                classOf[r * n + q] = lattice.basisIndex(r) * n + q0;
                signOf[r * n + q] = sign;
            }
        }
        return new PairClasses(classOf, signOf, basis * n);
    }

    /** f_c = s_k F_k at the first pair k of each class; throws unless every pair agrees to {@code 1e-9}·max|F|. */
    public double[] valuesOf(double[] f) {
        if (f.length != classOf.length) {
            throw new IllegalArgumentException("F has " + f.length + " entries, the classes " + classOf.length);
        }
        double[] values = new double[count];
        boolean[] seen = new boolean[count];
        double max = 0;
        for (double v : f) {
            max = Math.max(max, Math.abs(v));
        }
        for (int k = 0; k < f.length; k++) {
            double v = signOf[k] * f[k];
            int c = classOf[k];
            if (!seen[c]) {
                values[c] = v;
                seen[c] = true;
            } else if (Math.abs(v - values[c]) > 1e-9 * max) {
                throw new IllegalArgumentException("F is not invariant under the classes: pair " + k + " has "
                        + v + ", its class " + values[c]);
            }
        }
        return values;
    }
}
