package org.nqs4j.hamiltonians;

/**
 * What every operator on a discrete Hilbert space tells its users before they evaluate it: a
 * description, whether its elements are real, how many connections a configuration can have, and
 * which sums of local values it conserves. The last is the conservation query a run asks before
 * restricting a Hamiltonian to a sector ({@link org.nqs4j.hamiltonians.hilbert.Hilbert#violatedBy}).
 */
public interface DiscreteOperator {
    /** A one-line description of the operator with its convention, for logs. */
    String description();

    /** True when every matrix element is real. */
    boolean isReal();

    /** An upper bound on the number of connections of any configuration. */
    int maxConnections();

    /**
     * True when every non-zero element ⟨x'|Ô|x⟩ has Σ_{i∈[from, to)} x'_i = Σ_{i∈[from, to)} x_i,
     * i.e. Ô commutes with that sum of local values (total σᶻ of spins, N of a fermion species,
     * N of bosons). A false answer means some element changes the sum.
     */
    boolean conservesSum(int from, int to);
}
