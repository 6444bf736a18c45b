package org.nqs4j.hamiltonians.hilbert;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Fermions on N lattice sites with fixed particle number per species: spinless (one species, N
 * particles) or spin-1/2 (species 0 = ↑ with N↑, species 1 = ↓ with N↓).
 *
 * <p>A configuration lists the occupations n ∈ {0, 1} of the spin-orbitals, <b>orbital index =
 * site + N·species</b>: all ↑ orbitals first, then all ↓. This order is the Jordan–Wigner order of
 * {@link org.nqs4j.hamiltonians.fock.FockOperator}: a basis state is
 * c†_{o_1} c†_{o_2} ⋯ |0⟩ with o_1 &lt; o_2 &lt; ⋯ occupied.
 *
 * <p>Ranks: each species is ranked in the combinatorial number system ({@link OccupationRanking},
 * m = 1) and index = rank_↑ + D_↑·rank_↓.
 */
public final class FermionHilbert implements Hilbert {
    private final int nSites;
    private final int[] particles;            // per species
    private final OccupationRanking[] species;

    private FermionHilbert(int nSites, int... particles) {
        if (nSites < 1) {
            throw new IllegalArgumentException("the Hilbert space needs at least one site, got " + nSites);
        }
        this.nSites = nSites;
        this.particles = particles.clone();
        this.species = new OccupationRanking[particles.length];
        for (int s = 0; s < particles.length; s++) {
            if (particles[s] < 0 || particles[s] > nSites) {
                throw new IllegalArgumentException(speciesName(s) + " = " + particles[s] + " fermions do not fit " + nSites
                        + " sites: each site holds at most one fermion per species");
            }
            species[s] = OccupationRanking.fixedSum(nSites, 1, particles[s]);
        }
    }

    /** Spinless fermions: N sites, {@code nParticles} of them occupied. */
    public static FermionHilbert spinless(int nSites, int nParticles) {
        return new FermionHilbert(nSites, nParticles);
    }

    /** Spin-1/2 fermions with N↑ = {@code nUp}, N↓ = {@code nDown}. */
    public static FermionHilbert spinful(int nSites, int nUp, int nDown) {
        return new FermionHilbert(nSites, nUp, nDown);
    }

    public int nSpecies() {
        return particles.length;
    }

    /** N↑ (species 0), N↓ (species 1), or N for spinless fermions. */
    public int nParticles(int species) {
        return particles[species];
    }

    /** The orbital of {@code site} in {@code species}: site + N·species. */
    public int orbital(int site, int species) {
        return site + nSites * species;
    }

    @Override
    public int nSites() {
        return nSites;
    }

    @Override
    public int size() {
        return nSites * particles.length;
    }

    @Override
    public int[] localStates() {
        return new int[] {0, 1};
    }

    @Override
    public List<SumConstraint> constraints() {
        List<SumConstraint> c = new ArrayList<>();
        for (int s = 0; s < particles.length; s++) {
            c.add(new SumConstraint(speciesName(s), s * nSites, (s + 1) * nSites, particles[s]));
        }
        return c;
    }

    private String speciesName(int s) {
        return particles.length == 1 ? "N" : s == 0 ? "N↑" : "N↓";
    }

    @Override
    public boolean contains(int[] x) {
        if (x.length != size()) {
            return false;
        }
        for (int s = 0; s < species.length; s++) {
            if (!species[s].accepts(x, s * nSites)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public double dimension() {
        double d = 1;
        for (OccupationRanking r : species) {
            d *= r.dimension();
        }
        return d;
    }

    @Override
    public long nStates() {
        long d = 1;
        for (OccupationRanking r : species) {
            d = Math.multiplyExact(d, r.nStates());
        }
        return d;
    }

    @Override
    public long index(int[] x) {
        if (!contains(x)) {
            throw new IllegalArgumentException("the configuration is not in " + this);
        }
        long index = 0;
        for (int s = species.length - 1; s >= 0; s--) {
            index = index * species[s].nStates() + species[s].rank(x, s * nSites);
        }
        return index;
    }

    @Override
    public void state(long index, int[] out) {
        if (index < 0 || index >= nStates()) {
            throw new IllegalArgumentException("index " + index + " outside 0.." + (nStates() - 1));
        }
        for (int s = 0; s < species.length; s++) {
            long d = species[s].nStates();
            species[s].unrank(index % d, out, s * nSites);
            index /= d;
        }
    }

    /** Uniform in the sector: per species, the first N_s entries of a random permutation of the sites. */
    @Override
    public void randomState(RandomGenerator rng, int[] out) {
        for (int s = 0; s < species.length; s++) {
            RandomStates.subset(rng, nSites, particles[s], out, s * nSites, 1, 0);
        }
    }

    @Override
    public String toString() {
        return particles.length == 1 ? nSites + " sites, " + particles[0] + " spinless fermions"
                : nSites + " sites, " + particles[0] + " ↑ + " + particles[1] + " ↓ fermions";
    }
}
