package org.nqs4j.validation;

import org.nqs4j.hamiltonians.LocalOperator;
import org.nqs4j.hamiltonians.fock.OccupationOperator;
import org.nqs4j.hamiltonians.hilbert.Hilbert;

/**
 * ⟨ψ|Ô|ψ⟩ of a Hermitian {@link LocalOperator} in a real normalised state ψ given by its
 * amplitudes on a {@link SpinBasis}.
 *
 * <p>⟨ψ|Ô|ψ⟩ = Σ_σ ψ(σ) Σ_σ' ⟨σ'|Ô|σ⟩ ψ(σ'). For real ψ the imaginary parts of the matrix
 * elements cancel pairwise by Hermiticity (Im⟨σ'|Ô|σ⟩ = −Im⟨σ|Ô|σ'⟩), so only the real parts
 * enter and complex operators (e.g. σʸσʸ written with i's) are accepted.
 *
 * <p>ψ lives in the basis sector, so a connection σ' outside it has ψ(σ') = 0 and contributes
 * nothing: ⟨ψ|σˣ_i|ψ⟩ = 0 in a fixed-magnetisation sector, exactly.
 *
 * <p>Threads: the operator's {@code connections} is called from several threads at once, each
 * with its own buffer. That is safe for operators whose {@code connections}
 * reads only immutable tables, as {@link org.nqs4j.hamiltonians.PauliSumOperator} does (every
 * Hamiltonian and observable of the engine is one).
 */
public final class StateExpectation {
    private StateExpectation() {
    }

    /** ⟨ψ|Ô|ψ⟩ / ⟨ψ|ψ⟩; {@code op} must be Hermitian and safe to call from several threads. */
    public static double of(LocalOperator op, SpinBasis basis, double[] psi) {
        return of(OperatorRows.of(op, basis), psi);
    }

    /** ⟨ψ|Ô|ψ⟩ / ⟨ψ|ψ⟩ of an occupation operator (fermions, bosons) on the basis of {@code hilbert}. */
    public static double of(OccupationOperator op, Hilbert hilbert, double[] psi) {
        return of(OperatorRows.of(op, hilbert), psi);
    }

    private static double of(OperatorRows rows, double[] psi) {
        if (psi.length != rows.dimension()) {
            throw new IllegalArgumentException("state has " + psi.length + " amplitudes, basis has " + rows.dimension());
        }
        int[] bounds = RowParallel.evenBounds(psi.length);
        double[] partial = new double[bounds.length - 1];
        double[] norm = new double[bounds.length - 1];
        RowParallel.run(bounds, (part, from, to) -> {
            OperatorRows.Cursor cursor = rows.newCursor();
            double sum = 0;
            double nn = 0;
            for (int r = from; r < to; r++) {
                double amp = psi[r];
                nn += amp * amp;
                if (amp == 0) {
                    continue;
                }
                cursor.load(r);
                double row = 0;
                for (int k = 0; k < cursor.size; k++) {
                    int c = cursor.columns[k];
                    if (c >= 0) {
                        row += cursor.re[k] * psi[c];
                    }
                }
                sum += amp * row;
            }
            partial[part] = sum;
            norm[part] = nn;
        });
        double sum = 0;
        double nn = 0;
        for (int p = 0; p < partial.length; p++) {
            sum += partial[p];
            nn += norm[p];
        }
        if (nn == 0) {
            throw new IllegalArgumentException("the state is zero");
        }
        return sum / nn;
    }
}
