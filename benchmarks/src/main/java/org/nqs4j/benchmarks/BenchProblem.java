package org.nqs4j.benchmarks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nqs4j.ansatz.GaussianParameters;
import org.nqs4j.ansatz.Rbm;
import org.nqs4j.hamiltonians.Boundary;
import org.nqs4j.hamiltonians.Edge;
import org.nqs4j.hamiltonians.Lattice;
import org.nqs4j.hamiltonians.PauliSumOperator;
import org.nqs4j.hamiltonians.SpinHilbert;
import org.nqs4j.hamiltonians.SpinModels;
import org.nqs4j.hamiltonians.Units;
import org.nqs4j.samplers.ExchangeRule;
import org.nqs4j.samplers.LocalFlipRule;
import org.nqs4j.samplers.MetropolisSampler;
import org.nqs4j.samplers.TransitionRule;
import org.nqs4j.validation.BetheAnsatzHeisenberg;
import org.nqs4j.validation.FreeFermionIsing;

/**
 * A standard problem of the reference codes (/work/shared/peers.md): Pauli units, periodic
 * chains or square lattices, complex (or, for the small-step problem, real) RBM with M = αN, Marshall-rotated Heisenberg
 * H = Σ ZZ − 2 Σ (σ⁺σ⁻ + h.c.) with exchange moves in the Σσ = 0 sector, or the TFIM
 * H = −Σ ZZ − h Σ X with single flips.
 *
 * @param exactEnergyPerSite E₀/N in Pauli units, NaN when unknown
 * @param complexParameters a complex RBM (the peers' problems) or a real one (NetKet's TFIM example)
 * @param chains Markov chains per SR iteration
 * @param samplesPerChain kept samples per chain and iteration
 */
public record BenchProblem(String name, Lattice lattice, boolean heisenberg, double field, int alpha,
                           double exactEnergyPerSite, boolean complexParameters, int chains, int samplesPerChain) {

    /** A peers' problem: complex RBM, 1,000 samples per iteration (20 chains × 50). */
    public BenchProblem(String name, Lattice lattice, boolean heisenberg, double field, int alpha,
                        double exactEnergyPerSite) {
        this(name, lattice, heisenberg, field, alpha, exactEnergyPerSite, true, 20, 50);
    }

    /** The problems of the performance issue, by name. */
    public static Map<String, BenchProblem> standard() {
        Map<String, BenchProblem> all = new LinkedHashMap<>();
        Lattice chain40 = Lattice.chain(40, Boundary.PERIODIC, false);
        Lattice chain100 = Lattice.chain(100, Boundary.PERIODIC, false);
        Lattice square10 = Lattice.square(10, Boundary.PERIODIC, false);
        for (int alpha : new int[] {1, 2, 4}) {
            add(all, new BenchProblem("heisenberg-chain-40-a" + alpha, chain40, true, 0, alpha, -1.7746522788));
        }
        // Pauli units: 4 × the spin-½ Bethe-ansatz energy
        double chain100Exact = 4 * BetheAnsatzHeisenberg.groundState(100, 1.0).groundEnergy() / 100;
        for (int alpha : new int[] {1, 2, 4}) {
            add(all, new BenchProblem("heisenberg-chain-100-a" + alpha, chain100, true, 0, alpha, chain100Exact));
        }
        add(all, new BenchProblem("tfim-chain-40-h1-a1", chain40, false, 1.0, 1, -1.2735668529));
        // the small SR step (issue 18): NetKet's own example, real RBM, P = 440, 1,008 samples (16 × 63)
        add(all, new BenchProblem("tfim-chain-20-h1-a1-real", Lattice.chain(20, Boundary.PERIODIC, false), false, 1.0,
                1, FreeFermionIsing.periodicChain(20, 1.0, 1.0).groundEnergy() / 20, false, 16, 63));
        add(all, new BenchProblem("heisenberg-square-10x10-a1", square10, true, 0, 1, -2.686196));
        add(all, new BenchProblem("heisenberg-square-10x10-a4", square10, true, 0, 4, -2.686196));
        return all;
    }

    private static void add(Map<String, BenchProblem> all, BenchProblem p) {
        all.put(p.name(), p);
    }

    /** The problems of {@code --quick}: one per kind, small enough for a smoke run. */
    public static List<String> quick() {
        return List.of("heisenberg-chain-40-a1", "tfim-chain-40-h1-a1", "tfim-chain-20-h1-a1-real");
    }

    public int nSites() {
        return lattice.nSites();
    }

    public PauliSumOperator hamiltonian() {
        if (heisenberg) {
            return SpinModels.marshallRotated(SpinModels.heisenberg(lattice, 1.0, Units.PAULI), lattice);
        }
        return SpinModels.transverseFieldIsing(lattice, 1.0, field, Units.PAULI);
    }

    public SpinHilbert hilbert() {
        return heisenberg ? SpinHilbert.fixedMagnetization(nSites(), 0) : SpinHilbert.unconstrained(nSites());
    }

    public TransitionRule rule() {
        return heisenberg ? ExchangeRule.onEdges(lattice.edges(0)) : new LocalFlipRule(nSites());
    }

    /** An RBM (complex or real) with Gaussian initial parameters of width 0.01 (seeded), bond exchanges tabulated. */
    public Rbm ansatz(long seed) {
        return ansatz(seed, true);
    }

    /** {@link #ansatz(long)}, with the bond exchanges tabulated or not ({@link Rbm#tabulateExchanges}). */
    public Rbm ansatz(long seed, boolean tabulateExchanges) {
        Rbm rbm = complexParameters ? Rbm.complex(nSites(), alpha) : Rbm.real(nSites(), alpha);
        if (heisenberg && tabulateExchanges) {
            rbm.tabulateExchanges(Edge.sitePairs(lattice.edges(0)));
        }
        GaussianParameters.initialise(rbm, seed, 0.01);
        return rbm;
    }

    /** A sampler with sweeps of N proposals (the peers' definition of one sample). */
    public MetropolisSampler sampler(Rbm rbm, int chains, long seed) {
        return new MetropolisSampler(rbm, hilbert(), rule(), chains, nSites(), seed);
    }
}
