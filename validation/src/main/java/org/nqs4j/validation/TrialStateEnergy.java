package org.nqs4j.validation;

import org.nqs4j.ansatz.WalkerCache;
import org.nqs4j.ansatz.WaveFunction;
import org.nqs4j.hamiltonians.LocalOperator;
import org.nqs4j.hamiltonians.SpinHilbert;
import org.nqs4j.hamiltonians.fock.OccupationOperator;
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
 * {@link WalkerCache} and {@link OperatorRows.Cursor}; the wave function is only read, and the operator's
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
        requireSmall(hilbert);
        return of(psi, OperatorRows.of(hamiltonian, SpinBasis.of(hilbert)));
    }

    /**
     * ⟨Ĥ⟩ and Var(Ĥ) of {@code psi} on any Hilbert space of occupations (fermions, bosons), summed
     * over its basis states {@link Hilbert#state}.
     *
     * @throws IllegalArgumentException as {@link #of(WaveFunction, LocalOperator, SpinHilbert)}
     */
    public static Result of(WaveFunction psi, OccupationOperator hamiltonian, Hilbert hilbert) {
        if (psi.configurationSize() != hilbert.size()) {
            throw new IllegalArgumentException("wave function (" + psi.configurationSize() + " entries) and Hilbert"
                    + " space (" + hilbert.size() + ") must agree");
        }
        requireSmall(hilbert);
        return of(psi, OperatorRows.of(hamiltonian, hilbert));
    }

    private static void requireSmall(Hilbert hilbert) {
        if (hilbert.dimension() > MAX_DIMENSION) {
            throw new IllegalArgumentException(String.format("the trial-state sum covers at most %d states; %s has %.4g",
                    MAX_DIMENSION, hilbert, hilbert.dimension()));
        }
    }

    private static Result of(WaveFunction psi, OperatorRows rows) {
        int d = rows.dimension();
        double[] logRe = new double[d];
        double[] logIm = new double[d];
        int[] bounds = RowParallel.evenBounds(d);
        RowParallel.run(bounds, (part, from, to) -> {
            OperatorRows.Cursor cursor = rows.newCursor();
            double[] out = new double[2];
            for (int r = from; r < to; r++) {
                // from scratch, not through a walker cache: a cache may refuse a configuration where ψ = 0
                // (a Slater determinant's node), which the sum must take as a zero amplitude
                psi.logPsi(cursor.configurationOf(r), out);
                // log|ψ| = −∞ is a zero amplitude (a configuration outside a projection's sector, a node)
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
        double[] phiRe = logRe;
        double[] phiIm = logIm;
        double[] norm = new double[bounds.length - 1];
        double[] h1 = new double[bounds.length - 1];
        double[] h2 = new double[bounds.length - 1];
        RowParallel.run(bounds, (part, from, to) -> {
            OperatorRows.Cursor cursor = rows.newCursor();
            double nn = 0;
            double e = 0;
            double e2 = 0;
            for (int r = from; r < to; r++) {
                cursor.load(r);
                double hRe = 0;
                double hIm = 0;
                for (int k = 0; k < cursor.size; k++) {
                    int c = cursor.columns[k];
                    if (c < 0) {
                        throw new IllegalArgumentException("operator " + rows.description() + " leaves the sector");
                    }
                    // conj(a + ib)·(x + iy) = (ax + by) + i(ay − bx)
                    double a = cursor.re[k];
                    double b = cursor.im[k];
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
}
