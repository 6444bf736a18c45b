package org.nqs4j.hamiltonians.fock;

/** The one-mode factors of a {@link FockTerm}: creation a†, annihilation a, number n = a†a. */
public enum Ladder {
    CREATE('+'),
    ANNIHILATE('-'),
    NUMBER('n');

    private final char symbol;

    Ladder(char symbol) {
        this.symbol = symbol;
    }

    public char symbol() {
        return symbol;
    }

    /** +1 for a†, −1 for a, 0 for n: the change of the mode's occupation. */
    public int charge() {
        return this == CREATE ? 1 : this == ANNIHILATE ? -1 : 0;
    }

    static Ladder of(char c) {
        for (Ladder l : values()) {
            if (l.symbol == c) {
                return l;
            }
        }
        throw new IllegalArgumentException("unknown ladder operator '" + c + "'; allowed are + (creation),"
                + " - (annihilation) and n (number)");
    }
}
