package org.nqs4j.optimizers.sr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.ejml.data.DMatrixRMaj;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.nqs4j.optimizers.HandExamples;
import org.nqs4j.optimizers.LogDerivativeSamples;

class DenseQgtTest {
    @Test
    void realTensorOfHandExample() {
        DMatrixRMaj s = new DMatrixRMaj(1, 1);
        new DenseQgt().form(HandExamples.realO(), s);
        assertArrayEquals(HandExamples.REAL_S, s.data, 1e-15);
    }

    @Test
    void complexTensorOfHandExampleIsHermitian() {
        ZMatrixRMaj s = new ZMatrixRMaj(1, 1);
        new DenseQgt().form(HandExamples.complexO(), s);
        assertArrayEquals(HandExamples.COMPLEX_S, s.data, 1e-15);
    }

    @Test
    void matchesTripleLoopOnRandomData() {
        DenseQgt qgt = new DenseQgt();
        double[] zero = new double[37];
        for (boolean complex : new boolean[] {false, true}) {
            LogDerivativeSamples o = Reference.randomO(23, 37, complex, 9);
            double[] expected = Reference.shiftedS(o, zero);
            double[] actual;
            if (complex) {
                ZMatrixRMaj s = new ZMatrixRMaj(1, 1);
                qgt.form(o, s);
                actual = s.data;
            } else {
                DMatrixRMaj s = new DMatrixRMaj(1, 1);
                qgt.form(o, s);
                actual = new double[2 * 37 * 37];
                for (int j = 0; j < 37 * 37; j++) {
                    actual[2 * j] = s.data[j];
                }
            }
            // entries are means of 23 products of O(1..16): summation-order differences ~ 23 u · 16
            assertArrayEquals(expected, actual, 1e-13);
        }
    }

    @Test
    void rejectsTheWrongLayout() {
        assertThrows(IllegalArgumentException.class, () -> new DenseQgt().form(HandExamples.complexO(), new DMatrixRMaj(1, 1)));
        assertThrows(IllegalArgumentException.class, () -> new DenseQgt().form(HandExamples.realO(), new ZMatrixRMaj(1, 1)));
    }
}
