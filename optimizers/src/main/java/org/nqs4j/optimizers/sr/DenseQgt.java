package org.nqs4j.optimizers.sr;

import org.ejml.data.DMatrixRMaj;
import org.ejml.data.ZMatrixRMaj;
import org.nqs4j.optimizers.LogDerivativeSamples;
import org.nqs4j.optimizers.linalg.GramKernel;
import org.nqs4j.optimizers.linalg.RankExchange;
import org.nqs4j.optimizers.linalg.RealOuterProductQgt;
import org.nqs4j.optimizers.linalg.TaskRunner;

/**
 * Forms the quantum geometric tensor S_kl = (1/N_s) Σ_s conj(ΔO_sk) ΔO_sl explicitly, P × P:
 * the Gram matrix of the columns of ΔO by {@link GramKernel}, packed straight from the sample rows
 * (upper triangle, mirrored; no transposed copy of ΔO), or for a real RBM's factored rows from the
 * second moments of the factors ({@link RealOuterProductQgt}). Keeps the packing workspaces.
 */
public final class DenseQgt {
    private final GramKernel gram = new GramKernel();
    /** A real RBM's S from the moments of its row factors (half the flops; see there for the rounding). */
    private final RealOuterProductQgt rbmMoments = new RealOuterProductQgt();

    /** S for a real ansatz: (1/N_s) ΔOᵀΔO into {@code s}, reshaped to P × P. */
    public void form(LogDerivativeSamples centeredO, DMatrixRMaj s) {
        form(centeredO, s, TaskRunner.SERIAL);
    }

    /** {@link #form(LogDerivativeSamples, DMatrixRMaj)} in tasks; the same S, bit for bit, for any runner. */
    public void form(LogDerivativeSamples centeredO, DMatrixRMaj s, TaskRunner tasks) {
        if (centeredO.isComplex()) {
            throw new IllegalArgumentException("complex log-derivatives need the complex (ZMatrixRMaj) S");
        }
        int n = centeredO.nSamples();
        int p = centeredO.nParameters();
        s.reshape(p, p);
        if (centeredO.outerProductFactors().isPresent() && centeredO.means() != null) {
            rbmMoments.form(centeredO.outerProductFactors().get(), centeredO.means(), s.data, tasks);
            return;
        }
        gram.symmetricOfColumns(centeredO.data(), n, p, centeredO.rowLength(), 1.0 / n, s.data, tasks);
    }

    /**
     * {@link #form(LogDerivativeSamples, DMatrixRMaj, TaskRunner)} shared by ranks: with more than
     * one, only this rank's rows of the lower triangle ({@link RankExchange#ownsRow}), the input of
     * the distributed Cholesky; each entry as on one process. A real RBM's S from the moments of its
     * factors: the whole lower triangle (and diagonal) on every rank, whatever the rank count.
     */
    public void form(LogDerivativeSamples centeredO, DMatrixRMaj s, RankExchange ranks, TaskRunner tasks) {
        if (centeredO.outerProductFactors().isPresent() && centeredO.means() != null) {
            // the moments of a real RBM's factors are formed on every rank, the lower triangle that the
            // Cholesky reads: the same entries, bit for bit, as one process, whatever the rank count
            s.reshape(centeredO.nParameters(), centeredO.nParameters());
            rbmMoments.formLower(centeredO.outerProductFactors().get(), centeredO.means(), s.data, tasks);
            return;
        }
        if (ranks.size() == 1) {
            form(centeredO, s, tasks);
            return;
        }
        if (centeredO.isComplex()) {
            throw new IllegalArgumentException("complex log-derivatives need the complex (ZMatrixRMaj) S");
        }
        int n = centeredO.nSamples();
        int p = centeredO.nParameters();
        s.reshape(p, p);
        gram.symmetricOfColumnsLower(centeredO.data(), n, p, centeredO.rowLength(), 1.0 / n, s.data, ranks, tasks);
    }

    /** S for a complex ansatz: (1/N_s) ΔO†ΔO into {@code s}, reshaped to P × P, Hermitian. */
    public void form(LogDerivativeSamples centeredO, ZMatrixRMaj s) {
        form(centeredO, s, TaskRunner.SERIAL);
    }

    /** {@link #form(LogDerivativeSamples, ZMatrixRMaj)} in tasks; the same S, bit for bit, for any runner. */
    public void form(LogDerivativeSamples centeredO, ZMatrixRMaj s, TaskRunner tasks) {
        if (!centeredO.isComplex()) {
            throw new IllegalArgumentException("real log-derivatives need the real (DMatrixRMaj) S");
        }
        int n = centeredO.nSamples();
        int p = centeredO.nParameters();
        s.reshape(p, p);
        gram.hermitianOfColumns(centeredO.data(), n, p, centeredO.rowLength(), 1.0 / n, s.data, tasks);
    }

    /**
     * {@link #form(LogDerivativeSamples, ZMatrixRMaj, TaskRunner)} shared by ranks: with more than
     * one, only this rank's rows of the lower triangle ({@link RankExchange#ownsRow}), the input of
     * the distributed Cholesky; each entry as on one process.
     */
    public void form(LogDerivativeSamples centeredO, ZMatrixRMaj s, RankExchange ranks, TaskRunner tasks) {
        if (ranks.size() == 1) {
            form(centeredO, s, tasks);
            return;
        }
        if (!centeredO.isComplex()) {
            throw new IllegalArgumentException("real log-derivatives need the real (DMatrixRMaj) S");
        }
        int n = centeredO.nSamples();
        int p = centeredO.nParameters();
        s.reshape(p, p);
        gram.hermitianOfColumnsLower(centeredO.data(), n, p, centeredO.rowLength(), 1.0 / n, s.data, ranks, tasks);
    }

    static double[] ensure(double[] a, int len) {
        return a.length >= len ? a : new double[len];
    }
}
