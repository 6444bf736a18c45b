package org.nqs4j.chemistry.fci;

/**
 * The C(n, k) occupation strings of k electrons of one spin in n orbitals, as bit masks, with
 * the combinatorial address I(s) = sum_{e=1..k} C(o_e, e) for occupied orbitals
 * o_1 &lt; ... &lt; o_k (the combinatorial number system; Knowles &amp; Handy, Chem. Phys. Lett. 111, 315
 * (1984); Olsen et al., J. Chem. Phys. 89, 2185 (1988)).
 *
 * <p>The single-replacement list: for each string I all (pq, J, sign) with
 * E_pq|I&gt; = a+_p a_q|I&gt; = sign |J&gt;, q occupied and p empty or p = q, stored flat with
 * {@link #singles()} entries per string; pq = p n + q. The sign is (-1) to the number of
 * electrons strictly between p and q (the Jordan-Wigner string of the pair).
 */
public final class StringSpace {
    private final int n;
    private final int k;
    private final long[][] binomial;
    private final long[] strings;
    private final int singles;
    private final int[] pair;
    private final int[] target;
    private final byte[] sign;

    public StringSpace(int orbitals, int electrons) {
        if (orbitals > 62) {
            throw new IllegalArgumentException("at most 62 orbitals");
        }
        this.n = orbitals;
        this.k = electrons;
        this.binomial = new long[n + 1][n + 2];
        for (int i = 0; i <= n; i++) {
            binomial[i][0] = 1;
            for (int j = 1; j <= i; j++) {
                binomial[i][j] = binomial[i - 1][j - 1] + (j <= i - 1 ? binomial[i - 1][j] : 0);
            }
        }
        long count = binomial[n][k];
        if (count > Integer.MAX_VALUE / 4) {
            throw new IllegalArgumentException("C(" + n + "," + k + ") strings are too many");
        }
        strings = new long[(int) count];
        long s = k == 0 ? 0 : (1L << k) - 1;
        for (int i = 0; i < count; i++) {
            strings[i] = s;
            if (address(s) != i) {
                throw new AssertionError("addressing is not lexical");
            }
            if (k > 0) {
                // Gosper's hack: next mask with the same number of bits, in increasing order
                long c = s & -s;
                long r = s + c;
                s = (((r ^ s) >>> 2) / c) | r;
            }
        }
        singles = k * (n - k + 1);
        pair = new int[strings.length * singles];
        target = new int[strings.length * singles];
        sign = new byte[strings.length * singles];
        for (int i = 0; i < strings.length; i++) {
            long str = strings[i];
            int e = i * singles;
            for (int q = 0; q < n; q++) {
                if ((str >>> q & 1) == 0) {
                    continue;
                }
                for (int p = 0; p < n; p++) {
                    if (p != q && (str >>> p & 1) != 0) {
                        continue;
                    }
                    long t = (str & ~(1L << q)) | (1L << p);
                    pair[e] = p * n + q;
                    target[e] = address(t);
                    int lo = Math.min(p, q), hi = Math.max(p, q);
                    long between = hi - lo > 1 ? str & ((1L << hi) - 1) & ~((1L << (lo + 1)) - 1) : 0;
                    sign[e] = (byte) ((Long.bitCount(between) & 1) == 0 ? 1 : -1);
                    e++;
                }
            }
        }
    }

    public int orbitals() {
        return n;
    }

    public int size() {
        return strings.length;
    }

    public long string(int index) {
        return strings[index];
    }

    /** The address of a string with k bits set. */
    public int address(long s) {
        long a = 0;
        int e = 1;
        for (long r = s; r != 0; r &= r - 1, e++) {
            a += binomial[Long.numberOfTrailingZeros(r)][e];
        }
        return (int) a;
    }

    /** Entries per string in the single-replacement list, k (n - k + 1). */
    public int singles() {
        return singles;
    }

    /** pq = p n + q of entry e (entries of string I are I*singles() .. (I+1)*singles()-1). */
    public int pair(int e) {
        return pair[e];
    }

    public int target(int e) {
        return target[e];
    }

    public int sign(int e) {
        return sign[e];
    }
}
