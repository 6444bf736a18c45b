package org.nqs4j.hamiltonians.fock;

/**
 * The integrals of a molecular Hamiltonian in an orthonormal basis of real orbitals (what an
 * FCIDUMP holds): E_core, h_pq and (pq|rs) in chemists' notation,
 * (pq|rs) = ∫∫ φ_p(1)φ_q(1) r₁₂⁻¹ φ_r(2)φ_s(2), with the 8-fold symmetry of real orbitals.
 *
 * @param orbitals NORB, the number of spatial orbitals
 * @param core     E_core (nuclear repulsion plus any frozen-core energy)
 * @param oneBody  h_pq at [p·NORB + q]
 * @param twoBody  (pq|rs) at [((p·NORB + q)·NORB + r)·NORB + s]
 */
public record MolecularIntegrals(int orbitals, double core, double[] oneBody, double[] twoBody) {
    /** Symmetry defects above this are refused: the integrals are not those of real orbitals. */
    private static final double SYMMETRY_TOLERANCE = 1e-9;

    public MolecularIntegrals {
        if (orbitals < 1) {
            throw new IllegalArgumentException("a molecular Hamiltonian needs at least one orbital, got " + orbitals);
        }
        long n2 = (long) orbitals * orbitals;
        if (oneBody.length != n2 || twoBody.length != n2 * n2) {
            throw new IllegalArgumentException("NORB = " + orbitals + " needs " + n2 + " one-body and " + n2 * n2
                    + " two-body integrals, got " + oneBody.length + " and " + twoBody.length);
        }
        oneBody = oneBody.clone();
        twoBody = twoBody.clone();
        for (int p = 0; p < orbitals; p++) {
            for (int q = 0; q < orbitals; q++) {
                if (Math.abs(oneBody[p * orbitals + q] - oneBody[q * orbitals + p]) > SYMMETRY_TOLERANCE) {
                    throw new IllegalArgumentException("h_pq is not symmetric at p = " + p + ", q = " + q);
                }
                for (int r = 0; r < orbitals; r++) {
                    for (int s = 0; s < orbitals; s++) {
                        double v = twoBody[index(orbitals, p, q, r, s)];
                        if (Math.abs(v - twoBody[index(orbitals, q, p, r, s)]) > SYMMETRY_TOLERANCE
                                || Math.abs(v - twoBody[index(orbitals, r, s, p, q)]) > SYMMETRY_TOLERANCE
                                || Math.abs(v - twoBody[index(orbitals, p, q, s, r)]) > SYMMETRY_TOLERANCE) {
                            throw new IllegalArgumentException("(pq|rs) lacks the 8-fold symmetry of real orbitals at ("
                                    + p + q + "|" + r + s + ")");
                        }
                    }
                }
            }
        }
    }

    /** A copy of h_pq: the record stays immutable. */
    @Override
    public double[] oneBody() {
        return oneBody.clone();
    }

    /** A copy of (pq|rs). */
    @Override
    public double[] twoBody() {
        return twoBody.clone();
    }

    public double h(int p, int q) {
        return oneBody[p * orbitals + q];
    }

    /** (pq|rs), chemists' notation. */
    public double eri(int p, int q, int r, int s) {
        return twoBody[index(orbitals, p, q, r, s)];
    }

    private static int index(int n, int p, int q, int r, int s) {
        return ((p * n + q) * n + r) * n + s;
    }
}
