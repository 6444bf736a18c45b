package org.nqs4j.vmc.config;

/**
 * The variational ansatz: {@code rbm} (M = α·N hidden units) or {@code jastrow} (two-body),
 * with real or complex parameters drawn from N(0, initScale²) with the run seed.
 * {@code symmetry} is {@code none} or {@code translations}: an RBM of α features shared over the
 * lattice translations (M = α·N hidden units, P = 1 + α + αN parameters).
 */
public record AnsatzSpec(String type, boolean complex, int alpha, String symmetry, double initScale) {
    public boolean translationSymmetric() {
        return symmetry.equals("translations");
    }
}
