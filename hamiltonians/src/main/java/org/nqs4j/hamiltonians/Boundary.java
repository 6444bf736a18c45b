package org.nqs4j.hamiltonians;

/** Boundary conditions of a Bravais lattice. */
public enum Boundary {
    PERIODIC,
    OPEN
}
