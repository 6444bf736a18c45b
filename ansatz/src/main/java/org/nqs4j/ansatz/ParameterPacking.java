package org.nqs4j.ansatz;

/**
 * Conversion between the public parameter layout of {@link WaveFunction} and the internal
 * structure-of-arrays storage (separate re and im arrays). One code path serves both variants:
 * a real ansatz packs P doubles and its imaginary parts are pinned at zero; a complex ansatz
 * packs P interleaved pairs (re, im).
 */
final class ParameterPacking {
    private ParameterPacking() {
    }

    /** Re p_k from a packed array starting at {@code offset}. */
    static double re(double[] packed, int offset, int k, boolean complex) {
        return complex ? packed[offset + 2 * k] : packed[offset + k];
    }

    /** Im p_k from a packed array starting at {@code offset}; zero for a real layout. */
    static double im(double[] packed, int offset, int k, boolean complex) {
        return complex ? packed[offset + 2 * k + 1] : 0.0;
    }

    /** Writes p_k = re + i·im; a real layout keeps only re (im is zero by construction). */
    static void put(double[] packed, int offset, int k, double re, double im, boolean complex) {
        if (complex) {
            packed[offset + 2 * k] = re;
            packed[offset + 2 * k + 1] = im;
        } else {
            packed[offset + k] = re;
        }
    }

    /** Rejects a parameter array of the wrong length or with a NaN/infinite entry. */
    static void requireValidParameters(double[] src, int expectedLength) {
        if (src == null) {
            throw new IllegalArgumentException("parameter array is null");
        }
        if (src.length != expectedLength) {
            throw new IllegalArgumentException("parameter array has length " + src.length
                    + ", expected parameterArrayLength() = " + expectedLength);
        }
        for (int k = 0; k < src.length; k++) {
            if (!Double.isFinite(src[k])) {
                throw new IllegalArgumentException("parameter array entry " + k + " is " + src[k]
                        + "; parameters must be finite");
            }
        }
    }

    /** Rejects a destination array of the wrong length. */
    static void requireLength(double[] dst, int expectedLength) {
        if (dst == null || dst.length != expectedLength) {
            throw new IllegalArgumentException("parameter array has length "
                    + (dst == null ? "null" : dst.length) + ", expected parameterArrayLength() = "
                    + expectedLength);
        }
    }

    /**
     * Array length of P parameters, checked to fit a Java array (2P for a complex ansatz).
     * {@code count} is the exact parameter count computed in long arithmetic.
     */
    static int checkedParameterCount(long count, boolean complex, String what) {
        long length = complex ? 2 * count : count;
        if (length > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(what + " would have " + count
                    + " parameters; at most " + ((Integer.MAX_VALUE - 8) / (complex ? 2 : 1))
                    + " are allowed for a " + (complex ? "complex" : "real") + " ansatz");
        }
        return (int) count;
    }

    /**
     * Embeds the parameters of a smaller ansatz of the layout [visible (v)][b (u)][W (u × N, row j)]
     * with u' &lt; u units (or features) into {@code into}, which has u: the visible block, b_j and
     * the W rows j &lt; u' are copied, the added units keep their values in {@code into}. Lengths are
     * in doubles ({@code c} = 2 when complex). False when {@code smaller} has no such shape.
     */
    static boolean embedUnits(double[] smaller, double[] into, int visible, int nSites, int units, int c) {
        int count = smaller.length / c;
        if (smaller.length % c != 0 || count <= visible || (count - visible) % (1 + nSites) != 0) {
            return false;
        }
        int fewer = (count - visible) / (1 + nSites);
        if (fewer > units || into.length != c * (visible + units * (1 + nSites))) {
            return false;
        }
        System.arraycopy(smaller, 0, into, 0, c * (visible + fewer));
        System.arraycopy(smaller, c * (visible + fewer), into, c * (visible + units), c * fewer * nSites);
        return true;
    }
}
