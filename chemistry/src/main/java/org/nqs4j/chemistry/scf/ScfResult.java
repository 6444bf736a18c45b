package org.nqs4j.chemistry.scf;

import org.ejml.data.DMatrixRMaj;

/**
 * A converged (or not) Hartree-Fock solution. For RHF the beta orbitals are the alpha ones.
 *
 * @param energy total energy including nuclear repulsion (hartree)
 * @param coefficientsAlpha MO coefficients C_{mu p}, columns ordered by orbital energy
 * @param spinSquared &lt;S^2&gt; of the determinant (exact S(S+1) for RHF)
 * @param gradient final max |X^T(F D S - S D F) X| element
 * @param stabilityRotations how many times the SCF was restarted along an unstable direction
 */
public record ScfResult(boolean restricted, double energy, double nuclearRepulsion, DMatrixRMaj coefficientsAlpha,
        DMatrixRMaj coefficientsBeta, double[] energiesAlpha, double[] energiesBeta, int alpha, int beta,
        int iterations, boolean converged, double gradient, double spinSquared,
        int stabilityRotations) {
}
