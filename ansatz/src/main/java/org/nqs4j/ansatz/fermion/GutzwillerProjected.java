package org.nqs4j.ansatz.fermion;

import org.nqs4j.ansatz.WalkerCache;
import org.nqs4j.ansatz.WaveFunction;

/**
 * A two-species fermion state φ Gutzwiller-projected onto one fermion per site and read as a
 * spin-½ state (Gros, Ann. Phys. 189, 53 (1989); Becca &amp; Sorella, <i>Quantum Monte Carlo Approaches
 * for Correlated Systems</i>, ch. 5):
 * <pre>  ψ(σ) = ⟨σ| P_G |φ⟩ = s(σ) φ(n(σ)),   |σ⟩ = c†_{1,σ₁} c†_{2,σ₂} ⋯ c†_{L,σ_L} |0⟩,</pre>
 * with n(σ) the occupations n_{r↑} = [σ_r = +1], n_{r↓} = [σ_r = −1] and s(σ) the sign that sorts the
 * site-ordered creation operators into φ's Jordan–Wigner order (all ↑, then all ↓):
 * s(σ) = (−1)^{#{p &lt; q : σ_p = ↓, σ_q = ↑}}. In this site-ordered basis the spin operators have
 * their usual matrix elements (each site holds one fermion, so S⁺ᵢS⁻ⱼ = c†_{i↑}c_{i↓}c†_{j↓}c_{j↑}
 * moves no fermion past another), so ψ is the projected state itself: with φ the Fermi sea of
 * nearest-neighbour hopping it is the resonating-valence-bond state of Anderson, on the ring the exact
 * ground state of the Haldane–Shastry chain. With φ a {@link PairProduct} it is the pair-product
 * (PP) part of Nomura et al.'s RBM + PP, PRB 96, 205152 (2017), here for spins.
 *
 * <p>Optionally times the Marshall sign (−1)^{N↑(B)} of a sublattice B: the same state in the frame of a
 * Marshall-rotated Hamiltonian (U = Π_{j∈B} σᶻ_j, so ψ'(σ) = (−1)^{N↑(B)} ψ(σ)).
 *
 * <p>Moves: exchanges of two opposite spins (the moves of every S_z-conserving spin Hamiltonian and
 * sampler), an ↑ hop i → j and a ↓ hop j → i of φ at once; s changes by (−1)^{|i−j|} (the sites strictly
 * between and the pair itself change their order), the Marshall sign by −1 when i and j lie on different
 * sublattices. Parameters, log-derivatives: φ's. Real.
 */
public final class GutzwillerProjected implements WaveFunction {
    private final FermionWaveFunction phi;
    private final int nSites;
    /** B ∋ site r when marshall[r] = 1; null: no Marshall sign. */
    private final int[] marshall;

    private GutzwillerProjected(FermionWaveFunction phi, int[] marshall) {
        if (phi.nSpecies() != 2) {
            throw new IllegalArgumentException("a Gutzwiller projection onto spins needs ↑ and ↓ fermions, got "
                    + phi.nSpecies() + " species");
        }
        this.phi = phi;
        this.nSites = phi.nSites();
        if (marshall != null && marshall.length != nSites) {
            throw new IllegalArgumentException("one sublattice per site: " + marshall.length + " for " + nSites);
        }
        this.marshall = marshall == null ? null : marshall.clone();
    }

    /** P_G φ as a spin state. */
    public static GutzwillerProjected of(FermionWaveFunction phi) {
        return new GutzwillerProjected(phi, null);
    }

    /** P_G φ times the Marshall sign (−1)^{N↑(B)}, B the sites with {@code sublattice[r] == 1}. */
    public static GutzwillerProjected inMarshallFrame(FermionWaveFunction phi, int[] sublattice) {
        return new GutzwillerProjected(phi, sublattice);
    }

    @Override
    public int nSites() {
        return nSites;
    }

    @Override
    public int nParameters() {
        return phi.nParameters();
    }

    @Override
    public boolean isComplex() {
        return false;
    }

    @Override
    public void getParameters(double[] dst) {
        phi.getParameters(dst);
    }

    @Override
    public void setParameters(double[] src) {
        phi.setParameters(src);
    }

    @Override
    public WalkerCache newCache() {
        return new Cache();
    }

    @Override
    public String description() {
        return "Gutzwiller-projected " + phi.description() + (marshall == null ? "" : " times the Marshall sign");
    }

    /** s(σ) times the Marshall sign, from scratch: ±1. */
    int sign(int[] sigma) {
        int parity = 0;
        int downs = 0;
        for (int r = 0; r < nSites; r++) {
            if (sigma[r] > 0) {
                parity += downs + (marshall == null ? 0 : marshall[r]);
            } else {
                downs++;
            }
        }
        return (parity & 1) == 0 ? 1 : -1;
    }

    /** φ's cache at n(σ), σ and the sign of ψ(σ)/φ(n(σ)). */
    private final class Cache implements WalkerCache {
        private final FermionCache inner = phi.newCache();
        private final int[] sigma = new int[nSites];
        private final int[] occupations = new int[2 * nSites];
        private int sign;

        @Override
        public void reset(int[] x) {
            for (int r = 0; r < nSites; r++) {
                if (x[r] != 1 && x[r] != -1) {
                    throw new IllegalArgumentException("spin " + x[r] + " at site " + r + ": spins are +1 or -1");
                }
                sigma[r] = x[r];
                occupations[r] = x[r] > 0 ? 1 : 0;
                occupations[r + nSites] = x[r] > 0 ? 0 : 1;
            }
            inner.reset(occupations);
            sign = sign(sigma);
        }

        @Override
        public int[] configuration() {
            return sigma;
        }

        @Override
        public void ratio(int[] sites, int[] values, int offset, int count, double[] out) {
            out[1] = 0;
            if (count == 0) {
                out[0] = 1;
                return;
            }
            int up = upSite(sites, offset, count);
            int down = sites[offset] == up ? sites[offset + 1] : sites[offset];
            out[0] = signChange(up, down) * inner.ratio(0, up, down, 1, down, up);
        }

        @Override
        public void logRatio(int[] sites, int[] values, int offset, int count, double[] out) {
            ratio(sites, values, offset, count, out);
            FermionCache.logOfRealRatio(out);
        }

        @Override
        public void applyMove(int[] sites, int[] values, int offset, int count) {
            if (count == 0) {
                return;
            }
            int up = upSite(sites, offset, count);
            int down = sites[offset] == up ? sites[offset + 1] : sites[offset];
            inner.applyHops(0, up, down, 1, down, up);
            sign *= signChange(up, down);
            sigma[up] = -1;
            sigma[down] = 1;
            occupations[up] = 0;
            occupations[down] = 1;
            occupations[up + nSites] = 1;
            occupations[down + nSites] = 0;
        }

        /** The ↑ site of an exchange of two opposite spins; other moves are refused. */
        private int upSite(int[] sites, int offset, int count) {
            if (count != 2 || sigma[sites[offset]] == sigma[sites[offset + 1]] || sites[offset] == sites[offset + 1]) {
                throw new IllegalArgumentException("a Gutzwiller-projected state takes exchanges of two opposite spins"
                        + " (S_z conserved, one fermion per site), not a move of " + count + " changes");
            }
            return sigma[sites[offset]] > 0 ? sites[offset] : sites[offset + 1];
        }

        /** s(σ′)/s(σ) = (−1)^{|i−j|}, times −1 when the ↑ spin changes sublattice under a Marshall sign. */
        private int signChange(int up, int down) {
            int flips = Math.abs(up - down) + (marshall == null ? 0 : marshall[up] + marshall[down]);
            return (flips & 1) == 0 ? 1 : -1;
        }

        @Override
        public void logPsi(double[] out) {
            inner.logPsi(out);
            boolean negative = (out[1] != 0) != (sign < 0);
            out[1] = negative ? Math.PI : 0;
        }

        @Override
        public void logDerivatives(double[] out, int offset) {
            inner.logDerivatives(out, offset);
        }
    }
}
