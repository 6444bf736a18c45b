package org.nqs4j.validation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nqs4j.hamiltonians.SpinHilbert;

class SpinBasisTest {

    @Test
    void fullSpaceIndexIsThePattern() {
        SpinBasis b = SpinBasis.of(SpinHilbert.unconstrained(10));
        assertEquals(1024, b.dimension());
        for (int r = 0; r < b.dimension(); r++) {
            assertEquals(r, b.state(r));
            assertEquals(r, b.index(b.state(r)));
        }
        assertEquals(-1, b.index(1L << 10));
    }

    @Test
    void fixedSectorRanksRoundTripInIncreasingOrder() {
        for (int[] nm : new int[][] {{12, 0}, {12, 4}, {13, -5}, {9, 9}, {9, -9}, {20, 0}}) {
            SpinHilbert h = SpinHilbert.fixedMagnetization(nm[0], nm[1]);
            SpinBasis b = SpinBasis.of(h);
            assertEquals(h.dimension(), b.dimension(), h.toString());
            int up = (nm[0] + nm[1]) / 2;
            long previous = -1;
            for (int r = 0; r < b.dimension(); r++) {
                long s = b.state(r);
                assertTrue(s > previous, "patterns must increase");
                assertEquals(up, Long.bitCount(s));
                assertEquals(r, b.index(s));
                previous = s;
            }
        }
    }

    @Test
    void flippedIndexIsTheComplementsRank() {
        for (SpinHilbert h : new SpinHilbert[] {SpinHilbert.unconstrained(8), SpinHilbert.fixedMagnetization(10, 0)}) {
            SpinBasis b = SpinBasis.of(h);
            assertTrue(b.closedUnderFlip(), h.toString());
            long mask = (1L << b.nSites()) - 1;
            for (int r = 0; r < b.dimension(); r++) {
                assertEquals(b.index(~b.state(r) & mask), b.flipped(r), h + ", state " + r);
            }
        }
        SpinBasis odd = SpinBasis.of(SpinHilbert.fixedMagnetization(10, 2));
        assertTrue(!odd.closedUnderFlip());
        assertThrows(IllegalStateException.class, () -> odd.flipped(0));
    }

    @Test
    void rankOfHandCountedPatterns() {
        // n↑ = 2 of 5 sites, increasing patterns: 00011, 00101, 00110, 01001, 01010, 01100, 10001, …
        SpinBasis b = SpinBasis.of(SpinHilbert.fixedMagnetization(5, -1));
        assertEquals(10, b.dimension());
        assertEquals(0, b.index(0b00011));
        assertEquals(3, b.index(0b01001));
        assertEquals(6, b.index(0b10001));
        assertEquals(9, b.index(0b11000));
        assertEquals(-1, b.index(0b00111), "three up spins are outside the sector");
    }

    @Test
    void largeSitesCountRanksWithExactBinomials() {
        // N = 62 with two up spins: rank(bits p<q) = C(p,1) + C(q,2)
        SpinBasis b = SpinBasis.of(SpinHilbert.fixedMagnetization(62, -58));
        assertEquals(1891, b.dimension());
        long top = (1L << 61) | (1L << 60);
        assertEquals(60 + 61L * 60 / 2, b.index(top));
        assertEquals(top, b.state(b.dimension() - 1));
    }

    @Test
    void sigmaAndBitsRoundTrip() {
        SpinBasis b = SpinBasis.of(SpinHilbert.fixedMagnetization(8, 2));
        int[] sigma = new int[8];
        for (int r = 0; r < b.dimension(); r++) {
            b.sigma(b.state(r), sigma);
            assertEquals(r, b.index(b.bits(sigma)));
        }
        b.sigma(0b00000111, sigma);
        assertArrayEquals(new int[] {1, 1, 1, -1, -1, -1, -1, -1}, sigma);
    }

    @Test
    void badInputIsRejected() {
        SpinBasis b = SpinBasis.of(SpinHilbert.unconstrained(3));
        assertThrows(IllegalArgumentException.class, () -> b.bits(new int[] {1, 0, -1}));
        assertThrows(IllegalArgumentException.class, () -> b.bits(new int[] {1, 1}));
        assertThrows(IllegalArgumentException.class, () -> SpinBasis.of(SpinHilbert.unconstrained(40)));
        assertThrows(IllegalArgumentException.class, () -> SpinBasis.of(SpinHilbert.fixedMagnetization(62, 0)));
    }
}
