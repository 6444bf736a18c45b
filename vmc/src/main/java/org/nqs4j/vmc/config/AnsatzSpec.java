package org.nqs4j.vmc.config;

/**
 * The variational ansatz: {@code rbm} (M = α·N hidden units) or {@code jastrow} (two-body),
 * with real or complex parameters drawn from N(0, initScale²) with the run seed.
 */
public record AnsatzSpec(String type, boolean complex, int alpha, double initScale) {
}
