package org.nqs4j.vmc.config;

/**
 * The preconditioner: {@code sr} (stochastic reconfiguration) or {@code none}. The diagonal shift
 * is ε_p = max(diagShift · shiftDecay^p, shiftMin), added to S (absolute) or multiplying its
 * diagonal (relative, S_kk(1 + ε), as in Carleo &amp; Troyer); an absolute shift may carry a relative part
 * λ S_kk as well ({@code diagScale} λ ≥ 0, 0: none). The solver is {@code auto}, {@code cholesky},
 * {@code cg} or {@code minsr}; {@code momentum} μ ∈ [0, 1) makes it SPRING (0: plain SR).
 */
public record PreconditionerSpec(String type, double diagShift, String shiftMode, double shiftDecay, double shiftMin,
                                 String solver, double cgTolerance, int cgMaxIterations, double diagScale,
                                 double momentum) {
}
