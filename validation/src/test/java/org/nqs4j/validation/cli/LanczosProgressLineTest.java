package org.nqs4j.validation.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.nqs4j.validation.Lanczos;
import org.nqs4j.validation.SymmetricLinearMap;

/** A long diagonalisation says where it is: states, products, the current lowest Ritz value. */
class LanczosProgressLineTest {
    /** diag(−1, 1 + (i mod 7)/7, …): a ground state −1 with a gap of 2 against a spread of 1, so few products. */
    private static final class Gapped implements SymmetricLinearMap {
        private final int n;

        Gapped(int n) {
            this.n = n;
        }

        @Override
        public int dimension() {
            return n;
        }

        @Override
        public void multiply(double[] x, double[] y) {
            for (int i = 0; i < n; i++) {
                y[i] = (i == 0 ? -1 : 1 + (i % 7) / 7.0) * x[i];
            }
        }
    }

    @Test
    void everyReportBecomesALineNamingTheStatesAndTheRitzValue() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        LanczosProgressLine line = new LanczosProgressLine(new PrintStream(buf, true, StandardCharsets.UTF_8), 0);
        int n = 20_000;
        Lanczos.Result r = Lanczos.lowest(new Gapped(n), 1, Lanczos.Settings.defaults().withProgress(line));
        assertEquals(-1, r.groundEnergy(), 1e-9);
        String out = buf.toString(StandardCharsets.UTF_8);
        assertTrue(out.lines().count() >= 2, out);
        assertTrue(out.lines().allMatch(l -> l.startsWith("nqs exact: Lanczos: 20.0 k states, product ")), out);
        assertTrue(out.lines().reduce((a, b) -> b).orElseThrow().contains("lowest Ritz value -1.00000000"), out);
        assertEquals("2.70 M", LanczosProgressLine.states(2_704_156));
    }

    /** Before Lanczos starts, the matrix build (as long as the products for millions of states) is announced. */
    @Test
    void theMatrixBuildIsAnnounced() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        new LanczosProgressLine(new PrintStream(buf, true, StandardCharsets.UTF_8), 5).building(2_704_156);
        String out = buf.toString(StandardCharsets.UTF_8);
        assertTrue(out.startsWith("nqs exact: building the sparse Hamiltonian of 2.70 M states ("), out);
    }
}
