package org.nqs4j.optimizers.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The Cholesky factors (complex Hermitian and real) shared by K = 1..4 ranks, each holding only its own row blocks of A
 * (the others NaN, so that a read of a row a rank does not own shows), is the one-process factor
 * bit for bit on every rank; up to five panels, so that every rank owns rows of several
 * look-ahead diagonal blocks.
 */
class DistributedCholeskyTest {
    private static final TaskRunner TWO_THREADS = (n, task) -> java.util.stream.IntStream.range(0, n).parallel()
            .forEach(task::accept);

    @Test
    void everyRankEndsWithTheOneProcessFactor() throws Exception {
        SplittableRandom rnd = new SplittableRandom(11);
        int block = HermitianBlockedCholesky.BLOCK;
        for (int n : new int[] {1, 17, block + 5, 2 * block + 23, 203, 5 * block + 3}) {
            double[][] a = HermitianBlockedCholeskyTest.randomHpd(rnd, n);
            double[] re = a[0].clone();
            double[] im = a[1].clone();
            int length = HermitianBlockedCholesky.panelLength(n);
            assertEquals(-1, HermitianBlockedCholesky.factor(re, im, n, new double[length], new double[length],
                    TaskRunner.SERIAL));
            for (int size = 1; size <= 4; size++) {
                List<double[][]> factors = ThreadRanks.run(size, ranks -> {
                    double[] r = a[0].clone();
                    double[] i = a[1].clone();
                    hideOtherRows(r, i, n, ranks);
                    double[] diagonal = new double[n];
                    DistributedCholesky cholesky = new DistributedCholesky();
                    cholesky.gatherDiagonal(r, n, diagonal, ranks);
                    int pivot = cholesky.factorHermitian(r, i, n, new double[length], new double[length], ranks,
                            ranks.rank() == 0 ? TWO_THREADS : TaskRunner.SERIAL);
                    return new double[][] {lower(r, n), lower(i, n), diagonal, {pivot}};
                });
                for (int r = 0; r < size; r++) {
                    String what = "n = " + n + ", rank " + r + " of " + size;
                    assertArrayEquals(lower(re, n), factors.get(r)[0], what + ": Re L");
                    assertArrayEquals(lower(im, n), factors.get(r)[1], what + ": Im L");
                    assertArrayEquals(diagonalOf(a[0], n), factors.get(r)[2], what + ": gathered diagonal");
                    assertEquals(-1, factors.get(r)[3][0], what + ": pivot");
                }
            }
        }
    }

    @Test
    void realMatricesToo() throws Exception {
        SplittableRandom rnd = new SplittableRandom(12);
        int block = BlockedCholesky.BLOCK;
        for (int n : new int[] {1, 17, block + 5, 2 * block + 23, 4 * block + 7}) {
            double[] a = BlockedCholeskyTest.randomSpd(rnd, n);
            double[] l = a.clone();
            int length = BlockedCholesky.panelLength(n);
            assertEquals(-1, BlockedCholesky.factor(l, n, new double[length], TaskRunner.SERIAL));
            for (int size = 1; size <= 4; size++) {
                List<double[][]> factors = ThreadRanks.run(size, ranks -> {
                    double[] r = a.clone();
                    hideOtherRows(r, r, n, ranks);
                    int pivot = new DistributedCholesky().factorSymmetric(r, n, new double[length], ranks,
                            ranks.rank() == 0 ? TWO_THREADS : TaskRunner.SERIAL);
                    return new double[][] {lower(r, n), {pivot}};
                });
                for (int r = 0; r < size; r++) {
                    String what = "real, n = " + n + ", rank " + r + " of " + size;
                    assertArrayEquals(lower(l, n), factors.get(r)[0], what + ": L");
                    assertEquals(-1, factors.get(r)[1][0], what + ": pivot");
                }
            }
        }
    }

    /** A matrix that fails at a pivot in the second panel fails there on every rank (no rank waits for another). */
    @Test
    void aLostPivotIsTheSameOnEveryRank() throws Exception {
        int n = 150;
        double[][] a = HermitianBlockedCholeskyTest.randomHpd(new SplittableRandom(3), n);
        int bad = 100;
        a[0][bad * n + bad] = -1;
        int length = HermitianBlockedCholesky.panelLength(n);
        double[] re = a[0].clone();
        double[] im = a[1].clone();
        int expected = HermitianBlockedCholesky.factor(re, im, n, new double[length], new double[length],
                TaskRunner.SERIAL);
        assertEquals(bad, expected);
        List<Integer> pivots = ThreadRanks.run(3, ranks -> {
            double[] r = a[0].clone();
            double[] i = a[1].clone();
            hideOtherRows(r, i, n, ranks);
            return new DistributedCholesky().factorHermitian(r, i, n, new double[length], new double[length], ranks,
                    TaskRunner.SERIAL);
        });
        assertEquals(List.of(bad, bad, bad), pivots);
    }

    static void hideOtherRows(double[] re, double[] im, int n, RankExchange ranks) {
        for (int i = 0; i < n; i++) {
            if (!ranks.ownsRow(i)) {
                Arrays.fill(re, i * n, (i + 1) * n, Double.NaN);
                Arrays.fill(im, i * n, (i + 1) * n, Double.NaN);
            }
        }
    }

    private static double[] lower(double[] a, int n) {
        double[] l = new double[n * (n + 1) / 2];
        for (int i = 0, p = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                l[p++] = a[i * n + j];
            }
        }
        return l;
    }

    private static double[] diagonalOf(double[] a, int n) {
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = a[i * n + i];
        }
        return d;
    }
}
