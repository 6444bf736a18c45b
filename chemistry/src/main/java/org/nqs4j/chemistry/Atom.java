package org.nqs4j.chemistry;

/** A nucleus: element and position in bohr. */
public record Atom(Element element, double x, double y, double z) {
    public double distanceTo(Atom other) {
        return Math.sqrt(Math.pow(x - other.x, 2) + Math.pow(y - other.y, 2) + Math.pow(z - other.z, 2));
    }
}
