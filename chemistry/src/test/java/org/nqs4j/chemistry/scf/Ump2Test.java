package org.nqs4j.chemistry.scf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.nqs4j.chemistry.Atom;
import org.nqs4j.chemistry.Element;
import org.nqs4j.chemistry.Molecule;

/**
 * UMP2 of an open shell (BeH doublet, STO-3G) against the spin-orbital formula
 * E = 1/4 sum_{ijab} |&lt;ij||ab&gt;|^2 / (e_i + e_j - e_a - e_b) (Szabo &amp; Ostlund eq. 6.72),
 * evaluated here independently over all spin orbitals.
 */
class Ump2Test {
    @Test
    void openShellMatchesSpinOrbitalFormula() {
        Molecule beh = new Molecule(List.of(new Atom(Element.Be, 0, 0, 0), new Atom(Element.H, 0, 0, 2.54)), 0, 2);
        HartreeFock hf = WaterScfTest.hf(beh, "sto-3g");
        ScfResult r = hf.unrestricted(3, 2, HartreeFock.Options.DEFAULT);
        assertTrue(r.converged());
        assertTrue(r.spinSquared() > 0.75 - 1e-9, "UHF <S^2> >= exact 3/4");
        int n = r.coefficientsAlpha().numRows;
        // spin orbital k < n is alpha orbital k, k >= n is beta orbital k - n
        DMatrixRMaj[] c = {r.coefficientsAlpha(), r.coefficientsBeta()};
        double[][] eps = {r.energiesAlpha(), r.energiesBeta()};
        int[] occ = {r.alpha(), r.beta()};
        double[][] mo = new double[4][];
        for (int s1 = 0; s1 < 2; s1++) {
            for (int s2 = 0; s2 < 2; s2++) {
                mo[2 * s1 + s2] = MoTransform.transform(hf.unpackedEri(), n, c[s1], c[s1], c[s2], c[s2]);
            }
        }
        double e = 0;
        for (int i = 0; i < 2 * n; i++) {
            for (int j = 0; j < 2 * n; j++) {
                for (int a = 0; a < 2 * n; a++) {
                    for (int b = 0; b < 2 * n; b++) {
                        if (!occupied(i, n, occ) || !occupied(j, n, occ) || occupied(a, n, occ) || occupied(b, n, occ)) {
                            continue;
                        }
                        double v = physicist(mo, n, i, j, a, b) - physicist(mo, n, i, j, b, a);
                        e += 0.25 * v * v / (eps[i / n][i % n] + eps[j / n][j % n] - eps[a / n][a % n] - eps[b / n][b % n]);
                    }
                }
            }
        }
        assertEquals(e, Mp2.correlation(r, hf.unpackedEri()), 1e-12);
        assertTrue(e < 0);
    }

    private static boolean occupied(int k, int n, int[] occ) {
        return k % n < occ[k / n];
    }

    /** &lt;pq|rs&gt; = (pr|qs), zero unless spin(p) = spin(r) and spin(q) = spin(s). */
    private static double physicist(double[][] mo, int n, int p, int q, int r, int s) {
        if (p / n != r / n || q / n != s / n) {
            return 0;
        }
        double[] block = mo[2 * (p / n) + q / n];
        return block[(((p % n) * n + r % n) * n + q % n) * n + s % n];
    }
}
