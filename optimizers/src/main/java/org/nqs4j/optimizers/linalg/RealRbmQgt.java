package org.nqs4j.optimizers.linalg;

import org.nqs4j.optimizers.RbmFactors;

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
 * one entry of the cross product G = X_T X_Σᵀ / N_s of the (M+1)(M+2)/2 distinct hidden pairs and
 * the 1 + N(N+1)/2 distinct visible pairs (σ_i² = 1 joins the pair of ones), each a row of N_s
 * products. At N = M = 20, N_s = 1,008: 231 × 211 × N_s multiply-adds against P²N_s/2 with P = 440
 * for the triangle of S (both by {@link GramKernel}'s packed micro-kernel).
 *
 * <p>Rounding: the centring is the difference of the moment and the product of the means, not
 * the Gram of centred rows, so S differs from {@code DenseQgt}'s by rounding, which is of the
 * order of ε·max(⟨O_p O_q⟩, |Ō_p Ō_q|) ≤ ε per entry (|O| ≤ 1): negligible against the diagonal
 * shift of SR, but a near-constant column's variance may round to −ε and is then set to 0
 * (a variance is ≥ 0). The same numbers for any {@link TaskRunner}. Keeps its workspaces; not
 * thread-safe.
 */
public final class RealRbmQgt {
    private final GramKernel gram = new GramKernel();
    private double[] pairs = new double[0];
    private double[] moments = new double[0];
    /** τ and ς of each parameter, for the layout last seen. */
    private int[] hidden = new int[0];
    private int[] visible = new int[0];
    /** Offset in the moments of hidden pair {τ₁, τ₂} at [τ₁(M+1) + τ₂], column of visible pair {ς₁, ς₂} at [ς₁(N+1) + ς₂]. */
    private int[] hiddenRow = new int[0];
    private int[] visibleColumn = new int[0];
    private int layoutN = -1;
    private int layoutM = -1;

    /**
     * S (P × P, row-major, both triangles) into {@code s} from the factors of the uncentred rows
     * and their column means {@code mean} (the layout a, b, W of length P).
     */
    public void form(RbmFactors factors, double[] mean, double[] s, TaskRunner tasks) {
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
        gram.cross(pairs, rows, ns, split, 1.0 / ns, moments, tasks);
        int p = n + m + n * m;
        if (layoutN != n || layoutM != m) {
            layoutN = n;
            layoutM = m;
            hidden = new int[p];
            visible = new int[p];
            for (int k = 0; k < p; k++) {
                hidden[k] = hiddenIndex(k, n, m);
                visible[k] = visibleIndex(k, n, m);
            }
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
        tasks.forEach(p, a -> {
            int ta = hidden[a] * (m + 1);
            int sa = visible[a] * (n + 1);
            for (int b = a; b < p; b++) {
                double v = moments[hiddenRow[ta + hidden[b]] + visibleColumn[sa + visible[b]]] - mean[a] * mean[b];
                if (b == a) {
                    v = Math.max(v, 0.0);
                }
                s[a * p + b] = v;
                s[b * p + a] = v;
            }
        });
    }

    /** Rows of N_s products: the hidden pairs T_τ₁T_τ₂ (then zero rows up to {@code split}), the visible pairs. */
    private void fillPairs(RbmFactors factors, int n, int m, int ns, int split, int rows, TaskRunner tasks) {
        double[] t = factors.tanhRe();
        double[] sigma = factors.spins();
        int stride = factors.stride();
        tasks.forEach(rows, r -> {
            int off = r * ns;
            if (r < split) {
                int hiddenPairs = (m + 1) * (m + 2) / 2;
                if (r >= hiddenPairs) {
                    java.util.Arrays.fill(pairs, off, off + ns, 0.0);
                    return;
                }
                int t2 = (int) ((Math.sqrt(8.0 * r + 1.0) - 1.0) / 2.0);
                while (t2 * (t2 + 1) / 2 > r) {
                    t2--;
                }
                while ((t2 + 1) * (t2 + 2) / 2 <= r) {
                    t2++;
                }
                int t1 = r - t2 * (t2 + 1) / 2;
                product(t, t1 - 1, t2 - 1, stride, ns, off);
            } else {
                int v = r - split;
                if (v == 0) {
                    java.util.Arrays.fill(pairs, off, off + ns, 1.0);
                    return;
                }
                int s2 = (int) ((Math.sqrt(8.0 * (v - 1) + 1.0) + 1.0) / 2.0);
                while (s2 * (s2 - 1) / 2 > v - 1) {
                    s2--;
                }
                while ((s2 + 1) * s2 / 2 <= v - 1) {
                    s2++;
                }
                int s1 = v - 1 - s2 * (s2 - 1) / 2;
                product(sigma, s1 - 1, s2 - 1, stride, ns, off);
            }
        });
    }

    /** pairs[off + s] = f_a(s) f_b(s) for features a ≤ b of the feature-major {@code f}; feature −1 is the constant 1. */
    private void product(double[] f, int a, int b, int stride, int ns, int off) {
        if (b < 0) {
            java.util.Arrays.fill(pairs, off, off + ns, 1.0);
        } else if (a < 0) {
            System.arraycopy(f, b * stride, pairs, off, ns);
        } else {
            for (int s = 0; s < ns; s++) {
                pairs[off + s] = f[a * stride + s] * f[b * stride + s];
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
