package org.nqs4j.vmc.parallel;

import java.util.Arrays;

/**
 * Chains in proportion to each rank's speed. A rank whose core is shared (another job on the node,
 * a hypervisor that slows one virtual CPU, a rank oversubscribed) runs its fixed share of the chains
 * late, and every rank waits for it at the all-gather after the sampling; threads of one process
 * rebalance by taking chains from a common queue, ranks cannot. So after each step the cost of one
 * chain on rank r, t_r / n_r, is recorded, its median over the last {@value #WINDOW} steps taken as
 * the rank's cost c_r once there are that many (a single slow step, the first one's compilation, a
 * collection or a descheduled moment, must not move chains: measured on a shared 2-core host, such
 * spikes of 5–10× come every few seconds), and the
 * chains are dealt as n_r ∝ 1 / c_r (largest remainders, at least one each). The new split is taken
 * only when it shortens the predicted sampling time max_r n_r c_r by more than {@value #GAIN} in every
 * step of the window: moving chains costs an exchange of every chain's state and deals the update's
 * rows anew, and noise must not make chains flap.
 */
final class SpeedBalancedSplit implements ChainSplit {
    /** Steps whose costs per chain make a rank's median (odd). */
    static final int WINDOW = 5;
    /** The least relative gain of the predicted sampling time for which chains move. */
    static final double GAIN = 0.05;

    /** The last {@link #WINDOW} costs per chain of each rank, oldest overwritten first; null before the first step. */
    private double[][] history;
    private int recorded;

    @Override
    public int[] next(double[] seconds, int[] chains) {
        int k = chains.length;
        double[] now = new double[k];
        for (int r = 0; r < k; r++) {
            now[r] = seconds[r] / chains[r];
            if (!(now[r] > 0) || !Double.isFinite(now[r])) {
                return null; // a clock that did not move says nothing about speed
            }
        }
        if (history == null || history.length != k) {
            history = new double[k][WINDOW];
            recorded = 0;
        }
        for (int r = 0; r < k; r++) {
            history[r][recorded % WINDOW] = now[r];
        }
        if (++recorded < WINDOW) {
            return null;
        }
        double[] cost = new double[k];
        for (int r = 0; r < k; r++) {
            double[] window = history[r].clone();
            Arrays.sort(window);
            cost[r] = window[WINDOW / 2];
        }
        int[] target = proportional(cost, sum(chains));
        return gainsInEveryStep(target, chains) ? target : null;
    }

    /**
     * True when the target split would have shortened the sampling by more than {@link #GAIN} in each
     * of the last {@link #WINDOW} steps, not only at the medians: on a quiet 2-core VM the two virtual
     * CPUs' speeds differ by 10–40 % for a step or two in turns, and medians taken rank by rank
     * from different steps moved chains back and forth (17 times in 60 steps, each time dealing the
     * update's rows as unevenly), where a core that stays busy makes every step agree.
     */
    private boolean gainsInEveryStep(int[] target, int[] chains) {
        int k = chains.length;
        double[] step = new double[k];
        for (int w = 0; w < WINDOW; w++) {
            for (int r = 0; r < k; r++) {
                step[r] = history[r][w];
            }
            if (!(makespan(target, step) < (1 - GAIN) * makespan(chains, step))) {
                return false;
            }
        }
        return true;
    }

    /** n chains dealt as n_r ∝ 1/cost_r by largest remainders (ties to the lower rank), at least one each. */
    static int[] proportional(double[] cost, int n) {
        int k = cost.length;
        double speed = 0;
        for (double c : cost) {
            speed += 1 / c;
        }
        int[] counts = new int[k];
        double[] remainder = new double[k];
        int dealt = 0;
        for (int r = 0; r < k; r++) {
            double share = n * (1 / cost[r]) / speed;
            counts[r] = Math.max(1, (int) Math.floor(share));
            remainder[r] = share - Math.floor(share);
            dealt += counts[r];
        }
        while (dealt < n) { // the largest remainder gets the next chain
            int best = 0;
            for (int r = 1; r < k; r++) {
                if (remainder[r] > remainder[best]) {
                    best = r;
                }
            }
            counts[best]++;
            remainder[best] = -1;
            dealt++;
        }
        while (dealt > n) { // the floor of one forced a chain onto a very slow rank: the slowest other gives one
            int worst = -1;
            for (int r = 0; r < k; r++) {
                if (counts[r] > 1 && (worst < 0 || counts[r] * cost[r] > counts[worst] * cost[worst])) {
                    worst = r;
                }
            }
            counts[worst]--;
            dealt--;
        }
        return counts;
    }

    /** The predicted sampling time: the slowest rank's. */
    static double makespan(int[] chains, double[] cost) {
        double t = 0;
        for (int r = 0; r < chains.length; r++) {
            t = Math.max(t, chains[r] * cost[r]);
        }
        return t;
    }

    private static int sum(int[] a) {
        int s = 0;
        for (int v : a) {
            s += v;
        }
        return s;
    }
}
