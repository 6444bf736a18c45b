package org.nqs4j.ansatz.fermion;

import org.ejml.data.DMatrixRMaj;

/**
 * The spin-resolved Slater determinant |ψ⟩ = Π_{k=1}^{N↑} a†_{k↑} Π_{k=1}^{N↓} a†_{k↓} |0⟩ with
 * a†_{ks} = Σ_r Φ^s_{rk} c†_{rs}, whose amplitude in the Jordan–Wigner basis of
 * {@link org.nqs4j.hamiltonians.hilbert.FermionHilbert} is
 * <pre>  ψ(n) = det Φ↑[r↑_1 &lt; r↑_2 &lt; ⋯ ; :] · det Φ↓[r↓_1 &lt; r↓_2 &lt; ⋯ ; :]</pre>
 * the rows being the occupied sites of each species in increasing order: expanding the products of
 * a† gives Σ Φ_{r_1 1}⋯Φ_{r_N N} c†_{r_1}⋯c†_{r_N}|0⟩, and sorting the c† to the basis order
 * costs the sign of the permutation, which assembles the determinant; the ↑ block precedes the ↓
 * block as the ↑ orbitals precede the ↓ orbitals. Spinless fermions have one factor.
 *
 * <p>Parameters: the orbital coefficients Φ^s_{rk}, species by species, each L × N_s block
 * row-major (index offset_s + r·N_s + k). O_{rk} = ∂ log ψ/∂Φ_{rk} = (A⁻¹)_{k, row(r)} for occupied
 * r, 0 otherwise.
 *
 * <p>The cache ({@link SlaterCache}) holds the inverse of each occupied-orbital matrix: O(N) per
 * proposed hop, O(N²) per accepted hop (Sherman–Morrison), a fresh LU every
 * {@code refreshInterval} accepted hops of a species against drift; never a determinant per
 * proposal.
 */
public final class SlaterDeterminant implements FermionWaveFunction {
    @Override
    public String description() {
        return "Slater determinant (L=" + nSites + ", particles " + java.util.Arrays.toString(particles) + ", P=" + nParameters() + ")";
    }

    /** Accepted hops between fresh recomputations, in units of N_s (amortised cost N_s²). */
    static final int REFRESH_PER_PARTICLE = 4;

    private final int nSites;
    private final int[] particles;
    private final double[][] phi;
    private final int refreshInterval; // ≤ 0: N_s·REFRESH_PER_PARTICLE

    private SlaterDeterminant(SpinOrbitals orbitals, int refreshInterval) {
        this.nSites = orbitals.nSites();
        this.particles = new int[orbitals.nSpecies()];
        this.phi = new double[orbitals.nSpecies()][];
        for (int s = 0; s < phi.length; s++) {
            DMatrixRMaj m = orbitals.orbitals(s);
            particles[s] = m.numCols;
            phi[s] = m.data.clone();
        }
        this.refreshInterval = refreshInterval;
    }

    /** The determinant of these orbitals, refreshed every 4·N_s accepted hops. */
    public static SlaterDeterminant of(SpinOrbitals orbitals) {
        return new SlaterDeterminant(orbitals, 0);
    }

    /** The same with an explicit refresh interval (accepted hops per species between fresh LUs). */
    public static SlaterDeterminant of(SpinOrbitals orbitals, int refreshInterval) {
        if (refreshInterval < 1) {
            throw new IllegalArgumentException("refresh interval must be at least 1, got " + refreshInterval);
        }
        return new SlaterDeterminant(orbitals, refreshInterval);
    }

    @Override
    public int nSites() {
        return nSites;
    }

    @Override
    public int nSpecies() {
        return particles.length;
    }

    public int nParticles(int species) {
        return particles[species];
    }

    @Override
    public int nParameters() {
        int p = 0;
        for (double[] block : phi) {
            p += block.length;
        }
        return p;
    }

    @Override
    public void getParameters(double[] dst) {
        int offset = 0;
        for (double[] block : phi) {
            System.arraycopy(block, 0, dst, offset, block.length);
            offset += block.length;
        }
    }

    @Override
    public void setParameters(double[] src) {
        int offset = 0;
        for (double[] block : phi) {
            System.arraycopy(src, offset, block, 0, block.length);
            offset += block.length;
        }
    }

    /** Builds each species' site-ordered matrix and takes its LU: O(N³), for tests and exact sums. */
    @Override
    public void logPsi(int[] n, double[] out) {
        double log = 0;
        double sign = 1;
        for (int s = 0; s < phi.length; s++) {
            int ns = particles[s];
            DMatrixRMaj a = new DMatrixRMaj(ns, ns);
            int row = 0;
            for (int r = 0; r < nSites; r++) {
                if (n[r + s * nSites] == 1) {
                    if (row == ns) {
                        throw new IllegalArgumentException("more than " + ns + " particles of species " + s);
                    }
                    System.arraycopy(phi[s], r * ns, a.data, row++ * ns, ns);
                }
            }
            if (row != ns) {
                throw new IllegalArgumentException(row + " particles of species " + s + ", expected " + ns);
            }
            LogDeterminant lu = new LogDeterminant(ns);
            lu.decompose(a);
            log += lu.logAbs();
            sign *= lu.sign();
        }
        out[0] = log;
        out[1] = sign < 0 ? Math.PI : 0;
    }

    @Override
    public SlaterCache newCache() {
        SpeciesDeterminant[] tables = new SpeciesDeterminant[phi.length];
        for (int s = 0; s < phi.length; s++) {
            int interval = refreshInterval > 0 ? refreshInterval : Math.max(1, REFRESH_PER_PARTICLE * particles[s]);
            tables[s] = new SpeciesDeterminant(phi[s], nSites, particles[s], s * nSites, interval);
        }
        return new SlaterCache(nSites, tables);
    }
}
