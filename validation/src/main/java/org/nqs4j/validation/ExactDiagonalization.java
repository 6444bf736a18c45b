package org.nqs4j.validation;

import org.nqs4j.hamiltonians.LocalOperator;
import org.nqs4j.hamiltonians.SpinHilbert;

/**
 * Exact low-lying spectrum of a real Hamiltonian on a spin Hilbert space: basis, CSR matrix,
 * then thick-restart {@link Lanczos}. The entry point for benchmarks and reference numbers.
 */
public final class ExactDiagonalization {
    /**
     * @param basis         the basis the eigenvectors are written in
     * @param eigenvalues   ascending, with multiplicity
     * @param eigenvectors  amplitudes on {@code basis}
     * @param residualNorms ‖Hx − λx‖ of each pair
     * @param products      products H·x used by Lanczos
     * @param basisBytes    bytes of the stored basis patterns
     * @param matrixBytes   bytes of the CSR matrix
     * @param lanczosBytes  bytes of the Lanczos vectors and scratch
     * @param buildNanos    wall time of basis and matrix construction
     * @param lanczosNanos  wall time of Lanczos
     */
    public record Spectrum(SpinBasis basis, double[] eigenvalues, double[][] eigenvectors, double[] residualNorms,
                           int products, long basisBytes, long matrixBytes, long lanczosBytes, long buildNanos,
                           long lanczosNanos) {
        public double groundEnergy() {
            return eigenvalues[0];
        }

        public double[] groundState() {
            return eigenvectors[0];
        }

        /** ⟨ψ_l|Ô|ψ_l⟩ in eigenstate l. */
        public double expectation(LocalOperator op, int l) {
            return StateExpectation.of(op, basis, eigenvectors[l]);
        }
    }

    private ExactDiagonalization() {
    }

    /** The {@code count} lowest eigenpairs of {@code hamiltonian} on {@code hilbert}. */
    public static Spectrum lowest(LocalOperator hamiltonian, SpinHilbert hilbert, int count, Lanczos.Settings settings) {
        long t0 = System.nanoTime();
        SpinBasis basis = SpinBasis.of(hilbert);
        CsrMatrix h = CsrMatrix.fromOperator(hamiltonian, basis);
        long t1 = System.nanoTime();
        Lanczos.Result r = Lanczos.lowest(h, count, settings);
        long t2 = System.nanoTime();
        return new Spectrum(basis, r.eigenvalues(), r.eigenvectors(), r.residualNorms(), r.products(),
                basis.memoryBytes(), h.memoryBytes(), r.vectorBytes(), t1 - t0, t2 - t1);
    }
}
