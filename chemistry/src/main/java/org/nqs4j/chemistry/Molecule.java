package org.nqs4j.chemistry;

import java.util.List;

/**
 * Nuclei (positions in bohr), total charge and spin multiplicity 2S+1. The electrons are split
 * as N_alpha = (N + 2S)/2, N_beta = (N - 2S)/2 (the M_S = S component).
 */
public record Molecule(List<Atom> atoms, int charge, int multiplicity) {
    /** Bohr radius in angstrom, CODATA 2010 (the value PySCF and Psi4 use for angstrom input). */
    public static final double BOHR_IN_ANGSTROM = 0.52917721092;

    public Molecule {
        atoms = List.copyOf(atoms);
        if (atoms.isEmpty()) {
            throw new ChemistryInputException("a molecule needs at least one atom");
        }
        if (multiplicity < 1) {
            throw new ChemistryInputException("multiplicity must be >= 1, got " + multiplicity);
        }
        int n = atoms.stream().mapToInt(a -> a.element().atomicNumber()).sum() - charge;
        if (n < 1) {
            throw new ChemistryInputException("charge " + charge + " leaves " + n + " electrons; at least 1 is needed");
        }
        int twoS = multiplicity - 1;
        if ((n + twoS) % 2 != 0 || twoS > n) {
            throw new ChemistryInputException("multiplicity " + multiplicity + " is impossible with " + n
                    + " electrons (N and 2S must have the same parity, 2S <= N); use "
                    + (n % 2 == 0 ? "1, 3, 5, ..." : "2, 4, ..."));
        }
        for (int i = 0; i < atoms.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (atoms.get(i).distanceTo(atoms.get(j)) < 1e-3) {
                    throw new ChemistryInputException("atoms " + (j + 1) + " and " + (i + 1) + " sit on top of each other");
                }
            }
        }
    }

    public int electrons() {
        return atoms.stream().mapToInt(a -> a.element().atomicNumber()).sum() - charge;
    }

    public int alphaElectrons() {
        return (electrons() + multiplicity - 1) / 2;
    }

    public int betaElectrons() {
        return (electrons() - multiplicity + 1) / 2;
    }

    /** E_nn = sum_{A<B} Z_A Z_B / R_AB in hartree. */
    public double nuclearRepulsion() {
        double e = 0;
        for (int i = 0; i < atoms.size(); i++) {
            for (int j = 0; j < i; j++) {
                e += atoms.get(i).element().atomicNumber() * atoms.get(j).element().atomicNumber()
                        / atoms.get(i).distanceTo(atoms.get(j));
            }
        }
        return e;
    }
}
