package org.nqs4j.vmc.driver;

import org.nqs4j.hamiltonians.LocalOperator;

/** An observable with the name it is reported under. */
public record NamedOperator(String name, LocalOperator operator) {
}
