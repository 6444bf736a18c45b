package org.nqs4j.ansatz;

/**
 * Per-chain state of a {@link FeedForwardNetwork}: σ, every layer's θˡ and zˡ = log cosh θˡ at σ,
 * and the visible term Σ aᵢσᵢ. A proposal works on copies: θ¹ is shifted by the flipped columns
 * of W¹, the later layers are recomputed, and the log ratio is the change of log ψ; an accepted
 * move applies the same shift to θ¹ in place and recomputes the layers from it, so the state after
 * a move equals the proposal's to the bit. Nothing allocates after construction.
 */
public final class FeedForwardCache implements WalkerCache {
    private final FeedForwardNetwork net;
    private final int[] sigma;
    private final double[][] thetaRe;
    private final double[][] thetaIm;
    private final double[][] zRe;
    private final double[][] zIm;
    private final double[][] proposedThetaRe;
    private final double[][] proposedThetaIm;
    private final double[][] proposedZRe;
    private final double[][] proposedZIm;
    /** Back-propagated ∂ log ψ / ∂θˡ, one layer at a time (two buffers of the widest layer). */
    private final double[][] errorRe;
    private final double[][] errorIm;
    private final double[] tanhRe;
    private final double[] tanhIm;
    /** Σⱼ z^L_j at σ, and scratch of the same shape. */
    private final double[] sum = new double[2];
    private final double[] proposedSum = new double[2];
    private final double[] visible = new double[2];
    private final double[] visibleChange = new double[2];

    FeedForwardCache(FeedForwardNetwork net) {
        this.net = net;
        int layers = net.depth();
        sigma = new int[net.nSites];
        thetaRe = layerArrays(net, layers);
        thetaIm = layerArrays(net, layers);
        zRe = layerArrays(net, layers);
        zIm = layerArrays(net, layers);
        proposedThetaRe = layerArrays(net, layers);
        proposedThetaIm = layerArrays(net, layers);
        proposedZRe = layerArrays(net, layers);
        proposedZIm = layerArrays(net, layers);
        int widest = 0;
        for (int l = 1; l <= layers; l++) {
            widest = Math.max(widest, net.widths[l]);
        }
        errorRe = new double[2][widest];
        errorIm = new double[2][widest];
        tanhRe = new double[widest];
        tanhIm = new double[widest];
    }

    private static double[][] layerArrays(FeedForwardNetwork net, int layers) {
        double[][] a = new double[layers][];
        for (int l = 1; l <= layers; l++) {
            a[l - 1] = new double[net.widths[l]];
        }
        return a;
    }

    @Override
    public void reset(int[] newSigma) {
        SpinConfiguration.requireValid(newSigma, net.nSites);
        System.arraycopy(newSigma, 0, sigma, 0, sigma.length);
        RbmKernels.theta(net.bRe[0], net.bIm[0], net.wRe[0], net.wIm[0], sigma, net.nSites, net.widths[1],
                thetaRe[0], thetaIm[0]);
        net.forward(thetaRe, thetaIm, zRe, zIm, sum);
        RbmKernels.visibleTerm(net.aRe, net.aIm, sigma, net.nSites, visible);
    }

    @Override
    public int[] configuration() {
        return sigma;
    }

    @Override
    public void logRatio(int[] sites, int[] values, int offset, int count, double[] out) {
        int m = net.widths[1];
        System.arraycopy(thetaRe[0], 0, proposedThetaRe[0], 0, m);
        System.arraycopy(thetaIm[0], 0, proposedThetaIm[0], 0, m);
        RbmKernels.flipTheta(net.wRe[0], net.wIm[0], m, sigma, sites, offset, count, proposedThetaRe[0],
                proposedThetaIm[0]);
        net.forward(proposedThetaRe, proposedThetaIm, proposedZRe, proposedZIm, proposedSum);
        RbmKernels.flippedVisibleTerm(net.aRe, net.aIm, sigma, sites, offset, count, visibleChange);
        out[0] = visibleChange[0] + (proposedSum[0] - sum[0]);
        out[1] = visibleChange[1] + (proposedSum[1] - sum[1]);
    }

    @Override
    public void applyMove(int[] sites, int[] values, int offset, int count) {
        RbmKernels.flipTheta(net.wRe[0], net.wIm[0], net.widths[1], sigma, sites, offset, count, thetaRe[0],
                thetaIm[0]);
        for (int f = offset; f < offset + count; f++) {
            sigma[sites[f]] = -sigma[sites[f]];
        }
        net.forward(thetaRe, thetaIm, zRe, zIm, sum);
        RbmKernels.visibleTerm(net.aRe, net.aIm, sigma, net.nSites, visible);
    }

    @Override
    public void logPsi(double[] out) {
        out[0] = visible[0] + sum[0];
        out[1] = visible[1] + sum[1];
    }

    /**
     * Back-propagation through the layers (class comment of {@link FeedForwardNetwork}), written
     * straight into the parameter layout; a real layout receives only the real parts.
     */
    @Override
    public void logDerivatives(double[] out, int offset) {
        boolean complex = net.complex;
        int c = complex ? 2 : 1;
        int n = net.nSites;
        for (int i = 0; i < n; i++) {
            out[offset + c * i] = sigma[i];
            if (complex) {
                out[offset + 2 * i + 1] = 0.0;
            }
        }
        int layers = net.depth();
        int[] widths = net.widths;
        // the blocks of layer l start after a and every earlier layer's b and W
        int start = n;
        for (int l = 1; l < layers; l++) {
            start += widths[l] + widths[l] * widths[l - 1];
        }
        double[] eRe = errorRe[0];
        double[] eIm = errorIm[0];
        RbmKernels.tanh(thetaRe[layers - 1], thetaIm[layers - 1], widths[layers], eRe, eIm);
        for (int l = layers; l >= 1; l--) {
            int units = widths[l];
            int in = widths[l - 1];
            int bias = offset + c * start;
            int weights = bias + c * units;
            for (int j = 0; j < units; j++) {
                double er = eRe[j];
                double ei = eIm[j];
                out[bias + c * j] = er;
                if (complex) {
                    out[bias + 2 * j + 1] = ei;
                }
                int row = weights + c * j * in;
                if (l == 1) {
                    for (int k = 0; k < in; k++) {
                        out[row + c * k] = er * sigma[k];
                        if (complex) {
                            out[row + 2 * k + 1] = ei * sigma[k];
                        }
                    }
                } else {
                    double[] xr = zRe[l - 2];
                    double[] xi = zIm[l - 2];
                    for (int k = 0; k < in; k++) {
                        out[row + c * k] = er * xr[k] - ei * xi[k];
                        if (complex) {
                            out[row + 2 * k + 1] = er * xi[k] + ei * xr[k];
                        }
                    }
                }
            }
            if (l == 1) {
                break;
            }
            // e^{l−1}_k = f′(θ^{l−1}_k) · Σⱼ e^l_j W^l_jk
            double[] nextRe = errorRe[(layers - l + 1) % 2];
            double[] nextIm = errorIm[(layers - l + 1) % 2];
            double[] wr = net.wRe[l - 1];
            double[] wi = net.wIm[l - 1];
            for (int k = 0; k < in; k++) {
                int col = k * units;
                double gr = 0;
                double gi = 0;
                for (int j = 0; j < units; j++) {
                    gr += eRe[j] * wr[col + j] - eIm[j] * wi[col + j];
                    gi += eRe[j] * wi[col + j] + eIm[j] * wr[col + j];
                }
                nextRe[k] = gr;
                nextIm[k] = gi;
            }
            net.hiddenDerivative(thetaRe[l - 2], thetaIm[l - 2], in, tanhRe, tanhIm);
            for (int k = 0; k < in; k++) {
                double gr = nextRe[k];
                double gi = nextIm[k];
                nextRe[k] = tanhRe[k] * gr - tanhIm[k] * gi;
                nextIm[k] = tanhRe[k] * gi + tanhIm[k] * gr;
            }
            eRe = nextRe;
            eIm = nextIm;
            start -= widths[l - 1] + widths[l - 1] * widths[l - 2];
        }
    }
}
