package org.nqs4j.ansatz.fermion;

import org.ejml.data.DMatrixRMaj;

/**
 * Occupied single-particle orbitals per species: Φ_s is an L × N_s matrix whose column k is
 * orbital k on the L sites, with the sum of the single-particle energies of the problem that
 * produced them (tight binding or the Hartree–Fock mean field).
 */
public final class SpinOrbitals {
    private final DMatrixRMaj[] orbitals;
    private final double bandEnergy;

    SpinOrbitals(DMatrixRMaj[] orbitals, double bandEnergy) {
        int nSites = orbitals[0].numRows;
        for (DMatrixRMaj phi : orbitals) {
            if (phi.numRows != nSites) {
                throw new IllegalArgumentException("orbitals of every species need the same number of sites");
            }
        }
        this.orbitals = orbitals.clone();
        for (int s = 0; s < orbitals.length; s++) {
            this.orbitals[s] = orbitals[s].copy();
        }
        this.bandEnergy = bandEnergy;
    }

    /** Orbitals given column-wise per species (L × N_s each); for random or user orbitals. */
    public static SpinOrbitals of(DMatrixRMaj... orbitals) {
        return new SpinOrbitals(orbitals, Double.NaN);
    }

    public int nSites() {
        return orbitals[0].numRows;
    }

    public int nSpecies() {
        return orbitals.length;
    }

    /** N_s, the number of occupied orbitals of {@code species}. */
    public int nParticles(int species) {
        return orbitals[species].numCols;
    }

    /** A copy of Φ_s (L × N_s). */
    public DMatrixRMaj orbitals(int species) {
        return orbitals[species].copy();
    }

    /** Σ_s Σ_{k occupied} ε_{ks} of the single-particle problem (NaN for given orbitals). */
    public double bandEnergy() {
        return bandEnergy;
    }
}
