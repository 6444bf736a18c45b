package org.nqs4j.validation;

/**
 * Exact ground-state energies of the periodic transverse-field Ising chain
 * H = −J Σ_{i=1}^{L} Z_i Z_{i+1} − h Σ_i X_i (Pauli matrices, Z_{L+1} ≡ Z_1), any signs of J, h,
 * resolved by the spin-flip parity P = Π_i X_i.
 *
 * <p><b>Mapping</b> (Lieb, Schultz, Mattis, Ann. Phys. 16, 407 (1961); Pfeuty, Ann. Phys. 57, 79
 * (1970)). A Hadamard rotation on every site (X ↔ Z) gives −J Σ X_i X_{i+1} − h Σ Z_i with
 * P = Π Z_i; Jordan–Wigner fermions with Z_i = 1 − 2n_i make P = (−1)^{N_f}. The boundary bond
 * acquires the factor −P, so P = +1 states live in the antiperiodic momentum set
 * k = π(2n+1)/L and P = −1 states in the periodic set k = 2πn/L. In momentum space
 * <pre>
 *   H = −hL + Σ_k a_k n_k − J Σ_k sin k (i c_k†c_{−k}† + h.c.),   a_k = 2h − 2J cos k.
 * </pre>
 * A pair {k, −k} with sin k ≠ 0 has even-block ground energy a_k − ε_k and quasiparticles of
 * energy ε_k = 2√((J − h)² + 4Jh sin²(k/2)) = 2√(J² + h² − 2Jh cos k), each of which changes
 * the fermion parity. The unpaired modes k = 0 and k = π carry no pairing: energy a_k n_k with
 * n_k ∈ {0, 1}. The lowest state of a sector fills the unpaired modes with a_k < 0 and, if the
 * resulting fermion parity is wrong, adds the cheapest parity-changing excitation (one
 * quasiparticle, or flipping one unpaired mode).
 */
public final class FreeFermionIsing {
    private final int length;
    private final double coupling;
    private final double field;
    private final double evenEnergy;
    private final double oddEnergy;

    private FreeFermionIsing(int length, double coupling, double field) {
        this.length = length;
        this.coupling = coupling;
        this.field = field;
        this.evenEnergy = sectorEnergy(true);
        this.oddEnergy = sectorEnergy(false);
    }

    /** The ring of {@code length} ≥ 3 sites (so that its L bonds are distinct) with couplings J and h. */
    public static FreeFermionIsing periodicChain(int length, double coupling, double field) {
        if (length < 3) {
            throw new IllegalArgumentException("the periodic chain needs at least 3 sites, got " + length);
        }
        if (!Double.isFinite(coupling) || !Double.isFinite(field)) {
            throw new IllegalArgumentException("J and h must be finite, got J = " + coupling + ", h = " + field);
        }
        return new FreeFermionIsing(length, coupling, field);
    }

    /** The exact ground-state energy, min over both parity sectors. */
    public double groundEnergy() {
        return Math.min(evenEnergy, oddEnergy);
    }

    /** Lowest energy with Π_i X_i = +1 (even fermion number, antiperiodic momenta). */
    public double evenParityEnergy() {
        return evenEnergy;
    }

    /** Lowest energy with Π_i X_i = −1 (odd fermion number, periodic momenta). */
    public double oddParityEnergy() {
        return oddEnergy;
    }

    /**
     * Momenta k = π·m/L with m odd (antiperiodic, even parity) or m even (periodic, odd parity),
     * m in [0, 2L); pairs {k, −k} are visited once through 0 < m < L.
     */
    private double sectorEnergy(boolean evenParity) {
        double j = coupling;
        double h = field;
        double energy = -h * length;
        boolean fermionParityOdd = false;
        double cheapestFlip = Double.POSITIVE_INFINITY;
        for (int m = evenParity ? 1 : 0; m <= length; m += 2) {
            if (m == 0 || m == length) { // k = 0 or k = π: unpaired mode
                double a = m == 0 ? 2 * (h - j) : 2 * (h + j);
                if (a < 0) {
                    energy += a;
                    fermionParityOdd = !fermionParityOdd;
                }
                cheapestFlip = Math.min(cheapestFlip, Math.abs(a));
            } else if (m < length) {
                double k = Math.PI * m / length;
                double s = Math.sin(k / 2);
                double epsilon = 2 * Math.sqrt((j - h) * (j - h) + 4 * j * h * s * s);
                energy += 2 * h - 2 * j * Math.cos(k) - epsilon;
                cheapestFlip = Math.min(cheapestFlip, epsilon);
            }
        }
        boolean wantOdd = !evenParity;
        if (fermionParityOdd != wantOdd) {
            energy += cheapestFlip;
        }
        return energy;
    }

    public int length() {
        return length;
    }

    @Override
    public String toString() {
        return "FreeFermionIsing(L=" + length + ", J=" + coupling + ", h=" + field + ", E0=" + groundEnergy() + ")";
    }
}
