package org.nqs4j.ansatz;

/**
 * Per-chain state of a {@link Jastrow}: σ and the local fields hᵢ = Σⱼ J_ij σⱼ, so that a
 * move's log ratio costs O(flips²) and an accepted move O(N·flips).
 */
public final class JastrowCache implements WalkerCache {
    private final Jastrow jastrow;
    private final int[] sigma;
    final double[] fieldRe;
    final double[] fieldIm;

    JastrowCache(Jastrow jastrow) {
        this.jastrow = jastrow;
        sigma = new int[jastrow.nSites];
        fieldRe = new double[jastrow.nSites];
        fieldIm = new double[jastrow.nSites];
    }

    @Override
    public void reset(int[] newSigma) {
        SpinConfiguration.requireValid(newSigma, jastrow.nSites);
        System.arraycopy(newSigma, 0, sigma, 0, sigma.length);
        JastrowKernels.localFields(jastrow.jRe, jastrow.jIm, jastrow.nSites, sigma, fieldRe,
                fieldIm);
    }

    @Override
    public int[] configuration() {
        return sigma;
    }

    @Override
    public void logRatio(int[] sites, int[] values, int offset, int count, double[] out) {
        JastrowKernels.logRatio(jastrow.jRe, jastrow.jIm, jastrow.nSites, sigma, fieldRe, fieldIm,
                sites, offset, count, out);
    }

    @Override
    public void applyMove(int[] sites, int[] values, int offset, int count) {
        JastrowKernels.flipFields(jastrow.jRe, jastrow.jIm, jastrow.nSites, sigma, sites, offset,
                count, fieldRe, fieldIm);
        for (int f = offset; f < offset + count; f++) {
            sigma[sites[f]] = -sigma[sites[f]];
        }
    }

    @Override
    public void logPsi(double[] out) {
        JastrowKernels.logPsiFromFields(sigma, fieldRe, fieldIm, jastrow.nSites, out);
    }

    @Override
    public void logDerivatives(double[] out, int offset) {
        JastrowKernels.logDerivatives(sigma, jastrow.nSites, jastrow.complex, out, offset);
    }
}
