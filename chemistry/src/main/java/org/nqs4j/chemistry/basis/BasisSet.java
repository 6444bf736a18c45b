package org.nqs4j.chemistry.basis;

import java.util.ArrayList;
import java.util.List;

import org.nqs4j.chemistry.Atom;
import org.nqs4j.chemistry.Molecule;

/**
 * The contracted Cartesian shells of a molecule in a named basis. Functions are numbered atom by
 * atom, shell by shell as in the basis file, p components in the order x, y, z; shell s starts at
 * {@link #firstFunction(int)}.
 */
public final class BasisSet {
    private final List<Shell> shells;
    private final int size;
    private final int[] firstFunction;

    private BasisSet(List<Shell> shells) {
        this.shells = List.copyOf(shells);
        firstFunction = new int[shells.size()];
        int mu = 0;
        for (int s = 0; s < shells.size(); s++) {
            firstFunction[s] = mu;
            mu += shells.get(s).size();
        }
        size = mu;
    }

    /** The basis {@code library} (see {@link BasisLibrary}) placed on the atoms of {@code molecule}. */
    public static BasisSet build(Molecule molecule, BasisLibrary library) {
        List<Shell> shells = new ArrayList<>();
        for (Atom atom : molecule.atoms()) {
            double[] r = {atom.x(), atom.y(), atom.z()};
            for (BasisLibrary.ShellData d : library.shells(atom.element())) {
                shells.add(new Shell(d.l(), r, d.exponents(), d.coefficients()));
            }
        }
        return new BasisSet(shells);
    }

    public List<Shell> shells() {
        return shells;
    }

    public int size() {
        return size;
    }

    /** Index of the first basis function of shell s. */
    public int firstFunction(int s) {
        return firstFunction[s];
    }
}
