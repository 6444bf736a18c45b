package org.nqs4j.chemistry;

import java.util.Locale;
import java.util.Optional;

/** The elements the basis sets here cover, hydrogen to neon; the ordinal plus one is the nuclear charge. */
public enum Element {
    H, He, Li, Be, B, C, N, O, F, Ne;

    /** Nuclear charge Z (= number of electrons of the neutral atom). */
    public int atomicNumber() {
        return ordinal() + 1;
    }

    /** The element of a symbol in any letter case ("o", "NE"), or empty. */
    public static Optional<Element> ofSymbol(String symbol) {
        for (Element e : values()) {
            if (e.name().toLowerCase(Locale.ROOT).equals(symbol.toLowerCase(Locale.ROOT))) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }
}
