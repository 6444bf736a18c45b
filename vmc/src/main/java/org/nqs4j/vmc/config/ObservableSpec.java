package org.nqs4j.vmc.config;

import java.util.List;
import org.nqs4j.hamiltonians.DiscreteOperator;
import org.nqs4j.hamiltonians.PauliSumOperator;

/**
 * An observable to estimate at the end of the run, with the name it is reported under: a
 * {@link PauliSumOperator} on spins, a
 * {@link org.nqs4j.hamiltonians.fock.FockOperator} on fermions and bosons.
 *
 * @param group      for members of a family (C(r) for every displacement r, S(q) for every
 *                   momentum q), the family's name, under which the summary also lists them as
 *                   arrays and a plot is drawn; null for a single observable
 * @param coordinate the member's displacement or momentum indices within the family; empty otherwise
 */
public record ObservableSpec(String name, String type, DiscreteOperator operator, String group,
                             List<Integer> coordinate) {
    public ObservableSpec {
        coordinate = List.copyOf(coordinate);
    }

    public static ObservableSpec single(String name, String type, DiscreteOperator operator) {
        return new ObservableSpec(name, type, operator, null, List.of());
    }

    public ObservableSpec withOperator(DiscreteOperator op) {
        return new ObservableSpec(name, type, op, group, coordinate);
    }

    /** The operator of a spin observable. */
    public PauliSumOperator pauliOperator() {
        if (operator instanceof PauliSumOperator p) {
            return p;
        }
        throw new IllegalStateException("observable " + name + " is not a spin operator");
    }
}
