package org.nqs4j.chemistry.fci;

import java.util.Arrays;
import java.util.stream.IntStream;

import org.nqs4j.chemistry.fcidump.Fcidump;

/**
 * The molecular Hamiltonian on the determinants |I_a I_b&gt; of fixed (N_alpha, N_beta), applied
 * matrix-free: sigma = H c with c[I_a * n_b + I_b].
 *
 * <p>With k_pq = h_pq - 1/2 sum_r (pr|rq) and E_pq = E^a_pq + E^b_pq,
 * H = E_core + H^a + H^b + sum_{pqrs} (pq|rs) E^a_pq E^b_rs,
 * H^s = sum_pq k_pq E^s_pq + 1/2 sum_{pqrs} (pq|rs) E^s_pq E^s_rs
 * (Knowles &amp; Handy, Chem. Phys. Lett. 111, 315 (1984); Olsen, Roos, Jorgensen &amp; Jensen,
 * J. Chem. Phys. 89, 2185 (1988)). H^a and H^b act on strings of one spin only and are kept as
 * sparse string matrices (CSR, a few hundred entries per string); the alpha-beta part runs over
 * the alpha single replacements grouped by pair pq: gather c'(k, J_b) = sign_k c(J_a(k), J_b) for
 * the L strings of the group, then for every beta string I_b and beta replacement rs of it add
 * (pq|rs) sign' c'(k, J_b) to sigma(I_a(k), I_b): a contiguous axpy of length L, no allocation.
 *
 * <p>Work is split into a fixed number of chunks of output rows or columns, independent of the
 * number of threads, so every element of sigma is summed in the same order whatever the thread
 * count. Two-electron integrals with |(pq|rs)| &lt; {@link #SCREEN} are skipped in the alpha-beta
 * part (their largest effect on E is ~1e-12 Ha).
 */
public final class FciHamiltonian {
    public static final double SCREEN = 1e-14;
    private static final int CHUNKS = 32;

    private final int n;
    private final StringSpace alpha;
    private final StringSpace beta;
    private final double core;
    private final double[] eri;
    private final SparseStringMatrix ha;
    private final SparseStringMatrix hb;
    private final int[][] groupTarget;
    private final int[][] groupSource;
    private final byte[][] groupSign;
    private final int maxGroup;

    public FciHamiltonian(Fcidump integrals) {
        this.n = integrals.orbitals();
        if (integrals.alpha() < 0 || integrals.beta() < 0 || integrals.alpha() > n || integrals.beta() > n) {
            throw new IllegalArgumentException("NELEC=" + integrals.electrons() + ", MS2=" + integrals.twiceSpin()
                    + " do not fit in " + n + " orbitals");
        }
        this.alpha = new StringSpace(n, integrals.alpha());
        this.beta = integrals.alpha() == integrals.beta() ? alpha : new StringSpace(n, integrals.beta());
        this.core = integrals.core();
        this.eri = integrals.twoBody().unpacked();
        double[] k = new double[n * n];
        for (int p = 0; p < n; p++) {
            for (int q = 0; q < n; q++) {
                double s = integrals.h(p, q);
                for (int r = 0; r < n; r++) {
                    s -= 0.5 * eri[((p * n + r) * n + r) * n + q];
                }
                k[p * n + q] = s;
            }
        }
        this.ha = SparseStringMatrix.of(alpha, k, eri);
        this.hb = beta == alpha ? ha : SparseStringMatrix.of(beta, k, eri);
        // alpha replacements grouped by pair: <I_a|E_pq|J_a> = sign for the entry of J_a with pair pq
        int[] count = new int[n * n];
        int total = alpha.size() * alpha.singles();
        for (int e = 0; e < total; e++) {
            count[alpha.pair(e)]++;
        }
        groupTarget = new int[n * n][];
        groupSource = new int[n * n][];
        groupSign = new byte[n * n][];
        int max = 0;
        for (int pq = 0; pq < n * n; pq++) {
            groupTarget[pq] = new int[count[pq]];
            groupSource[pq] = new int[count[pq]];
            groupSign[pq] = new byte[count[pq]];
            max = Math.max(max, count[pq]);
        }
        maxGroup = max;
        int[] fill = new int[n * n];
        for (int e = 0; e < total; e++) {
            int pq = alpha.pair(e);
            int f = fill[pq]++;
            groupSource[pq][f] = e / alpha.singles();
            groupTarget[pq][f] = alpha.target(e);
            groupSign[pq][f] = (byte) alpha.sign(e);
        }
    }

    /** Number of determinants C(n, N_a) C(n, N_b). */
    public int dimension() {
        return alpha.size() * beta.size();
    }

    /** Bytes held by the string lists, string Hamiltonians, integrals and the sigma workspace (not the CI vectors). */
    public long memoryBytes() {
        long lists = 9L * alpha.size() * alpha.singles() + (beta == alpha ? 0 : 9L * beta.size() * beta.singles());
        long groups = 9L * alpha.size() * alpha.singles();
        long workspace = 8L * Math.max(1, maxGroup) * (beta.size() + CHUNKS);
        return lists + groups + ha.memoryBytes() + (hb == ha ? 0 : hb.memoryBytes()) + 8L * eri.length + workspace;
    }

    /** Scratch for {@link #apply}: one gather buffer and per-chunk row buffers; reuse across calls. */
    public final class Workspace {
        private final double[] gathered = new double[Math.max(1, maxGroup) * beta.size()];
        private final double[][] rows = new double[CHUNKS][Math.max(1, maxGroup)];
    }

    public Workspace workspace() {
        return new Workspace();
    }

    /** The diagonal H_II, E_core included (the Davidson preconditioner). */
    public double[] diagonal() {
        int na = alpha.size(), nb = beta.size();
        double[] d = new double[na * nb];
        double[] da = ha.diagonal();
        double[] db = hb.diagonal();
        IntStream.range(0, na).parallel().forEach(ia -> {
            long sa = alpha.string(ia);
            for (int ib = 0; ib < nb; ib++) {
                long sb = beta.string(ib);
                double v = core + da[ia] + db[ib];
                for (long ra = sa; ra != 0; ra &= ra - 1) {
                    int p = Long.numberOfTrailingZeros(ra);
                    for (long rb = sb; rb != 0; rb &= rb - 1) {
                        int r = Long.numberOfTrailingZeros(rb);
                        v += eri[((p * n + p) * n + r) * n + r];
                    }
                }
                d[ia * nb + ib] = v;
            }
        });
        return d;
    }

    /** sigma = H c (sigma is overwritten). */
    public void apply(double[] c, double[] sigma, Workspace w) {
        int na = alpha.size(), nb = beta.size();
        // one-spin parts and the core energy, chunked over alpha rows
        IntStream.range(0, CHUNKS).parallel().forEach(chunk -> {
            int from = (int) ((long) na * chunk / CHUNKS), to = (int) ((long) na * (chunk + 1) / CHUNKS);
            for (int ia = from; ia < to; ia++) {
                int row = ia * nb;
                for (int ib = 0; ib < nb; ib++) {
                    sigma[row + ib] = core * c[row + ib];
                }
                ha.rowTimesMatrix(ia, c, nb, sigma, row);
                for (int ib = 0; ib < nb; ib++) {
                    sigma[row + ib] += hb.rowDot(ib, c, row);
                }
            }
        });
        // alpha-beta part
        int singlesB = beta.singles();
        for (int pq = 0; pq < n * n; pq++) {
            int[] src = groupSource[pq];
            int[] dst = groupTarget[pq];
            byte[] sg = groupSign[pq];
            int len = src.length;
            if (len == 0) {
                continue;
            }
            double[] g = w.gathered;
            IntStream.range(0, CHUNKS).parallel().forEach(chunk -> {
                int from = (int) ((long) nb * chunk / CHUNKS), to = (int) ((long) nb * (chunk + 1) / CHUNKS);
                for (int jb = from; jb < to; jb++) {
                    int off = jb * len;
                    for (int kk = 0; kk < len; kk++) {
                        g[off + kk] = sg[kk] * c[src[kk] * nb + jb];
                    }
                }
            });
            int base = pq * n * n;
            IntStream.range(0, CHUNKS).parallel().forEach(chunk -> {
                int from = (int) ((long) nb * chunk / CHUNKS), to = (int) ((long) nb * (chunk + 1) / CHUNKS);
                double[] v = w.rows[chunk];
                for (int ib = from; ib < to; ib++) {
                    Arrays.fill(v, 0, len, 0);
                    boolean any = false;
                    int e0 = ib * singlesB;
                    for (int e = e0; e < e0 + singlesB; e++) {
                        double coef = eri[base + beta.pair(e)];
                        if (Math.abs(coef) < SCREEN) {
                            continue;
                        }
                        coef *= beta.sign(e);
                        int off = beta.target(e) * len;
                        for (int kk = 0; kk < len; kk++) {
                            v[kk] += coef * g[off + kk];
                        }
                        any = true;
                    }
                    if (any) {
                        for (int kk = 0; kk < len; kk++) {
                            sigma[dst[kk] * nb + ib] += v[kk];
                        }
                    }
                }
            });
        }
    }
}
