package org.nqs4j.optimizers.sr;

import org.ejml.data.DMatrixRMaj;
import org.ejml.data.ZMatrixRMaj;
import java.util.Optional;

import org.nqs4j.optimizers.LogDerivativeSamples;
import org.nqs4j.optimizers.OuterProductFactors;
import org.nqs4j.optimizers.SolverException;
import org.nqs4j.optimizers.linalg.GramKernel;
import org.nqs4j.optimizers.linalg.RankExchange;
import org.nqs4j.optimizers.linalg.OuterProductGram;
import org.nqs4j.optimizers.linalg.SampleMatrixOps;
import org.nqs4j.optimizers.linalg.TaskRunner;

/**
 * Sample-space SR ("minSR", Chen &amp; Heyl, Nat. Phys. 2024; Rende et al. 2024): for P &gt; N_s,
 * solve an N_s × N_s system instead of the P × P one.
 *
 * <p>With A = ΔO and D = diag(d) &gt; 0, the Woodbury identity gives exactly
 * <pre>
 * (A†A/N_s + D)⁻¹ = D⁻¹ − D⁻¹A† (N_s I + A D⁻¹A†)⁻¹ A D⁻¹,
 * </pre>
 * so δ = g − D⁻¹A† z with g = D⁻¹F and (N_s I + A D⁻¹A†) z = A g. For the absolute shift
 * D = εI and F = A†e/N_s this reduces to the push-through form δ = A†(AA†/N_s + εI)⁻¹ e/N_s of
 * minSR; the Woodbury form needs only F (the {@link org.nqs4j.optimizers.Preconditioner}
 * contract) and also covers the relative shift D = ε diag(S), so it agrees with the dense
 * Cholesky solution for both shifts. The N_s × N_s matrix has eigenvalues ≥ N_s and is always
 * well conditioned.
 *
 * <p>For RBM rows ({@link LogDerivativeSamples#outerProductFactors}) and a uniform shift D = εI, A A†/ε is
 * formed from the factors σ, tanh θ by {@link OuterProductGram} in O(N_s²(N + M)) instead of O(N_s² N M);
 * a non-uniform (relative) shift weights the columns and breaks the product structure, so it
 * takes the generic path.
 *
 * <p>Cost O(N_s² P) to form A D⁻¹A† plus O(N_s³) to factor; memory O(N_s² + N_s P). Requires every
 * d_k &gt; 0 (a zero shift, or a relative shift on a parameter of zero variance, throws
 * {@link SolverException}).
 *
 * <p>Shared by ranks ({@link #setRankExchange}): each rank forms its own rows of the N_s × N_s
 * matrix and the ranks factor it together ({@link org.nqs4j.optimizers.linalg.DistributedCholesky});
 * A g in sample slices and A† z in parameter slices, each all-gathered.
 */
public final class SampleSpaceSolver implements SrSolver {
    private final CholeskyFactor cholesky = new CholeskyFactor();
    private final GramKernel gram = new GramKernel();
    private final OuterProductGram rbmGram = new OuterProductGram();
    private final DMatrixRMaj realM = new DMatrixRMaj(1, 1);
    private final ZMatrixRMaj complexM = new ZMatrixRMaj(1, 1);
    private double[] sampleVector = new double[0];
    private double[] splitRe = new double[0];
    private double[] splitIm = new double[0];
    private double[] adjoint = new double[0];
    private double[] inverseRootShift = new double[0];
    private TaskRunner tasks = TaskRunner.SERIAL;
    private RankExchange ranks = RankExchange.SINGLE;

    SampleSpaceSolver() {
    }

    @Override
    public void setRankExchange(RankExchange exchange) {
        ranks = SolverChecks.checkExchange(exchange);
    }

    @Override
    public void setTaskRunner(TaskRunner runner) {
        tasks = SolverChecks.checkRunner(runner);
        cholesky.setTaskRunner(runner);
    }

    @Override
    public void solve(LogDerivativeSamples centeredO, double[] force, double[] shift, double[] direction) {
        SolverChecks.checkShapes(centeredO, force, shift, direction);
        int n = centeredO.nSamples();
        int p = centeredO.nParameters();
        int components = centeredO.isComplex() ? 2 : 1;
        for (int k = 0; k < p; k++) {
            if (!(shift[k] > 0) || !Double.isFinite(shift[k])) {
                throw new SolverException("sample-space (minSR) SR needs a finite diagonal shift d_k > 0 for every "
                        + "parameter; d_" + k + " = " + shift[k]
                        + " (zero shift, or a relative shift on a parameter with zero variance)");
            }
        }
        sampleVector = DenseQgt.ensure(sampleVector, components * n);
        adjoint = DenseQgt.ensure(adjoint, centeredO.rowLength());

        // g = D⁻¹F (in δ); A D⁻¹A† is the Gram matrix of the rows of A weighted by D^{-1/2}
        inverseRootShift = DenseQgt.ensure(inverseRootShift, p);
        for (int k = 0; k < p; k++) {
            inverseRootShift[k] = 1.0 / Math.sqrt(shift[k]);
            for (int c = 0; c < components; c++) {
                direction[components * k + c] = force[components * k + c] / shift[k];
            }
        }
        SampleMatrixOps.multiply(centeredO, direction, sampleVector, ranks, tasks);
        Optional<OuterProductFactors> factors = uniform(shift, p) ? centeredO.outerProductFactors() : Optional.empty();
        if (factors.isPresent()) {
            // M = N_s I + ΔO ΔO†/ε straight into the split storage the Cholesky factors
            if (centeredO.isComplex()) {
                splitRe = DenseQgt.ensure(splitRe, n * n);
                splitIm = DenseQgt.ensure(splitIm, n * n);
                rbmGram.centred(factors.get(), centeredO.means(), 1.0 / shift[0], splitRe, splitIm, ranks, tasks);
                for (int s = 0; s < n; s++) {
                    splitRe[s * n + s] += n;
                }
                cholesky.solve(splitRe, splitIm, n, sampleVector, "N_s I + A D^-1 A^dagger", ranks);
            } else {
                realM.reshape(n, n);
                rbmGram.centred(factors.get(), centeredO.means(), 1.0 / shift[0], realM.data, null, ranks, tasks);
                for (int s = 0; s < n; s++) {
                    realM.data[s * n + s] += n;
                }
                cholesky.solve(realM, sampleVector, "N_s I + A D^-1 A^T", ranks);
            }
        } else if (centeredO.isComplex()) {
            complexM.reshape(n, n);
            double[] data = centeredO.data();
            // the kernel gives ⟨b_s, b_t⟩ = Σ_k conj(B_sk) B_tk; (B B†)_st is its conjugate
            if (ranks.size() == 1) {
                gram.hermitian(data, n, p, inverseRootShift, 1.0, complexM.data, tasks);
            } else {
                gram.hermitianLower(data, n, p, inverseRootShift, 1.0, complexM.data, ranks, tasks);
            }
            for (int j = 1; j < 2 * n * n; j += 2) {
                complexM.data[j] = -complexM.data[j];
            }
            for (int s = 0; s < n; s++) {
                complexM.data[2 * (s * n + s)] += n;
            }
            cholesky.solve(complexM, sampleVector, "N_s I + A D^-1 A^dagger", ranks);
        } else {
            realM.reshape(n, n);
            double[] data = centeredO.data();
            if (ranks.size() == 1) {
                gram.symmetric(data, n, p, inverseRootShift, 1.0, realM.data, tasks);
            } else {
                gram.symmetricLower(data, n, p, inverseRootShift, 1.0, realM.data, ranks, tasks);
            }
            for (int s = 0; s < n; s++) {
                realM.data[s * n + s] += n;
            }
            cholesky.solve(realM, sampleVector, "N_s I + A D^-1 A^T", ranks);
        }
        // δ = g − D⁻¹ A† z
        SampleMatrixOps.multiplyAdjoint(centeredO, sampleVector, 1.0, adjoint, ranks, tasks);
        for (int k = 0; k < p; k++) {
            for (int c = 0; c < components; c++) {
                direction[components * k + c] -= adjoint[components * k + c] / shift[k];
            }
        }
        SolverChecks.checkFinite(direction, centeredO.rowLength(), "sample-space (minSR)");
    }

    private static boolean uniform(double[] shift, int p) {
        for (int k = 1; k < p; k++) {
            if (shift[k] != shift[0]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String description() {
        return "sample-space minSR (Woodbury, N_s x N_s Cholesky)";
    }
}
