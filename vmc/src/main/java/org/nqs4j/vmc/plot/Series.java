package org.nqs4j.vmc.plot;

/**
 * One curve: y(x) with an optional symmetric error (drawn as a band), e.g. the energy of a run
 * against the iteration.
 *
 * @param error per-point error bar, or null
 */
public record Series(String label, double[] x, double[] y, double[] error) {
    public Series {
        if (x.length != y.length || (error != null && error.length != x.length)) {
            throw new IllegalArgumentException("series '" + label + "': x, y and error need the same length");
        }
    }
}
