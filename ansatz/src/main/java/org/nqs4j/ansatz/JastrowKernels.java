package org.nqs4j.ansatz;

/**
 * Arithmetic kernels of the two-body Jastrow factor log ψ(σ) = Σ_{i&lt;j} J_ij σᵢσⱼ in complex
 * arithmetic on separate re/im arrays. J is stored as the full symmetric N×N matrix
 * {@code j[i·N + k]} with zero diagonal, so that row k is also column k (contiguous updates).
 * The per-chain table is the local field hᵢ = Σⱼ J_ij σⱼ. Nothing here allocates.
 */
public final class JastrowKernels {
    private JastrowKernels() {
    }

    /** hᵢ = Σⱼ J_ij σⱼ for all i, from scratch (O(N²)). */
    public static void localFields(double[] jRe, double[] jIm, int n, int[] sigma,
                                   double[] hRe, double[] hIm) {
        for (int i = 0; i < n; i++) {
            int row = i * n;
            double re = 0.0;
            double im = 0.0;
            for (int k = 0; k < n; k++) {
                re += jRe[row + k] * sigma[k];
                im += jIm[row + k] * sigma[k];
            }
            hRe[i] = re;
            hIm[i] = im;
        }
    }

    /**
     * log ψ(σ') − log ψ(σ) for the flipped set F: only pairs with exactly one flipped member
     * change sign, so
     * <pre>
     *   Δ = −2 Σ_{a∈F} Σ_{j∉F} J_aj σ_a σⱼ = −2 Σ_{a∈F} σ_a h_a + 2 Σ_{a∈F} Σ_{b∈F} J_ab σ_a σ_b,
     * </pre>
     * O(|F|²). Result into out[0..1].
     */
    public static void logRatio(double[] jRe, double[] jIm, int n, int[] sigma, double[] hRe,
                                double[] hIm, int[] sites, int offset, int count, double[] out) {
        double re = 0.0;
        double im = 0.0;
        for (int f = offset; f < offset + count; f++) {
            int a = sites[f];
            double sa = sigma[a];
            re -= 2.0 * sa * hRe[a];
            im -= 2.0 * sa * hIm[a];
            int row = a * n;
            for (int g = offset; g < offset + count; g++) {
                int b = sites[g];
                double sab = 2.0 * sa * sigma[b];
                re += sab * jRe[row + b];
                im += sab * jIm[row + b];
            }
        }
        out[0] = re;
        out[1] = im;
    }

    /**
     * hᵢ ← hᵢ − 2 J_ik σ_k for every flipped k, σ the configuration before the flips;
     * O(N·|F|).
     */
    public static void flipFields(double[] jRe, double[] jIm, int n, int[] sigma, int[] sites,
                                  int offset, int count, double[] hRe, double[] hIm) {
        for (int f = offset; f < offset + count; f++) {
            int k = sites[f];
            double minusTwoS = -2.0 * sigma[k];
            int row = k * n;
            for (int i = 0; i < n; i++) {
                hRe[i] += minusTwoS * jRe[row + i];
                hIm[i] += minusTwoS * jIm[row + i];
            }
        }
    }

    /** log ψ = ½ Σᵢ σᵢ hᵢ (each pair counted twice in σᵀJσ), into out[0..1]. */
    public static void logPsiFromFields(int[] sigma, double[] hRe, double[] hIm, int n,
                                        double[] out) {
        double re = 0.0;
        double im = 0.0;
        for (int i = 0; i < n; i++) {
            re += sigma[i] * hRe[i];
            im += sigma[i] * hIm[i];
        }
        out[0] = 0.5 * re;
        out[1] = 0.5 * im;
    }

    /**
     * log ψ = Σ_{i&lt;j} J_ij σᵢσⱼ from scratch (O(N²)), into out[0..1].
     */
    public static void logPsi(double[] jRe, double[] jIm, int n, int[] sigma, double[] out) {
        double re = 0.0;
        double im = 0.0;
        for (int i = 0; i < n; i++) {
            int row = i * n;
            double si = sigma[i];
            for (int j = i + 1; j < n; j++) {
                re += si * sigma[j] * jRe[row + j];
                im += si * sigma[j] * jIm[row + j];
            }
        }
        out[0] = re;
        out[1] = im;
    }

    /** ∂ log ψ / ∂J_ij = σᵢσⱼ for the pairs i &lt; j, row-wise, at out[offset + layout index]. */
    public static void logDerivatives(int[] sigma, int n, boolean complex, double[] out,
                                      int offset) {
        int k = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++, k++) {
                ParameterPacking.put(out, offset, k, sigma[i] * sigma[j], 0.0, complex);
            }
        }
    }
}
