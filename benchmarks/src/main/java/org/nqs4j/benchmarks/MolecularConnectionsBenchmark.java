package org.nqs4j.benchmarks;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.nqs4j.chemistry.Molecule;
import org.nqs4j.chemistry.XyzReader;
import org.nqs4j.chemistry.basis.BasisLibrary;
import org.nqs4j.chemistry.scf.ScfReference;
import org.nqs4j.hamiltonians.fock.FockConnections;
import org.nqs4j.hamiltonians.fock.MolecularHamiltonian;
import org.nqs4j.hamiltonians.hilbert.FermionHilbert;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Question: what does one column of the molecular Hamiltonian cost per sample — the connections
 * of a determinant by single and double excitations ({@link MolecularHamiltonian#connections}),
 * summed with a weight per target as a local energy E_loc = Σ_x' H_x'x ψ(x')/ψ(x) would (the
 * ratio is a stand-in: the modes changed) — for H2O (7 orbitals, 441 determinants) and N2
 * (10 orbitals, 14 400 determinants) in STO-3G, on determinants drawn uniformly from the sector?
 *
 * <p>Answer: see the README's "Molecules (reference side)" section.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MolecularConnectionsBenchmark {
    @Param({"h2o", "n2"})
    public String molecule;

    private MolecularHamiltonian h;
    private FockConnections out;
    private int[][] samples;
    private int next;

    @Setup
    public void setUp() {
        List<String> xyz = molecule.equals("h2o")
                ? List.of("3", "water", "O 0 0 0.1173", "H 0 0.7572 -0.4692", "H 0 -0.7572 -0.4692")
                : List.of("2", "nitrogen", "N 0 0 0", "N 0 0 1.0977");
        Molecule m = XyzReader.parse(molecule, xyz, 0, 1);
        ScfReference ref = ScfReference.compute(m, BasisLibrary.named("sto-3g"), false);
        h = MolecularHamiltonian.of(ref.fcidump().toMolecularIntegrals());
        out = h.newConnections();
        FermionHilbert sector = FermionHilbert.spinful(h.orbitals(), m.alphaElectrons(), m.betaElectrons());
        SplittableRandom rng = new SplittableRandom(1);
        samples = new int[256][sector.size()];
        long total = 0;
        for (int[] x : samples) {
            sector.state(rng.nextLong(sector.nStates()), x);
            h.connections(x, out);
            total += out.size();
        }
        System.out.printf("%n%s: %.1f connections per determinant (bound %d)%n", molecule,
                total / (double) samples.length, h.connectionBound(m.alphaElectrons(), m.betaElectrons()));
    }

    @Benchmark
    public double localEnergySweep() {
        int[] x = samples[next];
        next = (next + 1) & (samples.length - 1);
        h.connections(x, out);
        double e = 0;
        for (int k = 0; k < out.size(); k++) {
            e += out.value(k) * (out.changeCount(k) == 0 ? 1 : 1.0 / (1 + out.changeMode(k, 0)));
        }
        return e;
    }
}
