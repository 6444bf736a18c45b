package org.nqs4j.chemistry.integrals;

/**
 * Real two-electron integrals (pq|rs) in chemists' notation, stored once per 8-fold symmetry
 * class: (pq|rs) = (qp|rs) = (pq|sr) = (rs|pq) = ... . The pair index is pq = p(p+1)/2 + q for
 * p &gt;= q and the quartet index pqrs = pq(pq+1)/2 + rs for pq &gt;= rs.
 */
public final class PackedEri {
    private final int n;
    private final double[] values;

    public PackedEri(int n) {
        this.n = n;
        long pairs = (long) n * (n + 1) / 2;
        long size = pairs * (pairs + 1) / 2;
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(n + " orbitals are too many for packed storage");
        }
        this.values = new double[(int) size];
    }

    public int size() {
        return n;
    }

    public static int pair(int p, int q) {
        return p >= q ? p * (p + 1) / 2 + q : q * (q + 1) / 2 + p;
    }

    public static int index(int p, int q, int r, int s) {
        int pq = pair(p, q);
        int rs = pair(r, s);
        return pq >= rs ? pq * (pq + 1) / 2 + rs : rs * (rs + 1) / 2 + pq;
    }

    public double get(int p, int q, int r, int s) {
        return values[index(p, q, r, s)];
    }

    public void set(int p, int q, int r, int s, double v) {
        values[index(p, q, r, s)] = v;
    }

    /** Number of stored unique values, n(n+1)/2 (n(n+1)/2 + 1)/2. */
    public int uniqueCount() {
        return values.length;
    }

    /** The full n^4 array, eri[((p n + q) n + r) n + s], for kernels that want flat access. */
    public double[] unpacked() {
        double[] full = new double[n * n * n * n];
        for (int p = 0; p < n; p++) {
            for (int q = 0; q < n; q++) {
                for (int r = 0; r < n; r++) {
                    for (int s = 0; s < n; s++) {
                        full[((p * n + q) * n + r) * n + s] = get(p, q, r, s);
                    }
                }
            }
        }
        return full;
    }
}
