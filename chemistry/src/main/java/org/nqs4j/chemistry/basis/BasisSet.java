package org.nqs4j.chemistry.basis;

import java.util.ArrayList;
import java.util.List;

import org.nqs4j.chemistry.Atom;
import org.nqs4j.chemistry.Molecule;

/**
 * The contracted Cartesian shells of a molecule in a named basis; basis function mu is component
 * {@link #component(int)} of shell {@link #shellOf(int)}. Functions are numbered atom by atom,
 * shell by shell as in the basis file, p components in the order x, y, z.
 */
public final class BasisSet {
    private final String name;
    private final List<Shell> shells;
    private final int[] shellOf;
    private final int[] componentOf;
    private final int[] firstFunction;

    private BasisSet(String name, List<Shell> shells) {
        this.name = name;
        this.shells = List.copyOf(shells);
        int n = shells.stream().mapToInt(Shell::size).sum();
        shellOf = new int[n];
        componentOf = new int[n];
        firstFunction = new int[shells.size()];
        int mu = 0;
        for (int s = 0; s < shells.size(); s++) {
            firstFunction[s] = mu;
            for (int c = 0; c < shells.get(s).size(); c++, mu++) {
                shellOf[mu] = s;
                componentOf[mu] = c;
            }
        }
    }

    /** The basis {@code library} (see {@link BasisLibrary}) placed on the atoms of {@code molecule}. */
    public static BasisSet build(Molecule molecule, BasisLibrary library) {
        List<Shell> shells = new ArrayList<>();
        for (int a = 0; a < molecule.atoms().size(); a++) {
            Atom atom = molecule.atoms().get(a);
            double[] r = {atom.x(), atom.y(), atom.z()};
            for (BasisLibrary.ShellData d : library.shells(atom.element())) {
                shells.add(new Shell(d.l(), a, r, d.exponents(), d.coefficients()));
            }
        }
        return new BasisSet(library.name(), shells);
    }

    public String name() {
        return name;
    }

    public List<Shell> shells() {
        return shells;
    }

    public int size() {
        return shellOf.length;
    }

    public int shellOf(int mu) {
        return shellOf[mu];
    }

    public int component(int mu) {
        return componentOf[mu];
    }

    /** Index of the first basis function of shell s. */
    public int firstFunction(int s) {
        return firstFunction[s];
    }
}
