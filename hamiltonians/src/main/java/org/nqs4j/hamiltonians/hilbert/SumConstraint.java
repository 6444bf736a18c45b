package org.nqs4j.hamiltonians.hilbert;

/**
 * A sector constraint Σ_{i∈[from, to)} x_i = total on the entries of a configuration: total σᶻ
 * (Σσ = 2S_z) for spins, N↑ or N↓ for fermions, N for bosons.
 *
 * @param name a physicist's name of the conserved quantity, for messages ("N↑", "Σσ = 2·S_z")
 */
public record SumConstraint(String name, int from, int to, int total) {
    public SumConstraint {
        if (from < 0 || to <= from) {
            throw new IllegalArgumentException("constraint " + name + " needs 0 <= from < to, got [" + from + ", " + to + ")");
        }
    }
}
