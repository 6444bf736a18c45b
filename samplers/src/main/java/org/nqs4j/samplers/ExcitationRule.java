package org.nqs4j.samplers;

import java.util.Optional;
import org.apache.commons.rng.UniformRandomProvider;
import org.nqs4j.hamiltonians.hilbert.FermionHilbert;
import org.nqs4j.hamiltonians.hilbert.Hilbert;

/**
 * Single and double excitations between any orbitals, the moves of a molecular Hamiltonian (whose
 * orbitals have no lattice): with probability ½ one particle of a uniformly drawn species moves to a
 * uniformly drawn empty orbital of its species; otherwise two particles move, of one species (drawn
 * uniformly; probability ¼) or one of each species (¼), to uniformly drawn empty orbitals. N↑ and N↓
 * are kept.
 *
 * <p>The proposal is symmetric: in a sector every species has fixed numbers N_s of particles and
 * H_s = L − N_s of holes, so a given single excitation is drawn with probability
 * ½·(1/S)/(N_s H_s) and its reverse with the same; a same-species double with
 * ¼·(1/S)·4/(N_s(N_s−1)H_s(H_s−1)) both ways, an opposite-species double with ¼/(N↑H↑N↓H↓). A kind
 * of move the sector cannot make (e.g. a same-species double with one particle) is a null move,
 * equally often from every state. No Hastings factor is needed.
 */
public final class ExcitationRule implements TransitionRule {
    private final int nSites;
    private final int[] particles;

    private ExcitationRule(int nSites, int[] particles) {
        this.nSites = nSites;
        this.particles = particles;
    }

    /** Singles and doubles in the (N↑, N↓) (or N) sector of {@code hilbert}. */
    public static ExcitationRule of(FermionHilbert hilbert) {
        int[] n = new int[hilbert.nSpecies()];
        for (int s = 0; s < n.length; s++) {
            n[s] = hilbert.nParticles(s);
        }
        return new ExcitationRule(hilbert.nSites(), n);
    }

    @Override
    public int propose(int[] x, UniformRandomProvider rng, int[] sites, int[] values) {
        int kind = rng.nextInt(4); // 0, 1: single; 2: same-species double; 3: opposite-species double
        if (kind == 3) {
            if (particles.length < 2 || !movable(0, 1) || !movable(1, 1)) {
                return 0;
            }
            hop(x, 0, rng.nextInt(particles[0]), rng.nextInt(nSites - particles[0]), sites, values, 0);
            hop(x, 1, rng.nextInt(particles[1]), rng.nextInt(nSites - particles[1]), sites, values, 2);
            return 4;
        }
        int s = rng.nextInt(particles.length);
        if (kind < 2) {
            if (!movable(s, 1)) {
                return 0;
            }
            hop(x, s, rng.nextInt(particles[s]), rng.nextInt(nSites - particles[s]), sites, values, 0);
            return 2;
        }
        if (!movable(s, 2)) {
            return 0;
        }
        int holes = nSites - particles[s];
        int p1 = rng.nextInt(particles[s]);
        int p2 = rng.nextInt(particles[s] - 1);
        int h1 = rng.nextInt(holes);
        int h2 = rng.nextInt(holes - 1);
        // two distinct ranks drawn uniformly: the second skips the first
        hop(x, s, p1, h1, sites, values, 0);
        hop(x, s, p2 >= p1 ? p2 + 1 : p2, h2 >= h1 ? h2 + 1 : h2, sites, values, 2);
        return 4;
    }

    /** Whether species s has at least {@code count} particles and {@code count} holes. */
    private boolean movable(int s, int count) {
        return particles[s] >= count && nSites - particles[s] >= count;
    }

    /**
     * Writes the hop of species s from its {@code particle}-th occupied to its {@code hole}-th empty
     * orbital (ranks in orbital order, in x) as the changes at {@code at}, {@code at + 1}.
     */
    private void hop(int[] x, int s, int particle, int hole, int[] sites, int[] values, int at) {
        int base = s * nSites;
        int from = -1;
        int to = -1;
        for (int r = base; from < 0 || to < 0; r++) {
            if (x[r] == 1 && particle-- == 0) {
                from = r;
            } else if (x[r] == 0 && hole-- == 0) {
                to = r;
            }
        }
        sites[at] = from;
        values[at] = 0;
        sites[at + 1] = to;
        values[at + 1] = 1;
    }

    @Override
    public int maxChanges() {
        return 4;
    }

    @Override
    public Optional<String> incompatibility(Hilbert hilbert) {
        if (!(hilbert instanceof FermionHilbert f)) {
            return Optional.of("excitations need a fermion Hilbert space, not " + hilbert);
        }
        boolean same = f.nSites() == nSites && f.nSpecies() == particles.length;
        for (int s = 0; same && s < particles.length; s++) {
            same = f.nParticles(s) == particles[s];
        }
        return same ? Optional.empty() : Optional.of("excitations drawn for " + particles.length + " species of "
                + java.util.Arrays.toString(particles) + " particles on " + nSites + " orbitals do not fit " + hilbert);
    }

    @Override
    public String description() {
        return "single and double excitations on " + nSites + " orbitals";
    }
}
