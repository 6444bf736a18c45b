package org.nqs4j.vmc.config;

import java.util.Map;
import org.nqs4j.hamiltonians.DiscreteOperator;
import org.nqs4j.hamiltonians.PauliSumOperator;
import org.nqs4j.hamiltonians.Units;
import org.nqs4j.hamiltonians.fock.FockOperator;
import org.nqs4j.hamiltonians.fock.MolecularHamiltonian;
import org.nqs4j.hamiltonians.fock.OccupationOperator;

/**
 * The Hamiltonian as configured: the model name and its couplings (kept so that exact references
 * can recognise, e.g., a periodic Heisenberg chain), and the operator built from them: a
 * {@link PauliSumOperator} for the spin models, a {@link FockOperator} for hubbard,
 * spinless_fermions and bose_hubbard, a {@link MolecularHamiltonian} for molecule (whose
 * couplings are the reference energies e_hf and, when defined, e_mp2 found while reading).
 *
 * @param units          spin units of a spin model; null for fermion and boson models
 * @param couplings      the model's named couplings (J, delta, h, J1, J2, t, U, ...) as written in the config
 * @param marshallSign   whether the Marshall sign rule was rotated into the operator
 */
public record HamiltonianSpec(String model, Units units, Map<String, Double> couplings, boolean marshallSign,
                              DiscreteOperator operator) {
    public double coupling(String name) {
        Double v = couplings.get(name);
        if (v == null) {
            throw new IllegalArgumentException("model " + model + " has no coupling " + name);
        }
        return v;
    }

    /** The operator of a spin model (the only ones VMC runs today). */
    public PauliSumOperator pauliOperator() {
        if (operator instanceof PauliSumOperator p) {
            return p;
        }
        throw new IllegalStateException("model " + model + " is not a spin model");
    }

    /** The operator of a fermion or boson model, or of a molecule. */
    public OccupationOperator fockOperator() {
        if (operator instanceof OccupationOperator f) {
            return f;
        }
        throw new IllegalStateException("model " + model + " is not a fermion or boson model");
    }
}
