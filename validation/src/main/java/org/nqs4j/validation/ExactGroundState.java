package org.nqs4j.validation;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;

import org.nqs4j.ansatz.WaveFunction;
import org.nqs4j.chemistry.fci.Davidson;
import org.nqs4j.chemistry.fci.FciHamiltonian;
import org.nqs4j.chemistry.fcidump.Fcidump;
import org.nqs4j.hamiltonians.Boundary;
import org.nqs4j.hamiltonians.DiscreteOperator;
import org.nqs4j.hamiltonians.Lattice;
import org.nqs4j.hamiltonians.SpinHilbert;
import org.nqs4j.hamiltonians.Units;
import org.nqs4j.hamiltonians.fock.MolecularHamiltonian;
import org.nqs4j.hamiltonians.fock.OccupationOperator;
import org.nqs4j.hamiltonians.hilbert.FermionHilbert;
import org.nqs4j.vmc.config.HamiltonianSpec;
import org.nqs4j.vmc.config.ObservableSpec;
import org.nqs4j.vmc.config.ReferenceEnergy;
import org.nqs4j.vmc.config.RunConfig;
import org.nqs4j.vmc.spi.ExactReference;
import org.nqs4j.vmc.spi.ExactReferenceProvider;
import org.nqs4j.vmc.spi.TrialState;

/**
 * The exact ground state of a configured problem, by the cheapest exact method that applies:
 * <ol>
 * <li><b>bethe-ansatz</b> ({@link BetheAnsatzXxz}): model heisenberg (Δ = 1) or xxz on a periodic
 * chain with Δ &gt; −1 (after the mapping below): even L ≥ 4 in the S^z = 0 sector or the full space
 * (the ground state lies in S^z = 0), odd L ≥ 3 in the S^z = ±1/2 sectors with Δ &gt; −1/2. In Pauli
 * units H = 4·J Σ (S^xS^x + S^yS^y + Δ S^zS^z), so the energy is 4·E_BA. J &lt; 0 on an even ring is
 * (|J|, −Δ): the rotation of every other spin about z flips the sign of the XY part.</li>
 * <li><b>ferromagnet</b> ({@link BetheAnsatzXxz#ferromagneticGroundEnergy}): the same chains with
 * Δ ≤ −1, E = JΔL/4, in the full space, and at Δ = −1 (even L) in every S^z sector. The S^z = 0
 * sector at Δ &lt; −1 (bound magnons) has no analytic method here: ED only.</li>
 * <li><b>free-fermion</b> ({@link FreeFermionIsing}): model ising on a periodic chain of L ≥ 3 in
 * the full space (the parity sectors need every configuration). Spin units
 * −J Σ S^zS^z − h Σ S^x = −(J/4) Σ ZZ − (h/2) Σ X, so the Pauli-unit solution is taken at
 * (J/4, h/2).</li>
 * <li><b>lieb-wu</b> ({@link LiebWu}): model hubbard on a periodic chain of L ≥ 3 with t &gt; 0,
 * U &gt; 0, t′ = V = 0 and N↑ + N↓ ≤ L; above half filling on even L through the particle-hole
 * map c_{jσ} → (−1)^j c†_{jσ}, E(N↑, N↓) = E(L−N↑, L−N↓) + U (N↑ + N↓ − L). Energies −μN on top.</li>
 * <li><b>free-fermion</b> ({@link FreeFermions}): hubbard with U = V = 0, or spinless_fermions
 * with V = 0, on any lattice; an open shell (degenerate Fermi level) is reported in the note.</li>
 * <li><b>fci</b>: model molecule, the chemistry module's string-based full CI (Davidson) in the
 * (N↑, N↓) sector.</li>
 * <li><b>ed-full</b> ({@link FullDiagonalization}) for dimensions up to
 * {@link #FULL_DIAGONALIZATION_MAX}, <b>lanczos</b> ({@link Lanczos}) above, on the configured
 * Hilbert space, when the operator is real, conserves the sector, and the estimated cost fits the
 * time budget.</li>
 * </ol>
 * The Marshall rotation U H U† is unitary, so all three give the energy of the rotated operator;
 * ED works on the rotated operator itself. Exact observables (the configured ones, already in the
 * rotated frame) come from the ED ground state, so with an analytic method they are present only
 * when ED is affordable as well. A degenerate ground state (found by ed-full) makes them depend on
 * the state chosen; {@link Solution#note()} says so.
 */
public final class ExactGroundState implements ExactReferenceProvider {
    /** Largest dimension handled by dense diagonalisation: O(D³) ≈ a second at D = 2000. */
    public static final int FULL_DIAGONALIZATION_MAX = 2000;
    /**
     * From this many states on, building the sparse matrix (and, in {@code nqs exact}, the sector's
     * overlaps) takes seconds and is announced first.
     */
    public static final long ANNOUNCED_BUILD_STATES = 1_000_000;
    /**
     * Largest ED dimension at any budget: the 24-site chain's S^z = 0 sector (2 704 156) and the
     * 4x4 Hubbard model at N↑ = N↓ = 4 (3 312 400) fit.
     */
    public static final double ED_MAX_DIMENSION = 3.4e6;
    /**
     * Throughput of the CSR build plus Lanczos in D × (connections per state) per second,
     * measured for the 24-site chain (D·25 entries in 20 s on a shared 2-core machine,
     * validation/README.md); used to decide whether ED fits a time budget. Exact observables come
     * on top (an operator with many terms, such as m_s², costs about as much again).
     */
    static final double ED_ENTRIES_PER_SECOND = 3e6;

    /**
     * An exact reference with its cost.
     *
     * @param memoryBytes bytes of the ED arrays (basis, matrix, vectors), 0 for analytic methods
     * @param note        a caveat for the reader (e.g. a degenerate ground state), or empty
     * @param state       the ED ground state of a spin-½ space (for {@link GroundStateSector}); empty
     *                    when ED did not run or the space holds fermions or bosons
     */
    public record Solution(ExactReference reference, double seconds, long memoryBytes, String note,
                           Optional<SpinGroundState> state) {
    }

    /**
     * The ED ground state of a spin-½ space: the very vector ED returned (not a copy), after the
     * sparse matrix and the Krylov basis are released.
     *
     * @param amplitudes ψ₀ on {@code basis}
     * @param degenerate whether ED saw the ground level degenerate (ed-full; Lanczos computes one
     *                   level and cannot tell)
     */
    public record SpinGroundState(SpinBasis basis, double[] amplitudes, boolean degenerate) {
    }

    /** No exact method applies; the message says why. */
    public static final class NoExactMethodException extends Exception {
        private static final long serialVersionUID = 1L;

        NoExactMethodException(String message) {
            super(message);
        }
    }

    /** For {@link java.util.ServiceLoader}. */
    public ExactGroundState() {
    }

    @Override
    public Optional<ExactReference> groundState(RunConfig config, double secondsBudget) {
        try {
            return Optional.of(solve(config, secondsBudget).reference());
        } catch (NoExactMethodException e) {
            return Optional.empty();
        }
    }

    /** Largest space whose trial-state energy is summed at the end of every run (about a second). */
    public static final double TRIAL_STATE_MAX_DIMENSION = 1e5;

    /**
     * Why the run of {@code config} will not sum its trial state's exact energy, or empty when it will:
     * a space above {@link #TRIAL_STATE_MAX_DIMENSION} states, or a Hamiltonian with complex elements.
     */
    public static Optional<String> trialStateUnavailable(RunConfig config) {
        if (!(config.hilbert() instanceof SpinHilbert) && !(config.hamiltonian().operator() instanceof OccupationOperator)) {
            return Optional.of("the trial-state sum covers spin-1/2 and occupation-number spaces; this config has "
                    + config.hilbert());
        }
        if (config.hilbert().dimension() > TRIAL_STATE_MAX_DIMENSION) {
            return Optional.of(String.format(Locale.ROOT, "the trial-state sum covers at most %.0f states; %s has %.3g",
                    TRIAL_STATE_MAX_DIMENSION, config.hilbert(), config.hilbert().dimension()));
        }
        if (!config.hamiltonian().operator().isReal()) {
            return Optional.of("the trial-state sum takes real Hamiltonians only; this one has complex matrix elements");
        }
        return Optional.empty();
    }

    @Override
    public Optional<TrialState> trialState(RunConfig config, WaveFunction psi) {
        if (trialStateUnavailable(config).isPresent()) {
            return Optional.empty();
        }
        TrialStateEnergy.Result r = config.hilbert() instanceof SpinHilbert spins
                ? TrialStateEnergy.of(psi, config.hamiltonian().pauliOperator(), spins)
                : TrialStateEnergy.of(psi, config.hamiltonian().fockOperator(), config.hilbert());
        return Optional.of(new TrialState(r.energy(), r.variance(), r.dimension()));
    }

    /**
     * The exact ground state of {@code config}'s Hamiltonian on its Hilbert space.
     *
     * @throws NoExactMethodException if no analytic solution applies and ED is impossible
     *         (complex or sector-breaking operator) or beyond the budget
     */
    public static Solution solve(RunConfig config, double secondsBudget) throws NoExactMethodException {
        return solve(config, secondsBudget, Lanczos.Progress.NONE);
    }

    /** {@link #solve(RunConfig, double)}, reporting the progress of a Lanczos diagonalisation. */
    public static Solution solve(RunConfig config, double secondsBudget, Lanczos.Progress progress)
            throws NoExactMethodException {
        long t0 = System.nanoTime();
        Optional<Analytic> analytic = analytic(config);
        String edProblem = edProblem(config, secondsBudget);
        if (analytic.isEmpty() && edProblem != null && config.reference().isPresent()) {
            ReferenceEnergy ref = config.reference().get();
            String method = "reference: " + ref.source() + (ref.error() > 0 ? " (±" + ref.error() + ")" : "");
            return new Solution(new ExactReference(ref.energy(), method, 0, Map.of()), seconds(t0), 0,
                    "not exact: a literature value from the config (" + edProblem + ")", Optional.empty());
        }
        if (analytic.isEmpty() && edProblem != null) {
            throw new NoExactMethodException("no exact method for " + config.hamiltonian().operator().description()
                    + " on " + config.hilbert() + ": no analytic solution applies" + betheScope(config) + ", and "
                    + edProblem);
        }
        if (analytic.isPresent() && (edProblem != null || config.observables().isEmpty())) {
            ExactReference r = new ExactReference(analytic.get().energy(), analytic.get().method(), 0, Map.of());
            String note = config.observables().isEmpty() ? "" : "no exact observables: " + edProblem;
            note = analytic.get().note().isEmpty() ? note : note.isEmpty() ? analytic.get().note()
                    : analytic.get().note() + "; " + note;
            return new Solution(r, seconds(t0), 0, note, Optional.empty());
        }
        EdResult ed = diagonalise(config, progress);
        return combine(analytic, ed, t0);
    }

    /**
     * Exact diagonalisation whatever the time budget: energy, method and observables are those
     * of ED, even where an analytic method applies ({@link #analyticReference} gives that one for
     * a cross-check).
     *
     * @throws NoExactMethodException if the operator is complex, breaks the sector, or the
     *         space exceeds {@link #ED_MAX_DIMENSION}
     */
    public static Solution solveByDiagonalisation(RunConfig config) throws NoExactMethodException {
        return solveByDiagonalisation(config, Lanczos.Progress.NONE);
    }

    /** {@link #solveByDiagonalisation(RunConfig)}, reporting the progress of a Lanczos diagonalisation. */
    public static Solution solveByDiagonalisation(RunConfig config, Lanczos.Progress progress)
            throws NoExactMethodException {
        long t0 = System.nanoTime();
        String edProblem = edProblem(config, Double.POSITIVE_INFINITY);
        if (edProblem != null) {
            throw new NoExactMethodException("cannot diagonalise " + config.hamiltonian().operator().description()
                    + " on " + config.hilbert() + ": " + edProblem);
        }
        EdResult ed = diagonalise(config, progress);
        return new Solution(new ExactReference(ed.energy, ed.method, ed.dimension, ed.observables), seconds(t0),
                ed.memoryBytes, ed.note, ed.state);
    }

    /** The analytic ground-state energy (bethe-ansatz or free-fermion) when one applies. */
    public static Optional<ExactReference> analyticReference(RunConfig config) {
        return analytic(config).map(a -> new ExactReference(a.energy(), a.method(), 0, Map.of()));
    }

    private static Solution combine(Optional<Analytic> analytic, EdResult ed, long t0) {
        ExactReference r = analytic.isPresent()
                ? new ExactReference(analytic.get().energy(), analytic.get().method(), ed.dimension, ed.observables)
                : new ExactReference(ed.energy, ed.method, ed.dimension, ed.observables);
        return new Solution(r, seconds(t0), ed.memoryBytes, ed.note, ed.state);
    }

    /** @param note a caveat (a degenerate ground state), or empty */
    private record Analytic(String method, double energy, String note) {
        Analytic(String method, double energy) {
            this(method, energy, "");
        }
    }

    private static Optional<Analytic> analytic(RunConfig c) {
        HamiltonianSpec h = c.hamiltonian();
        Lattice lattice = c.lattice();
        int n = lattice.nSites();
        boolean periodicChain = lattice.extents().length == 1 && lattice.boundary().equals(Optional.of(Boundary.PERIODIC));
        if (h.operator() instanceof MolecularHamiltonian molecule && c.hilbert() instanceof FermionHilbert fermions) {
            return fullCi(molecule, fermions);
        }
        if (c.hilbert() instanceof FermionHilbert fermions) {
            return fermionAnalytic(h, lattice, fermions, periodicChain);
        }
        if (!periodicChain || !(c.hilbert() instanceof SpinHilbert hilbert)) {
            return Optional.empty();
        }
        if (h.model().equals("heisenberg") || h.model().equals("xxz")) {
            double scale = h.units() == Units.PAULI ? 4 : 1;
            return xxzChain(n, h.coupling("J"), h.model().equals("xxz") ? h.coupling("delta") : 1, hilbert)
                    .map(a -> new Analytic(a.method(), scale * a.energy()));
        }
        if (h.model().equals("ising") && n >= 3 && !hilbert.hasFixedMagnetization()) {
            double j = h.coupling("J");
            double field = h.coupling("h");
            FreeFermionIsing ff = h.units() == Units.PAULI ? FreeFermionIsing.periodicChain(n, j, field)
                    : FreeFermionIsing.periodicChain(n, j / 4, field / 2);
            return Optional.of(new Analytic("free-fermion", ff.groundEnergy()));
        }
        return Optional.empty();
    }

    /**
     * fci: the string-based full CI of the chemistry module (Davidson on α and β strings, an
     * implementation independent of {@link CsrMatrix}) in the (N↑, N↓) sector; empty when Davidson
     * does not converge, so that ED decides.
     */
    private static Optional<Analytic> fullCi(MolecularHamiltonian h, FermionHilbert sector) {
        int up = sector.nParticles(0);
        int down = sector.nParticles(1);
        Davidson.Result r = Davidson.lowest(new FciHamiltonian(Fcidump.of(h.integrals(), up + down, up - down)),
                Davidson.Options.DEFAULT);
        return r.converged() ? Optional.of(new Analytic("fci", r.energy())) : Optional.empty();
    }

    /** What the XXZ-ring methods cover, for the message of a periodic XXZ chain they do not. */
    private static String betheScope(RunConfig c) {
        String model = c.hamiltonian().model();
        boolean chain = c.lattice().extents().length == 1 && c.lattice().boundary().equals(Optional.of(Boundary.PERIODIC));
        return chain && (model.equals("xxz") || model.equals("heisenberg"))
                ? " (the Bethe ansatz covers Δ > -1 with S_z = 0 on even rings or S_z = ±1/2 on odd rings with"
                        + " Δ > -1/2, and Δ <= -1 in the full space, the ferromagnet E = JΔL/4; the S_z = 0 sector at"
                        + " Δ < -1 holds bound magnons: use ED or hilbert.total_sz: none)"
                : "";
    }

    /** The XXZ ring's ground-state energy in spin units where an analytic method covers the sector. */
    private static Optional<Analytic> xxzChain(int n, double j, double delta, SpinHilbert hilbert) {
        boolean even = n % 2 == 0;
        if (j < 0 && even) {
            return xxzChain(n, -j, -delta, hilbert);
        }
        boolean full = !hilbert.hasFixedMagnetization();
        int sumSigma = full ? 0 : hilbert.sumSigma();
        if (!(j > 0) || n < 3) {
            return Optional.empty();
        }
        if (delta <= -1) {
            boolean covered = full || (delta == -1 && even);
            return covered ? Optional.of(new Analytic("ferromagnet", BetheAnsatzXxz.ferromagneticGroundEnergy(n, j, delta)))
                    : Optional.empty();
        }
        boolean covered = even ? sumSigma == 0 : !full && Math.abs(sumSigma) == 1 && delta > -0.5;
        return covered ? Optional.of(new Analytic("bethe-ansatz", BetheAnsatzXxz.groundState(n, j, delta).groundEnergy()))
                : Optional.empty();
    }

    /** Free fermions (U = V = 0) on any lattice; Lieb–Wu for the Hubbard ring. */
    private static Optional<Analytic> fermionAnalytic(HamiltonianSpec h, Lattice lattice, FermionHilbert hilbert,
                                                      boolean periodicChain) {
        boolean hubbard = h.model().equals("hubbard");
        int[] particles = new int[hilbert.nSpecies()];
        for (int s = 0; s < particles.length; s++) {
            particles[s] = hilbert.nParticles(s);
        }
        double t = h.coupling("t");
        double tPrime = hubbard ? h.coupling("t_prime") : 0;
        double mu = h.coupling("mu");
        if (h.coupling("V") == 0 && (!hubbard || h.coupling("U") == 0)) {
            FreeFermions ff = FreeFermions.groundState(lattice, t, tPrime, mu, particles);
            return Optional.of(new Analytic("free-fermion", ff.groundEnergy(), ff.openShell()
                    ? "the ground state is not unique: a Fermi level is degenerate (open shell)" : ""));
        }
        int l = lattice.nSites();
        int nUp = hubbard ? particles[0] : 0;
        int nDown = hubbard ? particles[1] : 0;
        boolean particleHole = nUp + nDown > l && l % 2 == 0;
        double u = hubbard ? h.coupling("U") : 0;
        if (!hubbard || !periodicChain || l < 3 || tPrime != 0 || h.coupling("V") != 0 || !(t > 0) || !(u > 0)
                || (nUp + nDown > l && !particleHole) || nUp + nDown == 0 || (particleHole && nUp + nDown == 2 * l)) {
            return Optional.empty();
        }
        LiebWu lw;
        try {
            lw = particleHole ? LiebWu.groundState(l, l - nUp, l - nDown, t, u) : LiebWu.groundState(l, nUp, nDown, t, u);
        } catch (IllegalStateException e) {
            return Optional.empty(); // Newton did not converge: no analytic value, ED if affordable
        }
        double e = lw.groundEnergy() + (particleHole ? u * (nUp + nDown - l) : 0) - mu * (nUp + nDown);
        return Optional.of(new Analytic("lieb-wu", e, lw.degenerate()
                ? "open shell: the Bethe quantum numbers are shifted by 1/2, the ground state is degenerate in momentum" : ""));
    }

    /** Why ED cannot be done within the budget, or null when it can. */
    private static String edProblem(RunConfig c, double secondsBudget) {
        DiscreteOperator h = c.hamiltonian().operator();
        double d = c.hilbert().dimension();
        if (!h.isReal()) {
            return "exact diagonalisation handles real operators only (this one has an odd number of Y factors in a term)";
        }
        if (c.hilbert() instanceof SpinHilbert && c.lattice().nSites() > SpinBasis.MAX_SITES || d > ED_MAX_DIMENSION) {
            return String.format("the Hilbert space has %.4g states, beyond the ED limit of %.3g", d, ED_MAX_DIMENSION);
        }
        double estimate = estimatedEdSeconds(d, h.maxConnections());
        if (estimate > secondsBudget) {
            return String.format("ED of %.0f states would take about %.0f s, more than the budget of %.0f s", d,
                    estimate, secondsBudget);
        }
        return null;
    }

    /** Seconds of the CSR build plus Lanczos, from the measured throughput. */
    static double estimatedEdSeconds(double dimension, int connectionsPerState) {
        return dimension * connectionsPerState / ED_ENTRIES_PER_SECOND;
    }

    private record EdResult(double energy, String method, long dimension, Map<String, Double> observables,
                            long memoryBytes, String note, Optional<SpinGroundState> state) {
    }

    private static EdResult diagonalise(RunConfig c, Lanczos.Progress progress) throws NoExactMethodException {
        SpinBasis basis = c.hilbert() instanceof SpinHilbert spins ? SpinBasis.of(spins) : null;
        long states = basis != null ? basis.dimension() : c.hilbert().nStates();
        if (states >= ANNOUNCED_BUILD_STATES) {
            progress.building(states);
        }
        CsrMatrix m;
        try {
            m = basis != null ? CsrMatrix.fromOperator(c.hamiltonian().pauliOperator(), basis)
                    : CsrMatrix.fromFockOperator(c.hamiltonian().fockOperator(), c.hilbert());
        } catch (IllegalArgumentException e) {
            throw new NoExactMethodException("exact diagonalisation is impossible: " + e.getMessage());
        }
        int d = m.dimension();
        double energy;
        double[] psi;
        String method;
        long memory = (basis == null ? 0 : basis.memoryBytes()) + m.memoryBytes();
        String note = "";
        boolean degenerate = false;
        if (d <= FULL_DIAGONALIZATION_MAX) {
            FullDiagonalization full = FullDiagonalization.of(m);
            double[] values = full.eigenvalues();
            energy = values[0];
            psi = full.groundState();
            method = "ed-full";
            memory += 3L * 8 * d * d; // the dense matrix, its working copy and the eigenvectors
            degenerate = d > 1 && values[1] - values[0] <= 1e-9 * Math.max(1, Math.abs(values[0]));
            if (degenerate) {
                note = String.format("the ground state is degenerate (E1 - E0 = %.2e): exact observables are those of"
                        + " one state of the ground-state space", values[1] - values[0]);
            }
        } else {
            Lanczos.Result r = Lanczos.lowest(m, 1, Lanczos.Settings.defaults().withProgress(progress));
            energy = r.groundEnergy();
            psi = r.groundState();
            method = "lanczos";
            memory += r.vectorBytes();
        }
        Map<String, Double> observables = new LinkedHashMap<>();
        for (ObservableSpec o : c.observables()) {
            observables.put(o.name(), basis != null ? StateExpectation.of(o.pauliOperator(), basis, psi)
                    : StateExpectation.of((OccupationOperator) o.operator(), c.hilbert(), psi));
        }
        return new EdResult(energy, method, d, observables, memory, note,
                basis == null ? Optional.empty() : Optional.of(new SpinGroundState(basis, psi, degenerate)));
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) * 1e-9;
    }
}
