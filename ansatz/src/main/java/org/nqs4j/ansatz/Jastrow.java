package org.nqs4j.ansatz;

/**
 * Two-body Jastrow wave function log ψ(σ) = Σ_{i&lt;j} J_ij σᵢσⱼ on N ≥ 2 spins.
 * Parameter layout: the P = N(N−1)/2 couplings by pairs i &lt; j, row-wise
 * (J₀₁, J₀₂, …, J₀,N−1, J₁₂, …). {@link #real} and {@link #complex} run one complex code path;
 * the real variant keeps the imaginary parts at zero. New instances have J = 0.
 */
public final class Jastrow implements WaveFunction {
    final int nSites;
    final boolean complex;
    private final int nParameters;
    /** Full symmetric matrix j[i·N + k] = J_ik, zero diagonal. */
    final double[] jRe;
    final double[] jIm;

    private Jastrow(int nSites, boolean complex) {
        if (nSites < 2) {
            throw new IllegalArgumentException("number of sites N = " + nSites
                    + "; a two-body Jastrow factor needs N >= 2");
        }
        long count = (long) nSites * (nSites - 1) / 2;
        if ((long) nSites * nSites > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("N = " + nSites
                    + " is too large for the dense N x N coupling matrix");
        }
        this.nParameters = ParameterPacking.checkedParameterCount(count, complex,
                "a Jastrow factor with N = " + nSites);
        this.nSites = nSites;
        this.complex = complex;
        jRe = new double[nSites * nSites];
        jIm = new double[nSites * nSites];
    }

    /** Real Jastrow factor (ψ &gt; 0). */
    public static Jastrow real(int nSites) {
        return new Jastrow(nSites, false);
    }

    /** Complex (holomorphic) Jastrow factor. */
    public static Jastrow complex(int nSites) {
        return new Jastrow(nSites, true);
    }

    @Override
    public int nSites() {
        return nSites;
    }

    @Override
    public int nParameters() {
        return nParameters;
    }

    @Override
    public boolean isComplex() {
        return complex;
    }

    @Override
    public void getParameters(double[] dst) {
        ParameterPacking.requireLength(dst, parameterArrayLength());
        int k = 0;
        for (int i = 0; i < nSites; i++) {
            for (int j = i + 1; j < nSites; j++, k++) {
                ParameterPacking.put(dst, 0, k, jRe[i * nSites + j], jIm[i * nSites + j], complex);
            }
        }
    }

    @Override
    public void setParameters(double[] src) {
        ParameterPacking.requireValidParameters(src, parameterArrayLength());
        int k = 0;
        for (int i = 0; i < nSites; i++) {
            for (int j = i + 1; j < nSites; j++, k++) {
                double re = ParameterPacking.re(src, 0, k, complex);
                double im = ParameterPacking.im(src, 0, k, complex);
                jRe[i * nSites + j] = re;
                jRe[j * nSites + i] = re;
                jIm[i * nSites + j] = im;
                jIm[j * nSites + i] = im;
            }
        }
    }

    @Override
    public void logPsi(int[] sigma, double[] out) {
        SpinConfiguration.requireValid(sigma, nSites);
        JastrowKernels.logPsi(jRe, jIm, nSites, sigma, out);
    }

    @Override
    public JastrowCache newCache() {
        return new JastrowCache(this);
    }

    @Override
    public String description() {
        return "Jastrow(" + (complex ? "complex" : "real") + ", N=" + nSites + ", P="
                + nParameters + ")";
    }
}
