package org.nqs4j.vmc.config;

import java.util.Map;
import org.nqs4j.hamiltonians.PauliSumOperator;
import org.nqs4j.hamiltonians.Units;

/**
 * The Hamiltonian as configured: the model name and its couplings (kept so that exact references
 * can recognise, e.g., a periodic Heisenberg chain), and the operator built from them.
 *
 * @param couplings      the model's named couplings (J, delta, h, J1, J2) as written in the config
 * @param marshallSign   whether the Marshall sign rule was rotated into the operator
 */
public record HamiltonianSpec(String model, Units units, Map<String, Double> couplings, boolean marshallSign,
                              PauliSumOperator operator) {
    public double coupling(String name) {
        Double v = couplings.get(name);
        if (v == null) {
            throw new IllegalArgumentException("model " + model + " has no coupling " + name);
        }
        return v;
    }
}
