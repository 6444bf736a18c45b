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
 * the 1 + N(N+1)/2 distinct visible pairs (σ_i² = 1 joins the pair of ones). A visible pair is ±1,
 * so G is summed by {@link SignTableProduct} from tables of the signed sums of four samples' hidden
 * pairs: 231 × 211 × N_s / 4 additions at N = M = 20, against P²N_s/2 multiply-adds (P = 440) for
 * the triangle of the Gram of the full rows.
 *
 * <p>Rounding: the centring is the difference of the moment and the product of the means, not
 * the Gram of centred rows, and each moment sums its samples four at a time, so S differs from
 * {@code DenseQgt}'s by rounding, which is of the order of γ_{N_s}·max(⟨|O_p O_q|⟩, |Ō_p Ō_q|) per
 * entry (|O| ≤ 1): negligible against the diagonal
 * shift of SR, but a near-constant column's variance may round to −ε and is then set to 0
 * (a variance is ≥ 0). The same numbers for any {@link TaskRunner}. Keeps its workspaces; not
 * thread-safe.
 */
public final class RealOuterProductQgt {
    private final SignTableProduct signTables = new SignTableProduct();
    private byte[] patterns = new byte[0];
    private int[] factorBits = new int[0];
    private double[] moments = new double[0];
    /** T of the sample being expanded and its hidden pairs, one row per sample block (per task). */
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
        form(factors, mean, s, false, tasks);
    }

    /**
     * {@link #form} for the lower triangle and the diagonal only (the entries the Cholesky factor reads;
     * the others are left as they were): the same numbers, half the writes.
     */
    public void formLower(OuterProductFactors factors, double[] mean, double[] s, TaskRunner tasks) {
        form(factors, mean, s, true, tasks);
    }

    private void form(OuterProductFactors factors, double[] mean, double[] s, boolean lower, TaskRunner tasks) {
        if (factors.isComplex()) {
            throw new IllegalArgumentException("the moment form of S is for a real RBM");
        }
        int n = factors.layout().nVisible();
        int m = factors.layout().nHidden();
        int ns = factors.nSamples();
        int hiddenPairs = (m + 1) * (m + 2) / 2;
        int visiblePairs = 1 + n * (n + 1) / 2;
        moments = ensure(moments, (long) hiddenPairs * visiblePairs);
        signTables.rows(ns, hiddenPairs);
        fillPairs(factors, m, ns, hiddenPairs, tasks);
        fillPatterns(factors, n, ns, visiblePairs);
        signTables.multiply(ns, hiddenPairs, patterns, visiblePairs, 1.0 / ns, moments, tasks);
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
            int end = lower ? a + 1 : p; // columns b < end
            int ht = hiddenIndex(a, n, m) * (m + 1);
            int vs = visibleIndex(a, n, m) * (n + 1);
            int row = a * p;
            double meanA = mean[a];
            readVisible(moments, hiddenRow[ht], visibleColumn, vs, Math.min(n, end), mean, 0, meanA, s, row);
            int columnOfOne = visibleColumn[vs];
            for (int k = 0; k < Math.min(m, end - n); k++) {
                s[row + n + k] = moments[hiddenRow[ht + k + 1] + columnOfOne] - meanA * mean[n + k];
            }
            for (int k = 0, b = n + m; k < m && b < end; k++, b += n) {
                readVisible(moments, hiddenRow[ht + k + 1], visibleColumn, vs, Math.min(n, end - b), mean, b, meanA,
                        s, row + b);
            }
            s[row + a] = Math.max(s[row + a], 0.0);
        });
    }

    /** s[out + i] = G[τ, ς(i + 1)] − Ō_a Ō_{b+i} for the first {@code count} visible factors σ_i of one hidden factor (moments row {@code moment}). */
    private static void readVisible(double[] moments, int moment, int[] visibleColumn, int vs, int count,
                                    double[] mean, int b, double meanA, double[] s, int out) {
        for (int i = 0; i < count; i++) {
            s[out + i] = moments[moment + visibleColumn[vs + i + 1]] - meanA * mean[b + i];
        }
    }

    /** Samples per task of {@link #fillPairs}. */
    private static final int SAMPLE_BLOCK = 64;

    /**
     * For every sample s the hidden pairs T_τ₁T_τ₂ (τ₁ ≤ τ₂, T₀ = 1) as entry τ₂(τ₂+1)/2 + τ₁ of row s
     * of the sign-table product's rows.
     */
    private void fillPairs(OuterProductFactors factors, int m, int ns, int hiddenPairs, TaskRunner tasks) {
        double[] t = factors.tanhRe();
        int stride = factors.stride();
        int blocks = (ns + SAMPLE_BLOCK - 1) / SAMPLE_BLOCK;
        int width = m + 1 + hiddenPairs;
        factorsOfSample = ensure(factorsOfSample, (long) blocks * width);
        double[] own = factorsOfSample;
        tasks.forEach(blocks, block -> {
            // the sample's factors T (T₀ = 1) gathered from their strided columns once, so that the pair
            // loop below runs over contiguous entries (1 · v = v exactly: the pairs with T₀ are the t_k)
            int at = block * width;
            int row = at + m + 1;
            own[at] = 1.0;
            for (int smp = block * SAMPLE_BLOCK; smp < Math.min(ns, (block + 1) * SAMPLE_BLOCK); smp++) {
                for (int k = 0; k < m; k++) {
                    own[at + 1 + k] = t[k * stride + smp];
                }
                int pair = row;
                for (int t2 = 0; t2 <= m; t2++) {
                    double v = own[at + t2];
                    for (int t1 = 0; t1 <= t2; t1++) {
                        own[pair++] = own[at + t1] * v;
                    }
                }
                signTables.setRow(smp, own, row, hiddenPairs, ns);
            }
        });
    }

    /**
     * The signs of the visible pairs Σ_ς₁Σ_ς₂ = ±1 for {@link SignTableProduct}: per group of four
     * samples, bit q of factor ς marks σ = −1 in sample q (Σ₀ = 1: no bit), and a pair's signs are the
     * exclusive or of its two factors' (column 0, the pair of equal factors, has none).
     */
    private void fillPatterns(OuterProductFactors factors, int n, int ns, int visiblePairs) {
        double[] sigma = factors.spins();
        int stride = factors.stride();
        int groups = SignTableProduct.groups(ns);
        if (patterns.length < groups * visiblePairs) {
            patterns = new byte[groups * visiblePairs];
        }
        if (factorBits.length < n + 1) {
            factorBits = new int[n + 1];
        }
        for (int g = 0; g < groups; g++) {
            for (int i = 0; i < n; i++) {
                int bits = 0;
                for (int q = 0; q < SignTableProduct.GROUP && g * SignTableProduct.GROUP + q < ns; q++) {
                    double v = sigma[i * stride + g * SignTableProduct.GROUP + q];
                    if (v != 1.0 && v != -1.0) {
                        throw new IllegalArgumentException("the moment form of S needs visible units ±1, not " + v);
                    }
                    bits |= (v < 0 ? 1 : 0) << q;
                }
                factorBits[i + 1] = bits;
            }
            int k = g * visiblePairs;
            patterns[k++] = 0;
            for (int s2 = 1; s2 <= n; s2++) {
                for (int s1 = 0; s1 < s2; s1++) {
                    patterns[k++] = (byte) (factorBits[s1] ^ factorBits[s2]);
                }
            }
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
