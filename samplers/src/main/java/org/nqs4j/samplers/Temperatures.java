package org.nqs4j.samplers;

import java.util.Arrays;

/**
 * The inverse temperatures of a chain's replicas in parallel tempering (replica exchange; Swendsen &amp;
 * Wang, PRL 57, 2607 (1986); Geyer 1991; Earl &amp; Deem, PCCP 7, 3910 (2005)): replica k samples
 * |ψ(x)|^{2β_k}, β₀ = 1 &gt; β₁ &gt; … &gt; β_{R−1} &gt; 0, and only β₀'s samples are used. A hot replica
 * (small β) crosses the valleys of |ψ|² that a Metropolis chain at β = 1 does not, and swaps hand its
 * configuration down the ladder. {@link #single()} is one replica at β = 1: plain Metropolis.
 */
public final class Temperatures {
    private static final Temperatures SINGLE = new Temperatures(new double[] {1.0});

    private final double[] betas;

    private Temperatures(double[] betas) {
        this.betas = betas;
    }

    /** One replica at β = 1: no tempering. */
    public static Temperatures single() {
        return SINGLE;
    }

    /**
     * R replicas with β_k = β_min^{k/(R−1)}: a geometric ladder, the usual first choice, whose swap
     * acceptance is uniform along it when the heat capacity is constant (Kofke, J. Chem. Phys. 117, 6911
     * (2002)); R = 1 is {@link #single()} whatever β_min.
     */
    public static Temperatures geometric(int replicas, double betaMin) {
        if (replicas < 1) {
            throw new IllegalArgumentException("parallel tempering needs at least one replica, got " + replicas);
        }
        if (replicas == 1) {
            return SINGLE;
        }
        if (!(betaMin > 0 && betaMin < 1)) {
            throw new IllegalArgumentException("the smallest inverse temperature must lie in (0, 1), got " + betaMin);
        }
        double[] b = new double[replicas];
        b[0] = 1.0;
        for (int k = 1; k < replicas; k++) {
            b[k] = Math.pow(betaMin, (double) k / (replicas - 1));
        }
        return new Temperatures(b);
    }

    public int replicas() {
        return betas.length;
    }

    /** β_k; β₀ = 1. */
    public double beta(int k) {
        return betas[k];
    }

    @Override
    public String toString() {
        return betas.length == 1 ? "beta 1" : betas.length + " replicas at beta " + Arrays.toString(betas);
    }
}
