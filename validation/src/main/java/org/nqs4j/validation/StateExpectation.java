package org.nqs4j.validation;

import org.nqs4j.hamiltonians.Connections;
import org.nqs4j.hamiltonians.LocalOperator;

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
 * <p>Threads: {@link LocalOperator#connections} is called from several threads at once, each
 * with its own {@link Connections} buffer. That is safe for operators whose {@code connections}
 * reads only immutable tables, as {@link org.nqs4j.hamiltonians.PauliSumOperator} does (every
 * Hamiltonian and observable of the engine is one).
 */
public final class StateExpectation {
    private StateExpectation() {
    }

    /** ⟨ψ|Ô|ψ⟩ / ⟨ψ|ψ⟩; {@code op} must be Hermitian and safe to call from several threads. */
    public static double of(LocalOperator op, SpinBasis basis, double[] psi) {
        if (op.nSites() != basis.nSites()) {
            throw new IllegalArgumentException("operator acts on " + op.nSites() + " sites, basis has " + basis.nSites());
        }
        if (psi.length != basis.dimension()) {
            throw new IllegalArgumentException("state has " + psi.length + " amplitudes, basis has " + basis.dimension());
        }
        int[] bounds = RowParallel.evenBounds(psi.length);
        double[] partial = new double[bounds.length - 1];
        double[] norm = new double[bounds.length - 1];
        RowParallel.run(bounds, (part, from, to) -> {
            Connections conn = op.newConnections();
            int[] sigma = new int[basis.nSites()];
            double sum = 0;
            double nn = 0;
            for (int r = from; r < to; r++) {
                double amp = psi[r];
                nn += amp * amp;
                if (amp == 0) {
                    continue;
                }
                long bits = basis.state(r);
                basis.sigma(bits, sigma);
                op.connections(sigma, conn);
                int[] flips = conn.flipSites(); // re-read: the buffer may have grown
                double row = 0;
                for (int k = 0; k < conn.size(); k++) {
                    long target = bits;
                    for (int f = conn.flipOffset(k), end = f + conn.flipCount(k); f < end; f++) {
                        target ^= 1L << flips[f];
                    }
                    int c = basis.index(target);
                    if (c >= 0) {
                        row += conn.re(k) * psi[c];
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

    /** ⟨ψ|Ô|ψ⟩ / ⟨ψ|ψ⟩ of a real state for an operator given as its real symmetric matrix in the same basis. */
    public static double of(SymmetricLinearMap op, double[] psi) {
        if (psi.length != op.dimension()) {
            throw new IllegalArgumentException("state has " + psi.length + " amplitudes, the operator's matrix "
                    + op.dimension());
        }
        double[] opPsi = new double[psi.length];
        op.multiply(psi, opPsi);
        double sum = 0;
        double nn = 0;
        for (int r = 0; r < psi.length; r++) {
            sum += psi[r] * opPsi[r];
            nn += psi[r] * psi[r];
        }
        if (nn == 0) {
            throw new IllegalArgumentException("the state is zero");
        }
        return sum / nn;
    }
}
