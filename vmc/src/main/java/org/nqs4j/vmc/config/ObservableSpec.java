package org.nqs4j.vmc.config;

import org.nqs4j.hamiltonians.PauliSumOperator;

/** An observable to estimate at the end of the run, with the name it is reported under. */
public record ObservableSpec(String name, String type, PauliSumOperator operator) {
}
