package org.nqs4j.validation;

import org.nqs4j.ansatz.WalkerCache;
import org.nqs4j.ansatz.WaveFunction;
import org.nqs4j.hamiltonians.Connections;
import org.nqs4j.hamiltonians.LocalOperator;
import org.nqs4j.hamiltonians.SpinHilbert;
import org.nqs4j.hamiltonians.hilbert.Hilbert;

/**
 * The exact energy and energy variance of a trial wave function, by summing over every basis
 * state of its Hilbert space (or sector) instead of sampling:
 * <pre>
 *   E = ⟨ψ|Ĥ|ψ⟩/⟨ψ|ψ⟩ = Σ_σ |ψ(σ)|² E_loc(σ) / Σ_σ |ψ(σ)|²,   Var = ⟨ψ|Ĥ²|ψ⟩/⟨ψ|ψ⟩ − E².
 * </pre>
 * Comparing it with the VMC estimate separates the sampling error (VMC − E) from the variational
 * error (E − E_0).
 *
 * <p><b>Overflow.</b> Amplitudes are formed as φ(σ) = exp(log ψ(σ) − max_σ' Re log ψ(σ')), so the
 * largest |φ| is 1 and the common factor cancels in every ratio; log ψ of thousands does not
 * overflow. <b>Local energy.</b> (Ĥφ)(σ) = Σ_σ' ⟨σ|Ĥ|σ'⟩ φ(σ') = Σ_σ' conj⟨σ'|Ĥ|σ⟩ φ(σ') by
 * Hermiticity, gathered from the connections of σ, so no ratio ψ(σ')/ψ(σ) is divided by a small
 * amplitude: E = Σ conj φ(σ)·(Ĥφ)(σ) / Σ|φ|² and ⟨Ĥ²⟩ = Σ |(Ĥφ)(σ)|² / Σ|φ|².
 *
 * <p>Threads: rows are split over {@link RowParallel#THREADS} threads, each with its own
 * {@link WalkerCache} and {@link Connections}; the wave function is only read, and the operator's
 * {@code connections} must be safe to call concurrently (it is for
 * {@link org.nqs4j.hamiltonians.PauliSumOperator}, which reads immutable tables only).
 */
public final class TrialStateEnergy {
    /** Largest basis summed over: 10⁶ states, a few seconds for an RBM of 20 sites. */
    public static final int MAX_DIMENSION = 1_000_000;

    /**
     * @param energy    ⟨Ĥ⟩ in the trial state
     * @param variance  ⟨Ĥ²⟩ − ⟨Ĥ⟩²
     * @param dimension number of basis states summed over
     */
    public record Result(double energy, double variance, int dimension) {
    }

    private TrialStateEnergy() {
    }

    /**
     * ⟨Ĥ⟩ and Var(Ĥ) of {@code psi} on {@code hilbert}.
     *
     * @throws IllegalArgumentException if the sizes disagree, the space has more than
     *         {@link #MAX_DIMENSION} states, Ĥ leaves the sector, or log ψ is not finite
     */
    public static Result of(WaveFunction psi, LocalOperator hamiltonian, SpinHilbert hilbert) {
        if (psi.nSites() != hilbert.nSites() || hamiltonian.nSites() != hilbert.nSites()) {
            throw new IllegalArgumentException("wave function (" + psi.nSites() + " sites), Hamiltonian ("
                    + hamiltonian.nSites() + ") and Hilbert space (" + hilbert.nSites() + ") must agree");
        }
        if (hilbert.dimension() > MAX_DIMENSION) {
            throw new IllegalArgumentException(String.format("the trial-state sum covers at most %d states; %s has %.4g",
                    MAX_DIMENSION, hilbert, hilbert.dimension()));
        }
        SpinBasis basis = SpinBasis.of(hilbert);
        int d = basis.dimension();
        int[] bounds = RowParallel.evenBounds(d);
        double[][] phi = amplitudes(psi, d, basis.nSites(), (r, sigma) -> basis.sigma(basis.state(r), sigma));
        double[] phiRe = phi[0];
        double[] phiIm = phi[1];
        double[] norm = new double[bounds.length - 1];
        double[] h1 = new double[bounds.length - 1];
        double[] h2 = new double[bounds.length - 1];
        RowParallel.run(bounds, (part, from, to) -> {
            Connections conn = hamiltonian.newConnections();
            int[] sigma = new int[basis.nSites()];
            double nn = 0;
            double e = 0;
            double e2 = 0;
            for (int r = from; r < to; r++) {
                long bits = basis.state(r);
                basis.sigma(bits, sigma);
                hamiltonian.connections(sigma, conn);
                int[] flips = conn.flipSites();
                double hRe = 0;
                double hIm = 0;
                for (int k = 0; k < conn.size(); k++) {
                    long target = bits;
                    for (int f = conn.flipOffset(k), end = f + conn.flipCount(k); f < end; f++) {
                        target ^= 1L << flips[f];
                    }
                    int c = basis.index(target);
                    if (c < 0) {
                        throw new IllegalArgumentException("operator '" + hamiltonian.description()
                                + "' leaves the sector of " + basis);
                    }
                    // conj(a + ib)·(x + iy) = (ax + by) + i(ay − bx)
                    double a = conn.re(k);
                    double b = conn.im(k);
                    hRe += a * phiRe[c] + b * phiIm[c];
                    hIm += a * phiIm[c] - b * phiRe[c];
                }
                nn += phiRe[r] * phiRe[r] + phiIm[r] * phiIm[r];
                e += phiRe[r] * hRe + phiIm[r] * hIm; // Re conj φ(σ)·(Ĥφ)(σ)
                e2 += hRe * hRe + hIm * hIm;
            }
            norm[part] = nn;
            h1[part] = e;
            h2[part] = e2;
        });
        double nn = 0;
        double e = 0;
        double e2 = 0;
        for (int p = 0; p < norm.length; p++) {
            nn += norm[p];
            e += h1[p];
            e2 += h2[p];
        }
        double energy = e / nn;
        return new Result(energy, e2 / nn - energy * energy, d);
    }

    /**
     * ⟨Ĥ⟩ and Var(Ĥ) of {@code psi} on any Hilbert space, Ĥ given as its real symmetric matrix in the
     * space's ranking ({@link Hilbert#state}), e.g. {@link CsrMatrix#fromFockOperator}: with φ as
     * above, E = Re φ†Ĥφ / φ†φ and ⟨Ĥ²⟩ = |Ĥφ|² / φ†φ (Ĥ real, so Ĥ acts on Re φ and Im φ apart).
     *
     * @throws IllegalArgumentException if the sizes disagree, the space has more than
     *         {@link #MAX_DIMENSION} states, or log ψ is not finite
     */
    public static Result of(WaveFunction psi, SymmetricLinearMap hamiltonian, Hilbert hilbert) {
        if (psi.configurationSize() != hilbert.size()) {
            throw new IllegalArgumentException("the wave function takes configurations of " + psi.configurationSize()
                    + " entries, the Hilbert space " + hilbert + " has " + hilbert.size());
        }
        if (hilbert.dimension() > MAX_DIMENSION) {
            throw new IllegalArgumentException(String.format("the trial-state sum covers at most %d states; %s has %.4g",
                    MAX_DIMENSION, hilbert, hilbert.dimension()));
        }
        int d = (int) hilbert.nStates();
        if (hamiltonian.dimension() != d) {
            throw new IllegalArgumentException("the Hamiltonian matrix has dimension " + hamiltonian.dimension()
                    + ", the Hilbert space " + hilbert + " " + d + " states");
        }
        double[][] phi = amplitudes(psi, d, hilbert.size(), hilbert::state);
        double[] hRe = new double[d];
        double[] hIm = new double[d];
        hamiltonian.multiply(phi[0], hRe);
        hamiltonian.multiply(phi[1], hIm);
        double nn = 0;
        double e = 0;
        double e2 = 0;
        for (int r = 0; r < d; r++) {
            nn += phi[0][r] * phi[0][r] + phi[1][r] * phi[1][r];
            e += phi[0][r] * hRe[r] + phi[1][r] * hIm[r];
            e2 += hRe[r] * hRe[r] + hIm[r] * hIm[r];
        }
        double energy = e / nn;
        return new Result(energy, e2 / nn - energy * energy, d);
    }

    /** Writes basis state r of a ranked basis into a configuration. */
    private interface BasisStates {
        void state(int r, int[] x);
    }

    /**
     * φ(r) = exp(log ψ(x_r) − max_r' Re log ψ(x_r')) for every basis state, as {Re φ, Im φ}; rows
     * split over threads, each with its own cache.
     */
    private static double[][] amplitudes(WaveFunction psi, int d, int size, BasisStates basis) {
        double[] logRe = new double[d];
        double[] logIm = new double[d];
        RowParallel.run(RowParallel.evenBounds(d), (part, from, to) -> {
            WalkerCache cache = psi.newCache();
            int[] x = new int[size];
            double[] out = new double[2];
            for (int r = from; r < to; r++) {
                basis.state(r, x);
                cache.reset(x);
                cache.logPsi(out);
                // log|ψ| = −∞ is a zero amplitude (a configuration outside a projection's sector)
                if (Double.isNaN(out[0]) || out[0] == Double.POSITIVE_INFINITY || !Double.isFinite(out[1])) {
                    throw new IllegalArgumentException("log ψ = (" + out[0] + ", " + out[1] + ") is not finite at basis"
                            + " state " + r + " of " + psi.description());
                }
                logRe[r] = out[0];
                logIm[r] = out[1];
            }
        });
        double shift = Double.NEGATIVE_INFINITY;
        for (double v : logRe) {
            shift = Math.max(shift, v);
        }
        // φ overwrites log ψ in place: (Re, Im) of exp(log ψ − shift)
        for (int r = 0; r < d; r++) {
            double modulus = Math.exp(logRe[r] - shift);
            double phase = logIm[r];
            logRe[r] = modulus * Math.cos(phase);
            logIm[r] = modulus * Math.sin(phase);
        }
        return new double[][] {logRe, logIm};
    }
}
