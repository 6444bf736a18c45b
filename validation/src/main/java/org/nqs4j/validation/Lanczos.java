package org.nqs4j.validation;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * The lowest eigenpairs of a large sparse real symmetric matrix A by thick-restart Lanczos
 * (K. Wu and H. Simon, SIAM J. Matrix Anal. Appl. 22, 602 (2000)) with full
 * re-orthogonalisation, applied one eigenpair at a time with locking and explicit deflation.
 *
 * <p><b>One cycle.</b> Given the Krylov decomposition A·Q_k = Q_k·T_k + β·q_k·e_kᵀ with T_k
 * diagonal (kept Ritz values θ_l) bordered by the arrow s_l = β·y_{m,l}, Lanczos steps extend
 * Q to m columns: α_i = q_iᵀAq_i, w = Aq_i orthogonalised against every locked vector and every
 * q_0..q_i (classical Gram–Schmidt repeated while it removes more than 1 − 1/√2 of the norm,
 * the Daniel–Gragg–Kaufman–Stewart criterion), β_i = ‖w‖, q_{i+1} = w/β_i. The Ritz pairs of
 * the projection T_{i+1} have residuals ‖Ax − θx‖ = |β_i·y_{i,l}| (Wu–Simon eq. 2.3), checked
 * after every step. When the basis reaches m vectors, a restart keeps the lowest ⌊m/2⌋ Ritz
 * vectors and q_m.
 *
 * <p><b>Degenerate eigenvalues.</b> A Krylov space grown from one vector holds only one
 * direction of each eigenspace, so a single run cannot see a multiplicity. Eigenpairs are
 * therefore found in turn: once the lowest pair converges (residual ≤ tol·max(|θ|, ε^{2/3}),
 * the ARPACK criterion) it is locked, and the next run starts from a fresh seeded random vector
 * orthogonal to all locked vectors, which has a generic component in what is left of a
 * degenerate eigenspace; the lowest eigenvalue of A on the orthogonal complement of the locked
 * vectors is the next eigenvalue counted with multiplicity.
 *
 * <p>If w vanishes to rounding (an invariant subspace), the run continues from a fresh random
 * direction with coupling 0, which keeps the decomposition exact.
 */
public final class Lanczos {
    private static final double EPS23 = Math.pow(Math.ulp(1.0), 2.0 / 3.0);
    private static final double DGKS = 1 / Math.sqrt(2);

    /**
     * @param krylovDimension m, the largest Krylov basis of a cycle (≥ 3)
     * @param tolerance       relative residual: converged when ‖Ax − θx‖ ≤ tol·max(|θ|, ε^{2/3})
     * @param maxProducts     budget of products A·x over all eigenpairs
     * @param seed            seed of the random start vectors
     */
    public record Settings(int krylovDimension, double tolerance, int maxProducts, long seed, Progress progress) {
        public Settings(int krylovDimension, double tolerance, int maxProducts, long seed) {
            this(krylovDimension, tolerance, maxProducts, seed, Progress.NONE);
        }

        public Settings {
            if (krylovDimension < 3) {
                throw new IllegalArgumentException("the Krylov dimension must be at least 3, got " + krylovDimension);
            }
            if (!(tolerance > 0 && tolerance < 1)) {
                throw new IllegalArgumentException("the residual tolerance must lie in (0, 1), got " + tolerance);
            }
            if (maxProducts < 1) {
                throw new IllegalArgumentException("the product budget must be positive, got " + maxProducts);
            }
        }

        /**
         * m = 24, tol = 1e-10, 100 000 products, seed 1. A larger m saves products but full
         * re-orthogonalisation costs O(m) vector operations per step.
         */
        public static Settings defaults() {
            return new Settings(24, 1e-10, 100_000, 1L);
        }

        public Settings withTolerance(double tol) {
            return new Settings(krylovDimension, tol, maxProducts, seed, progress);
        }

        public Settings withSeed(long newSeed) {
            return new Settings(krylovDimension, tolerance, maxProducts, newSeed, progress);
        }

        public Settings withKrylovDimension(int m) {
            return new Settings(m, tolerance, maxProducts, seed, progress);
        }

        /** Reports every product A·x to {@code p} (e.g. a progress line of a long diagonalisation). */
        public Settings withProgress(Progress p) {
            return new Settings(krylovDimension, tolerance, maxProducts, seed, p);
        }
    }

    /**
     * Eigenpairs in ascending order of eigenvalue.
     *
     * @param eigenvalues   Rayleigh quotients xᵀAx of the converged vectors
     * @param eigenvectors  unit eigenvectors, mutually orthogonal
     * @param residualNorms ‖Ax − λx‖ computed explicitly for each returned pair
     * @param products      number of products A·x used
     * @param vectorBytes   bytes of the Krylov basis, locked vectors and kernel scratch
     */
    public record Result(double[] eigenvalues, double[][] eigenvectors, double[] residualNorms, int products,
                         long vectorBytes) {
        public double groundEnergy() {
            return eigenvalues[0];
        }

        public double[] groundState() {
            return eigenvectors[0];
        }
    }

    /** Receives the state after each product A·x; called on the solver's thread. */
    @FunctionalInterface
    public interface Progress {
        /**
         * @param dimension the dimension of A
         * @param locked    eigenpairs converged so far
         * @param products  products A·x so far
         * @param ritz      the lowest Ritz value of the current cycle
         * @param residual  its residual estimate |β_m s_m|, to be compared with the tolerance
         */
        void report(int dimension, int locked, int products, double ritz, double residual);

        /**
         * Called once before the matrix of {@code dimension} states is built, which for millions of
         * states takes as long as the products themselves; nothing by default.
         */
        default void building(long dimension) {
        }

        Progress NONE = (dimension, locked, products, ritz, residual) -> { };
    }

    private final SymmetricLinearMap a;
    private final Settings settings;
    private final int n;
    private final int mMax;
    private final double[][] q;       // Krylov basis, m + 1 vectors
    private final double[][] locked;  // converged eigenvectors
    private final double[][] against; // references: locked vectors then q_0..q_i
    private final double[] coefficients;
    private final VectorKernels kernels;
    private final UniformRandomProvider random;
    private int nLocked;
    private int products;

    private Lanczos(SymmetricLinearMap a, int count, Settings settings) {
        this.a = a;
        this.settings = settings;
        this.n = a.dimension();
        this.mMax = Math.min(settings.krylovDimension(), n);
        this.q = new double[mMax + 1][n];
        this.locked = new double[count][];
        this.against = new double[count + mMax + 1][];
        this.coefficients = new double[count + mMax + 1];
        this.kernels = new VectorKernels(n, Math.max(mMax + 1, count + mMax + 1));
        this.random = RandomSource.SPLIT_MIX_64.create(settings.seed());
    }

    /**
     * The {@code count} lowest eigenpairs of A, degenerate eigenvalues repeated with their
     * multiplicity.
     *
     * @throws IllegalStateException if the product budget runs out before convergence
     */
    public static Result lowest(SymmetricLinearMap a, int count, Settings settings) {
        if (count < 1 || count > a.dimension()) {
            throw new IllegalArgumentException("the number of eigenpairs must lie in 1.." + a.dimension() + ", got " + count);
        }
        return new Lanczos(a, count, settings).run(count);
    }

    private Result run(int count) {
        double[] values = new double[count];
        double[] residuals = new double[count];
        for (int e = 0; e < count; e++) {
            lockLowestOfComplement();
            double[] x = locked[e];
            double[] ax = q[0]; // the Krylov basis is free between runs
            a.multiply(x, ax);
            products++;
            values[e] = kernels.dot(x, ax);
            double r2 = 0;
            for (int t = 0; t < n; t++) {
                double d = ax[t] - values[e] * x[t];
                r2 += d * d;
            }
            residuals[e] = Math.sqrt(r2);
        }
        Integer[] order = IntStream.range(0, count).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> values[i]));
        double[] sortedValues = new double[count];
        double[] sortedResiduals = new double[count];
        double[][] vectors = new double[count][];
        for (int k = 0; k < count; k++) {
            sortedValues[k] = values[order[k]];
            sortedResiduals[k] = residuals[order[k]];
            vectors[k] = locked[order[k]];
        }
        long bytes = 8L * n * (q.length + count) + kernels.memoryBytes();
        return new Result(sortedValues, vectors, sortedResiduals, products, bytes);
    }

    /** Thick-restart Lanczos on the complement of the locked vectors; locks its lowest Ritz pair. */
    private void lockLowestOfComplement() {
        int m = Math.min(mMax, n - nLocked);
        double[][] t = new double[m][m];
        if (!freshDirection(q[0], 0)) {
            throw new IllegalStateException("no direction left orthogonal to the " + nLocked + " locked vectors");
        }
        int kept = 0;
        while (true) {
            double betaLast = 0;
            RitzPairs ritz = null;
            for (int i = kept; i < m; i++) {
                double[] w = q[i + 1];
                a.multiply(q[i], w);
                products++;
                t[i][i] = kernels.dot(q[i], w);
                double normAq = Math.sqrt(kernels.dot(w, w));
                double beta = orthogonalize(w, i + 1, normAq);
                if (beta <= 1e-13 * normAq) {
                    // invariant subspace: continue from a new direction, decoupled (β = 0)
                    beta = 0;
                    if (i + 1 < m && !freshDirection(w, i + 1)) {
                        m = i + 1; // the complement is exhausted: Q spans it exactly
                    }
                } else {
                    kernels.scale(1 / beta, w);
                }
                if (i + 1 < m) {
                    t[i + 1][i] = beta;
                    t[i][i + 1] = beta;
                }
                betaLast = beta;
                // Rayleigh–Ritz on the (i+1)-dimensional basis: cheap next to a product with A
                ritz = RitzPairs.of(t, i + 1);
                double residual = Math.abs(beta * ritz.vectors[i][0]);
                settings.progress().report(n, nLocked, products, ritz.values[0], residual);
                if (residual <= settings.tolerance() * Math.max(Math.abs(ritz.values[0]), EPS23)) {
                    kernels.rotate(q, i + 1, ritz.vectors, 1);
                    double[] x = q[0].clone();
                    kernels.scale(1 / Math.sqrt(kernels.dot(x, x)), x);
                    locked[nLocked++] = x;
                    return;
                }
                if (products >= settings.maxProducts()) {
                    throw new IllegalStateException("Lanczos did not converge within " + settings.maxProducts()
                            + " products: eigenpair " + nLocked + " has θ = " + ritz.values[0] + ", residual " + residual);
                }
            }
            // thick restart (Wu–Simon §3): keep the lowest Ritz vectors, continue from q_m
            int keep = Math.max(1, m / 2);
            kernels.rotate(q, m, ritz.vectors, keep);
            double[] residualVector = q[m];
            q[m] = q[keep];
            q[keep] = residualVector;
            for (double[] row : t) {
                Arrays.fill(row, 0.0);
            }
            for (int l = 0; l < keep; l++) {
                t[l][l] = ritz.values[l];
                t[l][keep] = betaLast * ritz.vectors[m - 1][l];
                t[keep][l] = t[l][keep];
            }
            kept = keep;
        }
    }

    /**
     * Orthogonalises w against the locked vectors and q_0..q_{count−1} by repeated classical
     * Gram–Schmidt (DGKS: repeat while a pass removes more than 1 − 1/√2 of the norm).
     *
     * @param norm the current ‖w‖
     * @return the final norm ‖w‖
     */
    private double orthogonalize(double[] w, int count, double norm) {
        System.arraycopy(locked, 0, against, 0, nLocked);
        System.arraycopy(q, 0, against, nLocked, count);
        int total = nLocked + count;
        double before = norm;
        for (int pass = 0; pass < 4; pass++) {
            kernels.dots(against, total, w, coefficients);
            kernels.subtract(against, total, coefficients, w);
            double after = Math.sqrt(kernels.dot(w, w));
            if (after > DGKS * before) {
                return after;
            }
            before = after;
        }
        return before;
    }

    /** Fills v with a seeded random unit vector orthogonal to the locked vectors and q_0..q_{count−1}. */
    private boolean freshDirection(double[] v, int count) {
        for (int attempt = 0; attempt < 3; attempt++) {
            for (int c = 0; c < n; c++) {
                v[c] = 2 * random.nextDouble() - 1;
            }
            double norm0 = Math.sqrt(kernels.dot(v, v));
            double norm = orthogonalize(v, count, norm0);
            if (norm > 1e-8 * norm0) {
                kernels.scale(1 / norm, v);
                return true;
            }
        }
        return false;
    }

    /** Eigenpairs of the leading m×m block of t, ascending; vectors[i][l] is component i of pair l. */
    private record RitzPairs(double[] values, double[][] vectors) {
        static RitzPairs of(double[][] t, int m) {
            DMatrixRMaj tm = new DMatrixRMaj(m, m);
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < m; j++) {
                    tm.unsafe_set(i, j, t[i][j]);
                }
            }
            EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(m, true, true);
            if (!eig.decompose(tm)) {
                throw new IllegalStateException("eigen-decomposition of the " + m + "x" + m + " Lanczos matrix failed");
            }
            Integer[] order = IntStream.range(0, m).boxed().toArray(Integer[]::new);
            Arrays.sort(order, Comparator.comparingDouble(k -> eig.getEigenvalue(k).real));
            double[] values = new double[m];
            double[][] vectors = new double[m][m];
            for (int l = 0; l < m; l++) {
                values[l] = eig.getEigenvalue(order[l]).real;
                DMatrixRMaj v = eig.getEigenVector(order[l]);
                for (int i = 0; i < m; i++) {
                    vectors[i][l] = v.get(i);
                }
            }
            return new RitzPairs(values, vectors);
        }
    }
}
