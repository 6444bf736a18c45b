package org.nqs4j.vmc.run;

import org.nqs4j.ansatz.SymmetricRbm;
import org.nqs4j.vmc.config.AnsatzSpec;
import org.nqs4j.vmc.driver.VmcDriver;

/**
 * The first stage of a full RBM: the translation-symmetric RBM of the same α is optimised, then
 * expanded into the full RBM, which continues from there.
 *
 * <p>Why: from a random start, the full RBM on a long Heisenberg ring (P = N + αN + αN² well above
 * the samples per step) levels off far above the ground state, near the dimer-product energy −3/8
 * per site (L = 100: −0.384 per site, relative error 1.3e-1, local-energy variance 11; measurements
 * in validation/README.md), its weights small and spread out (|W| ≤ 0.6), while the optimum of
 * the symmetric RBM has one large weight per feature (|w| ≈ 16). The symmetric RBM, with
 * P = 1 + α + αN, gets there in a few hundred steps (6.2e-4 at L = 100); a
 * full RBM of α·N hidden units represents it exactly, hidden unit (f, t) being feature f moved by
 * the translation t ({@link SymmetricRbm#expandedParameters}), so the full RBM starts at the
 * symmetric optimum and continues from there.
 *
 * <p>The hand-over is deterministic (a function of the pretraining driver's state), so a run
 * checkpointed in either stage resumes bit-identically.
 */
final class SymmetricPretraining implements Stage {
    private final SymmetricRbm bare;
    private final int iterations;
    private final VmcDriver driver;

    SymmetricPretraining(AnsatzSpec ansatz, int[][] translations, int iterations, VmcDriver driver) {
        this.bare = ansatz.complex() ? SymmetricRbm.complex(translations, ansatz.alpha())
                : SymmetricRbm.real(translations, ansatz.alpha());
        this.iterations = iterations;
        this.driver = driver;
    }

    @Override
    public int end() {
        return iterations;
    }

    @Override
    public VmcDriver driver() {
        return driver;
    }

    @Override
    public String label() {
        return "pretrain";
    }

    @Override
    public String handOverMessage(String next) {
        return "pretraining: the symmetric RBM after " + iterations + " iterations expanded into " + next;
    }

    /** The expanded parameters (a projection, if any, acts on both the same way). */
    @Override
    public void handOver(VmcDriver full) {
        Stage.carryOver(driver, full, symmetric -> {
            bare.setParameters(symmetric);
            return bare.expandedParameters();
        });
    }
}
