package org.nqs4j.vmc.driver;

/** An observable with the name it is reported under. */
public record NamedOperator(String name, SampledOperator operator) {
}
