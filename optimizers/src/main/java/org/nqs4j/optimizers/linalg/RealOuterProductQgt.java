package org.nqs4j.optimizers.linalg;

import org.nqs4j.optimizers.OuterProductFactors;

/**
 * The dense quantum geometric tensor S_pq = ⟨O_p O_q⟩ − ⟨O_p⟩⟨O_q⟩ of a real RBM from the second
 * moments of its row factors, in about half the flops of the Gram of the full rows.
 *
 * <p>Every entry of an RBM row O_s = (σ_s, t_s, t_s ⊗ σ_s), t = tanh θ, is a product T_τ Σ_ς of one
 * hidden factor T ∈ {1, t_1, …, t_M} and one visible factor Σ ∈ {1, σ_1, …, σ_N}: a_i = (1, σ_i),
 * b_k = (t_k, 1), W_ki = (t_k, σ_i). So
 * <pre>
 *   ⟨O_p O_q⟩ = (1/N_s) Σ_s (T_τp T_τq)(s) · (Σ_ςp Σ_ςq)(s) = G[τp τq, ςp ςq],
 * </pre>
 * one entry of the cross product G = Y_Tᵀ Y_Σ / N_s of the (M+1)(M+2)/2 distinct hidden pairs and
 * the 1 + N(N+1)/2 distinct visible pairs (σ_i² = 1 joins the pair of ones), one row of pair
 * products per sample ({@link GramKernel#crossOfColumns}). At N = M = 20, N_s = 1,008: 231 × 211 × N_s multiply-adds against P²N_s/2 with P = 440
 * for the triangle of S (both by {@link GramKernel}'s packed micro-kernel).
 *
 * <p>Rounding: the centring is the difference of the moment and the product of the means, not
 * the Gram of centred rows, so S differs from {@code DenseQgt}'s by rounding, which is of the
 * order of ε·max(⟨O_p O_q⟩, |Ō_p Ō_q|) ≤ ε per entry (|O| ≤ 1): negligible against the diagonal
 * shift of SR, but a near-constant column's variance may round to −ε and is then set to 0
 * (a variance is ≥ 0). The same numbers for any {@link TaskRunner}. Keeps its workspaces; not
 * thread-safe.
 */
public final class RealOuterProductQgt {
    private final GramKernel gram = new GramKernel();
    private double[] pairs = new double[0];
    private double[] moments = new double[0];
    /** T and Σ of the sample being expanded, one row of M + N + 2 per sample block (per task). */
    private double[] factorsOfSample = new double[0];
    /** Offset in the moments of hidden pair {τ₁, τ₂} at [τ₁(M+1) + τ₂], column of visible pair {ς₁, ς₂} at [ς₁(N+1) + ς₂]. */
    private int[] hiddenRow = new int[0];
    private int[] visibleColumn = new int[0];
    private int layoutN = -1;
    private int layoutM = -1;

    /**
     * S (P × P, row-major, both triangles) into {@code s} from the factors of the uncentred rows
     * and their column means {@code mean} (the layout a, b, W of length P).
     */
    public void form(OuterProductFactors factors, double[] mean, double[] s, TaskRunner tasks) {
        if (factors.isComplex()) {
            throw new IllegalArgumentException("the moment form of S is for a real RBM");
        }
        int n = factors.layout().nVisible();
        int m = factors.layout().nHidden();
        int ns = factors.nSamples();
        int hiddenPairs = (m + 1) * (m + 2) / 2;
        int split = (hiddenPairs + GramKernel.CROSS_ALIGNMENT - 1) / GramKernel.CROSS_ALIGNMENT
                * GramKernel.CROSS_ALIGNMENT;
        int visiblePairs = 1 + n * (n + 1) / 2;
        int rows = split + visiblePairs;
        pairs = ensure(pairs, (long) rows * ns);
        moments = ensure(moments, (long) split * visiblePairs);
        fillPairs(factors, n, m, ns, split, rows, tasks);
        gram.crossOfColumns(pairs, ns, rows, rows, split, 1.0 / ns, moments, tasks);
        int p = n + m + n * m;
        if (layoutN != n || layoutM != m) {
            layoutN = n;
            layoutM = m;
            hiddenRow = new int[(m + 1) * (m + 1)];
            for (int a = 0; a <= m; a++) {
                for (int b = 0; b <= m; b++) {
                    hiddenRow[a * (m + 1) + b] = hiddenPair(a, b) * visiblePairs;
                }
            }
            visibleColumn = new int[(n + 1) * (n + 1)];
            for (int a = 0; a <= n; a++) {
                for (int b = 0; b <= n; b++) {
                    visibleColumn[a * (n + 1) + b] = visiblePair(a, b);
                }
            }
        }
        int[] hiddenRow = this.hiddenRow;
        int[] visibleColumn = this.visibleColumn;
        // whole rows (contiguous writes); row a reads the moments through its own row of each lookup: the
        // columns b of the a block are (τ 0, ς i+1), of the b block (τ k+1, ς 0), of W (τ k+1, ς i+1)
        tasks.forEach(p, a -> {
            int ht = hiddenIndex(a, n, m) * (m + 1);
            int vs = visibleIndex(a, n, m) * (n + 1);
            int row = a * p;
            double meanA = mean[a];
            readVisible(moments, hiddenRow[ht], visibleColumn, vs, n, mean, 0, meanA, s, row);
            int columnOfOne = visibleColumn[vs];
            for (int k = 0; k < m; k++) {
                s[row + n + k] = moments[hiddenRow[ht + k + 1] + columnOfOne] - meanA * mean[n + k];
            }
            for (int k = 0; k < m; k++) {
                int b = n + m + k * n;
                readVisible(moments, hiddenRow[ht + k + 1], visibleColumn, vs, n, mean, b, meanA, s, row + b);
            }
            s[row + a] = Math.max(s[row + a], 0.0);
        });
    }

    /** s[out + i] = G[τ, ς(i + 1)] − Ō_a Ō_{b+i} for the N visible factors σ_i of one hidden factor (moments row {@code moment}). */
    private static void readVisible(double[] moments, int moment, int[] visibleColumn, int vs, int n, double[] mean,
                                    int b, double meanA, double[] s, int out) {
        for (int i = 0; i < n; i++) {
            s[out + i] = moments[moment + visibleColumn[vs + i + 1]] - meanA * mean[b + i];
        }
    }

    /** Samples per task of {@link #fillPairs}. */
    private static final int SAMPLE_BLOCK = 64;

    /**
     * Row s (of {@code rows} entries) for every sample: the hidden pairs T_τ₁T_τ₂ at τ₂(τ₂+1)/2 + τ₁
     * (τ₁ ≤ τ₂, T₀ = 1), zeros up to {@code split}, then 1 and the visible pairs Σ_ς₁Σ_ς₂ (ς₁ &lt; ς₂,
     * Σ₀ = 1) at split + ς₂(ς₂−1)/2 + ς₁ + 1: sample-major, so that the Gram kernel packs them in one
     * pass over the rows.
     */
    private void fillPairs(OuterProductFactors factors, int n, int m, int ns, int split, int rows, TaskRunner tasks) {
        double[] t = factors.tanhRe();
        double[] sigma = factors.spins();
        int stride = factors.stride();
        int blocks = (ns + SAMPLE_BLOCK - 1) / SAMPLE_BLOCK;
        int width = m + n + 2;
        factorsOfSample = ensure(factorsOfSample, (long) blocks * width);
        double[] own = factorsOfSample;
        tasks.forEach(blocks, block -> {
            // the sample's factors T (T₀ = 1) and Σ (Σ₀ = 1) gathered from their strided columns once, so
            // that the pair loops below run over contiguous entries
            int hiddenAt = block * width;
            int visibleAt = hiddenAt + m + 1;
            own[hiddenAt] = 1.0;
            own[visibleAt] = 1.0;
            for (int smp = block * SAMPLE_BLOCK; smp < Math.min(ns, (block + 1) * SAMPLE_BLOCK); smp++) {
                for (int k = 0; k < m; k++) {
                    own[hiddenAt + 1 + k] = t[k * stride + smp];
                }
                for (int i = 0; i < n; i++) {
                    own[visibleAt + 1 + i] = sigma[i * stride + smp];
                }
                int k = smp * rows;
                for (int t2 = 0; t2 <= m; t2++, k += t2) {
                    pairsOfOne(own, hiddenAt, t2 + 1, own[hiddenAt + t2], pairs, k);
                }
                java.util.Arrays.fill(pairs, k, smp * rows + split, 0.0);
                k = smp * rows + split;
                pairs[k++] = 1.0;
                for (int s2 = 1; s2 <= n; s2++, k += s2 - 1) {
                    pairsOfOne(own, visibleAt, s2, own[visibleAt + s2], pairs, k);
                }
            }
        });
    }

    /** out[at + r] = f[from + r] · v for r &lt; count (1 · v = v exactly, so the pairs with the factor 1 are v itself). */
    private static void pairsOfOne(double[] f, int from, int count, double v, double[] out, int at) {
        for (int r = 0; r < count; r++) {
            out[at + r] = f[from + r] * v;
        }
    }

    /** τ of parameter p (0 for the constant 1, k + 1 for t_k) in the layout a, b, W (W_ki at N + M + kN + i). */
    private static int hiddenIndex(int p, int n, int m) {
        return p < n ? 0 : p < n + m ? p - n + 1 : (p - n - m) / n + 1;
    }

    /** ς of parameter p (0 for the constant 1, i + 1 for σ_i). */
    private static int visibleIndex(int p, int n, int m) {
        return p < n ? p + 1 : p < n + m ? 0 : (p - n - m) % n + 1;
    }

    /** Row of the hidden pair {τ₁, τ₂}: τ₂(τ₂ + 1)/2 + τ₁ for τ₁ ≤ τ₂. */
    private static int hiddenPair(int a, int b) {
        int lo = Math.min(a, b);
        int hi = Math.max(a, b);
        return hi * (hi + 1) / 2 + lo;
    }

    /** Column of the visible pair {ς₁, ς₂}: 0 when equal (σ² = 1), else ς₂(ς₂ − 1)/2 + ς₁ + 1 for ς₁ &lt; ς₂. */
    private static int visiblePair(int a, int b) {
        if (a == b) {
            return 0;
        }
        int lo = Math.min(a, b);
        int hi = Math.max(a, b);
        return hi * (hi - 1) / 2 + lo + 1;
    }

    private static double[] ensure(double[] a, long length) {
        if (length > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("the moment matrices of S need " + length + " doubles");
        }
        return a.length >= length ? a : new double[(int) length];
    }
}
