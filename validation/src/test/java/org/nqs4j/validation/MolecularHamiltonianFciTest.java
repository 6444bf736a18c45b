package org.nqs4j.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.OptionalDouble;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nqs4j.chemistry.Molecule;
import org.nqs4j.chemistry.XyzReader;
import org.nqs4j.chemistry.basis.BasisLibrary;
import org.nqs4j.chemistry.fci.Davidson;
import org.nqs4j.chemistry.fci.FciHamiltonian;
import org.nqs4j.chemistry.fcidump.Fcidump;
import org.nqs4j.chemistry.scf.Mp2;
import org.nqs4j.chemistry.scf.ScfReference;
import org.nqs4j.hamiltonians.fock.MolecularHamiltonian;
import org.nqs4j.hamiltonians.hilbert.FermionHilbert;

/**
 * Two independent full-CI codes agree: ED of {@link MolecularHamiltonian} (determinants ranked in
 * the (N↑, N↓) sector, Slater–Condon columns, the generic CSR path) and the chemistry module's
 * string-based Davidson FCI; and the aufbau determinant's energy is the SCF energy E_HF, the MP2 of
 * the FCIDUMP's canonical orbitals the AO-based MP2 of the SCF.
 */
class MolecularHamiltonianFciTest {
    @ParameterizedTest
    @ValueSource(strings = {"h2", "lih", "h2o"})
    void edOfTheSecondQuantisedHamiltonianIsTheStringFci(String name) {
        Molecule m = XyzReader.read(Path.of("..", "examples", "molecules", name + ".xyz"), 0, 1);
        ScfReference ref = ScfReference.compute(m, BasisLibrary.named("sto-3g"), false);
        assertTrue(ref.scf().converged());
        Fcidump f = ref.fcidump();
        MolecularHamiltonian h = MolecularHamiltonian.of(f.toMolecularIntegrals());
        FermionHilbert sector = FermionHilbert.spinful(f.orbitals(), f.alpha(), f.beta());

        double ed = FockEd.groundEnergy(h, sector);
        Davidson.Result fci = Davidson.lowest(new FciHamiltonian(f), Davidson.Options.DEFAULT);
        assertTrue(fci.converged());
        assertEquals(fci.energy(), ed, 1e-10, name + ": ED vs string FCI");

        assertEquals(ref.scf().energy(), h.determinantEnergy(h.aufbau(f.alpha(), f.beta())), 1e-10,
                name + ": aufbau determinant vs E_HF");
        OptionalDouble mp2 = Mp2.fromCanonicalOrbitals(f);
        assertTrue(mp2.isPresent(), "RHF canonical orbitals are recognised");
        assertEquals(ref.mp2(), mp2.getAsDouble(), 1e-10, name + ": MO-based vs AO-based RMP2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"lih"})
    void mp2IsNotClaimedForNonCanonicalOrbitalsOrOpenShells(String name) {
        Molecule m = XyzReader.read(Path.of("..", "examples", "molecules", name + ".xyz"), 1, 2);
        ScfReference cation = ScfReference.compute(m, BasisLibrary.named("sto-3g"), false);
        assertTrue(Mp2.fromCanonicalOrbitals(cation.fcidump()).isEmpty(), "open shell");
        Fcidump f = ScfReference.compute(XyzReader.read(Path.of("..", "examples", "molecules", name + ".xyz"), 0, 1),
                BasisLibrary.named("sto-3g"), false).fcidump();
        // mix occupied orbital 1 with virtual orbital 2 by 30°: the same determinant space, other orbitals
        double c = Math.cos(Math.PI / 6);
        double s = Math.sin(Math.PI / 6);
        int n = f.orbitals();
        double[] u = new double[n * n];
        for (int p = 0; p < n; p++) {
            u[p * n + p] = 1;
        }
        u[n + 1] = c;
        u[n + 2] = -s;
        u[2 * n + 1] = s;
        u[2 * n + 2] = c;
        Fcidump rotated = Fcidump.of(rotate(f.toMolecularIntegrals(), u), f.electrons(), f.twiceSpin());
        assertTrue(Mp2.fromCanonicalOrbitals(rotated).isEmpty(), "rotated orbitals are not canonical");
        // FCI is invariant under the rotation: a third check of both FCI codes' orbital conventions
        double ed = FockEd.groundEnergy(MolecularHamiltonian.of(rotated.toMolecularIntegrals()),
                FermionHilbert.spinful(n, f.alpha(), f.beta()));
        assertEquals(Davidson.lowest(new FciHamiltonian(f), Davidson.Options.DEFAULT).energy(), ed, 1e-10);
    }

    /** h' = U h Uᵀ, (pq|rs)' = Σ U_pa U_qb U_rc U_sd (ab|cd), with U[p·n + a] (rows are the new orbitals). */
    static org.nqs4j.hamiltonians.fock.MolecularIntegrals rotate(org.nqs4j.hamiltonians.fock.MolecularIntegrals g, double[] u) {
        int n = g.orbitals();
        double[] h = new double[n * n];
        for (int p = 0; p < n; p++) {
            for (int q = 0; q < n; q++) {
                for (int a = 0; a < n; a++) {
                    for (int b = 0; b < n; b++) {
                        h[p * n + q] += u[p * n + a] * u[q * n + b] * g.h(a, b);
                    }
                }
            }
        }
        double[] eri = g.twoBody();
        for (int index = 0; index < 4; index++) {
            double[] next = new double[eri.length];
            // transform one index at a time, cycling (pqrs) → (qrsp) so that each pass acts on the first
            for (int p = 0; p < n; p++) {
                for (int rest = 0; rest < n * n * n; rest++) {
                    double v = 0;
                    for (int a = 0; a < n; a++) {
                        v += u[p * n + a] * eri[a * n * n * n + rest];
                    }
                    next[rest * n + p] = v;
                }
            }
            eri = next;
        }
        return new org.nqs4j.hamiltonians.fock.MolecularIntegrals(n, g.core(), h, eri);
    }
}
