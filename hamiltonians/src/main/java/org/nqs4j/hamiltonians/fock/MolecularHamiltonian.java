package org.nqs4j.hamiltonians.fock;

import java.util.Arrays;
import java.util.Locale;

/**
 * The electronic Hamiltonian of a molecule in second quantisation on 2·NORB spin-orbitals,
 * <pre>
 *   H = E_core + Σ_pq,σ h_pq c†_pσ c_qσ + ½ Σ_pqrs,στ (pq|rs) c†_pσ c†_rτ c_sτ c_qσ,
 * </pre>
 * with the spin-orbital of (p, σ) numbered P = p + NORB·σ (all ↑ before all ↓, as
 * {@link org.nqs4j.hamiltonians.hilbert.FermionHilbert}) and basis states
 * |x⟩ = (c†_0)^{x_0} (c†_1)^{x_1} ⋯ |0⟩ (Jordan–Wigner order, see {@link FockOperator}).
 *
 * <p>A column ⟨x'|H|x⟩ follows the Slater–Condon rules (Szabo &amp; Ostlund §2.3.3), with
 * ⟨PQ||RS⟩ = (pr|qs) δ_σPσR δ_σQσS − (ps|qr) δ_σPσS δ_σQσR:
 * <ul>
 * <li>diagonal: E_core + Σ_{I∈occ} h_ii + ½ Σ_{I,J∈occ} ⟨IJ||IJ⟩;</li>
 * <li>single I → A (same spin): ± (h_ai + Σ_{J∈occ} ⟨AJ||IJ⟩);</li>
 * <li>double I&lt;J → A&lt;B: ± ⟨AB||IJ⟩, the sign that of c†_A c†_B c_J c_I acting on |x⟩.</li>
 * </ul>
 * The excitations that can have an element of magnitude ≥ {@value #SCREEN} are listed once, at
 * construction: per occupied pair (I, J) the targets (A, B) with |⟨AB||IJ⟩| ≥ SCREEN and their
 * value; per occupied I the targets A for which h_ai or any (ai|jj), (aj|ji) reaches SCREEN. A
 * column then visits only those whose targets are empty; singles are also dropped when their
 * occupation-dependent value is below SCREEN. Nothing is allocated per column.
 */
public final class MolecularHamiltonian implements OccupationOperator {
    /** Elements (and integrals that bound them) of smaller magnitude are skipped. */
    public static final double SCREEN = 1e-12;

    private final MolecularIntegrals integrals;
    private final int n;          // NORB
    private final double core;
    private final double[] h;     // h[p n + q]
    private final double[] eri;   // (pq|rs) at ((p n + q) n + r) n + s
    private final int maxConnections;
    // singles: spin-orbital I → singleTarget[singleStart[I] .. singleStart[I+1])
    private final int[] singleStart;
    private final int[] singleTarget;
    // doubles: pair I<J (index J(J−1)/2 + I) and target A → (doubleB, doubleValue)[doubleStart[pair·M + A] ..
    // doubleStart[pair·M + A + 1]), B > A; a column visits only the empty A of each occupied pair
    private final int[] doubleStart;
    private final int[] doubleB;
    private final double[] doubleValue;

    private MolecularHamiltonian(MolecularIntegrals integrals) {
        this.integrals = integrals;
        this.n = integrals.orbitals();
        this.core = integrals.core();
        this.h = integrals.oneBody();
        this.eri = integrals.twoBody();
        int m = 2 * n;
        singleStart = new int[m + 1];
        int[] singles = new int[m * n];
        int count = 0;
        for (int i = 0; i < m; i++) {
            singleStart[i] = count;
            for (int a = spinOf(i) * n; a < (spinOf(i) + 1) * n; a++) {
                if (a != i && singleBound(i % n, a % n) >= SCREEN) {
                    singles[count++] = a;
                }
            }
        }
        singleStart[m] = count;
        singleTarget = Arrays.copyOf(singles, count);
        int pairs = m * (m - 1) / 2;
        doubleStart = new int[pairs * m + 1];
        int[] bs = new int[16];
        double[] vs = new double[16];
        count = 0;
        for (int j = 1; j < m; j++) {
            for (int i = 0; i < j; i++) {
                for (int a = 0; a < m; a++) {
                    doubleStart[(j * (j - 1) / 2 + i) * m + a] = count;
                    for (int b = a + 1; b < m; b++) {
                        double v = a == i || a == j || b == i || b == j ? 0 : antisymmetrized(a, b, i, j);
                        if (Math.abs(v) >= SCREEN) {
                            if (count == vs.length) {
                                bs = Arrays.copyOf(bs, 2 * count);
                                vs = Arrays.copyOf(vs, 2 * count);
                            }
                            bs[count] = b;
                            vs[count++] = v;
                        }
                    }
                }
            }
        }
        doubleB = Arrays.copyOf(bs, count);
        doubleValue = Arrays.copyOf(vs, count);
        doubleStart[pairs * m] = count;
        int widest = 0;
        for (int up = 0; up <= n; up++) {
            for (int down = 0; down <= n; down++) {
                widest = Math.max(widest, connectionBound(up, down));
            }
        }
        maxConnections = widest;
    }

    /** The Hamiltonian of these integrals, its excitation lists precomputed. */
    public static MolecularHamiltonian of(MolecularIntegrals integrals) {
        return new MolecularHamiltonian(integrals);
    }

    public MolecularIntegrals integrals() {
        return integrals;
    }

    /**
     * ⟨x|H|x⟩ of the determinant with occupations {@code x} (Slater–Condon); for the aufbau
     * determinant in Hartree–Fock orbitals this is E_HF.
     */
    public double determinantEnergy(int[] x) {
        if (x.length != 2 * n) {
            throw new IllegalArgumentException("configuration has " + x.length + " modes, operator acts on " + 2 * n);
        }
        int[] occ = new int[2 * n];
        int nOcc = 0;
        for (int o = 0; o < 2 * n; o++) {
            if (x[o] == 1) {
                occ[nOcc++] = o;
            }
        }
        return diagonal(occ, nOcc);
    }

    /** The aufbau determinant: the lowest {@code up} ↑ and {@code down} ↓ orbitals occupied. */
    public int[] aufbau(int up, int down) {
        if (up < 0 || up > n || down < 0 || down > n) {
            throw new IllegalArgumentException(up + " ↑ and " + down + " ↓ electrons do not fit " + n + " orbitals");
        }
        int[] x = new int[2 * n];
        Arrays.fill(x, 0, up, 1);
        Arrays.fill(x, n, n + down, 1);
        return x;
    }

    /** NORB. */
    public int orbitals() {
        return n;
    }

    /** Number of (single and double) excitations kept after screening, over all spin-orbitals. */
    public long listedExcitations() {
        return singleTarget.length + (long) doubleValue.length;
    }

    /**
     * 1 + singles + doubles of a determinant with N↑ = {@code up}, N↓ = {@code down} before
     * screening: the most connections one of its columns can have.
     */
    public int connectionBound(int up, int down) {
        long su = (long) up * (n - up);
        long sd = (long) down * (n - down);
        long du = pairs(up) * pairs(n - up);
        long dd = pairs(down) * pairs(n - down);
        return (int) Math.min(Integer.MAX_VALUE, 1 + su + sd + du + dd + su * sd);
    }

    private static long pairs(int k) {
        return (long) k * (k - 1) / 2;
    }

    @Override
    public int nModes() {
        return 2 * n;
    }

    @Override
    public int maxConnections() {
        return maxConnections;
    }

    @Override
    public boolean isReal() {
        return true;
    }

    @Override
    public String description() {
        return String.format(Locale.ROOT, "molecular Hamiltonian: %d orbitals, %d spin-orbitals (orbital + %d·σ, ↑ first),"
                + " E_core = %.10f, chemists' (pq|rs)", n, 2 * n, n, core);
    }

    /** True when no listed excitation moves an electron into or out of [from, to). */
    @Override
    public boolean conservesSum(int from, int to) {
        for (int i = 0; i < 2 * n; i++) {
            for (int k = singleStart[i]; k < singleStart[i + 1]; k++) {
                if (inside(i, from, to) != inside(singleTarget[k], from, to)) {
                    return false;
                }
            }
        }
        for (int j = 1; j < 2 * n; j++) {
            for (int i = 0; i < j; i++) {
                int pair = j * (j - 1) / 2 + i;
                for (int a = 0; a < 2 * n; a++) {
                    for (int k = doubleStart[pair * 2 * n + a]; k < doubleStart[pair * 2 * n + a + 1]; k++) {
                        if (inside(i, from, to) + inside(j, from, to)
                                != inside(a, from, to) + inside(doubleB[k], from, to)) {
                            return false;
                        }
                    }
                }
            }
        }
        return true;
    }

    private static int inside(int mode, int from, int to) {
        return mode >= from && mode < to ? 1 : 0;
    }

    @Override
    public FockConnections newConnections() {
        return new FockConnections(maxConnections, 4, 2 * n, 4);
    }

    @Override
    public void connections(int[] x, FockConnections out) {
        int m = 2 * n;
        if (x.length != m) {
            throw new IllegalArgumentException("configuration has " + x.length + " modes, operator acts on " + m);
        }
        int[] below = out.occupiedBelow;
        int[] occ = out.occupied;
        int nOcc = 0;
        below[0] = 0;
        for (int o = 0; o < m; o++) {
            below[o + 1] = below[o] + x[o];
            if (x[o] == 1) {
                occ[nOcc++] = o;
            }
        }
        for (int o = 0, v = nOcc; o < m; o++) { // the empty spin-orbitals after the occupied ones
            if (x[o] == 0) {
                occ[v++] = o;
            }
        }
        int[] modes = out.touchedMode;
        int[] values = out.touchedValue;
        out.clear();
        out.add(diagonal(occ, nOcc), modes, values, 0);
        values[0] = 0;
        values[1] = 1;
        for (int s = 0; s < nOcc; s++) {
            int i = occ[s];
            for (int k = singleStart[i]; k < singleStart[i + 1]; k++) {
                int a = singleTarget[k];
                if (x[a] == 0) {
                    double v = single(i, a, occ, nOcc);
                    if (Math.abs(v) >= SCREEN) {
                        int parity = below[i] + below[a] - (i < a ? 1 : 0);
                        modes[0] = i;
                        modes[1] = a;
                        out.add((parity & 1) == 0 ? v : -v, modes, values, 2);
                    }
                }
            }
        }
        values[1] = 0;
        values[2] = 1;
        values[3] = 1;
        for (int t = 1; t < nOcc; t++) {
            int j = occ[t];
            for (int s = 0; s < t; s++) {
                int i = occ[s];
                int pairBase = (j * (j - 1) / 2 + i) * m;
                for (int u = nOcc; u < m; u++) {
                    int a = occ[u];
                    for (int k = doubleStart[pairBase + a]; k < doubleStart[pairBase + a + 1]; k++) {
                        int b = doubleB[k];
                        if (x[b] == 0) {
                            // c_I, then c_J on x − e_I, c†_B on x − e_I − e_J, c†_A on x − e_I − e_J + e_B (I < J, A < B)
                            int parity = below[i] + below[j] - 1 + below[b] - (i < b ? 1 : 0) - (j < b ? 1 : 0)
                                    + below[a] - (i < a ? 1 : 0) - (j < a ? 1 : 0);
                            modes[0] = i;
                            modes[1] = j;
                            modes[2] = a;
                            modes[3] = b;
                            out.add((parity & 1) == 0 ? doubleValue[k] : -doubleValue[k], modes, values, 4);
                        }
                    }
                }
            }
        }
        if (out.value(0) == 0) {
            out.removeFirst();
        }
    }

    /** E_core + Σ_I h_ii + ½ Σ_IJ ⟨IJ||IJ⟩ over the occupied spin-orbitals occ[0..nOcc). */
    private double diagonal(int[] occ, int nOcc) {
        double e = core;
        for (int s = 0; s < nOcc; s++) {
            int i = occ[s] % n;
            int si = spinOf(occ[s]);
            e += h[i * n + i];
            for (int t = 0; t < s; t++) {
                int j = occ[t] % n;
                e += eri[((i * n + i) * n + j) * n + j];
                if (spinOf(occ[t]) == si) {
                    e -= eri[((i * n + j) * n + j) * n + i];
                }
            }
        }
        return e;
    }

    /** h_ai + Σ_{J∈occ, J≠I} ⟨AJ||IJ⟩ for I → A of the same spin, summed in increasing J. */
    private double single(int i, int a, int[] occ, int nOcc) {
        int p = i % n;
        int q = a % n;
        int spin = spinOf(i);
        double v = h[q * n + p];
        int aiBase = (q * n + p) * n * n;
        for (int t = 0; t < nOcc; t++) {
            if (occ[t] == i) {
                continue; // its terms cancel; skipping them makes ⟨x'|H|x⟩ = ⟨x|H|x'⟩ to the last bit
            }
            int j = occ[t] % n;
            v += eri[aiBase + j * n + j];
            if (spinOf(occ[t]) == spin) {
                v -= eri[((q * n + j) * n + j) * n + p];
            }
        }
        return v;
    }

    /** ⟨AB||IJ⟩ = (ai|bj) δ_σAσI δ_σBσJ − (aj|bi) δ_σAσJ δ_σBσI on spin-orbitals. */
    private double antisymmetrized(int a, int b, int i, int j) {
        double v = 0;
        if (spinOf(a) == spinOf(i) && spinOf(b) == spinOf(j)) {
            v += eri[(((a % n) * n + i % n) * n + b % n) * n + j % n];
        }
        if (spinOf(a) == spinOf(j) && spinOf(b) == spinOf(i)) {
            v -= eri[(((a % n) * n + j % n) * n + b % n) * n + i % n];
        }
        return v;
    }

    /** max(|h_ai|, max_j |(ai|jj)|, max_j |(aj|ji)|): no single i → a can exceed this times N. */
    private double singleBound(int i, int a) {
        double bound = Math.abs(h[a * n + i]);
        for (int j = 0; j < n; j++) {
            bound = Math.max(bound, Math.abs(eri[((a * n + i) * n + j) * n + j]));
            bound = Math.max(bound, Math.abs(eri[((a * n + j) * n + j) * n + i]));
        }
        return bound;
    }

    private int spinOf(int mode) {
        return mode / n;
    }

    @Override
    public String toString() {
        return description();
    }
}
