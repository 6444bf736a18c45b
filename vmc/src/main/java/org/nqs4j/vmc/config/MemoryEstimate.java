package org.nqs4j.vmc.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.nqs4j.hamiltonians.SpinHilbert;
import org.nqs4j.hamiltonians.hilbert.BosonHilbert;
import java.util.Locale;
import org.nqs4j.hamiltonians.hilbert.FermionHilbert;
import org.nqs4j.hamiltonians.Edge;
import org.nqs4j.optimizers.sr.SrSolvers;

/**
 * The heap a run will need, estimated from its config before anything is allocated, so that a
 * run that cannot fit the JVM's maximum heap is refused at once (with the estimate) instead of
 * failing later with an {@link OutOfMemoryError}. Only the arrays that grow with the problem are
 * counted, as 8-byte doubles (P parameters, N sites, M hidden units, N_s samples per step, c = 2
 * for complex parameters, else 1):
 * <ul>
 * <li>ansatz: an RBM keeps W and five tables derived from it (e^{±2W}, tanh 2W, 1 ± tanh 2W), each
 * as (re, im) arrays, 12 M N doubles, and with a fixed S_z four exchange tables per bond and
 * hidden unit; other ansätze 2 c P;</li>
 * <li>driver and optimiser: about 10 c P (parameters, ⟨O⟩, force, direction, Adam's moments,
 * saved states);</li>
 * <li>log-derivative rows: N_s c (N + M) for a plain RBM (only σ and tanh θ are stored), else
 * N_s c P;</li>
 * <li>SR: the dense S, c P², for Cholesky (also chosen by {@code auto} when P ≤ N_s and
 * P ≤ {@link SrSolvers#DENSE_MAX_PARAMETERS});
 * the sample-space matrix, c N_s², for minSR ({@code auto} when P &gt; N_s);</li>
 * <li>local energies 2 N_s, and the final estimate 2 (1 + observables) N_eval + N_eval.</li>
 * </ul>
 * The count is a lower bound of what the run allocates (the JVM's own overhead comes on top).
 * Whatever the heap, no single array may exceed {@link #MAX_ARRAY} elements.
 */
public final class MemoryEstimate {
    /**
     * A share of the estimate, the config key that drives it, its size, and the length of its
     * largest single array (Java arrays hold at most {@link #MAX_ARRAY} elements).
     */
    public record Term(String what, String key, double bytes, double largestArray) {
    }

    /** The longest array a JVM allocates. */
    public static final double MAX_ARRAY = Integer.MAX_VALUE - 8;

    private MemoryEstimate() {
    }

    /** The terms of {@code c}, largest first. */
    public static List<Term> terms(RunConfig c) {
        double n = c.lattice().nSites();
        // the one-hot RBM of bosons has n_max + 1 visible units per site
        double visible = c.hilbert() instanceof BosonHilbert b ? n * (b.nMax() + 1) : c.hilbert().size();
        AnsatzSpec a = c.ansatz();
        double comp = a.complex() ? 2 : 1;
        double hidden = 0; // M of the (expanded) RBM, 0 for other ansätze
        double p;
        String ansatzKey;
        if (a.fermion().isPresent()) {
            p = fermionParameters(a.fermion().get(), (FermionHilbert) c.hilbert());
            ansatzKey = a.fermion().get() instanceof FermionAnsatzSpec.Slater ? "ansatz.type" : "ansatz.alpha";
        } else switch (a.type()) {
            case "rbm" -> {
                hidden = a.finalAlpha() * n; // a growing RBM ends largest
                p = a.translationSymmetric() ? 1 + a.finalAlpha() + a.finalAlpha() * n
                        : visible + hidden + hidden * visible;
                ansatzKey = "ansatz.alpha";
            }
            case "rbm_pp" -> { // a real RBM times the L × L pair matrix F (tied by translations: n_basis·L amplitudes)
                hidden = a.alpha() * n;
                p = (a.translationSymmetric() ? 1 + a.alpha() + a.alpha() * n : n + hidden + hidden * n)
                        + a.pairAmplitudes(c.lattice());
                ansatzKey = "ansatz.alpha";
            }
            case "jastrow" -> {
                p = n * (n - 1) / 2;
                ansatzKey = "ansatz.type";
            }
            case "jw_rbm" -> { // a molecule: the RBM over the 2·NORB spin-orbitals
                hidden = a.alpha() * visible;
                p = visible + hidden + hidden * visible;
                ansatzKey = "ansatz.alpha";
            }
            case "slater", "slater+rbm", "slater+pairs", "backflow" -> { // a molecule's determinant ansätze
                p = moleculeParameters(a, (FermionHilbert) c.hilbert());
                ansatzKey = a.type().equals("slater") ? "ansatz.type" : "ansatz.alpha";
            }
            case "gcnn" -> { // |S| bounded by 12 point operations (times N translations for the full kernel)
                double kernel = a.kernel() == AnsatzSpec.Kernel.FULL ? 12 * n : 12;
                p = 0;
                double below = n;
                for (int features : a.layers()) {
                    p += features * (1 + below);
                    below = features * kernel;
                }
                ansatzKey = "ansatz.features";
            }
            default -> {
                p = n;
                double below = n;
                for (int alpha : a.layers()) {
                    double width = alpha * n;
                    p += width * (1 + below);
                    below = width;
                }
                ansatzKey = "ansatz.layers";
            }
        }
        double doubles = comp * p;
        int perChain = c.sampler().samplesPerChain();
        for (AnsatzSpec.Growth g : a.growth()) { // a growing RBM: its largest sample count with its final α, a bound
            perChain = Math.max(perChain, g.samplesPerChain());
        }
        double ns = (double) c.sampler().chains() * perChain;
        List<Term> t = new ArrayList<>();
        double model = hidden > 0 ? 12 * hidden * visible : 2 * doubles;
        if (hidden > 0 && c.hilbert() instanceof SpinHilbert spins && spins.hasFixedMagnetization()) {
            model += 4 * hidden * Edge.sitePairs(c.lattice().edges()).length;
        }
        t.add(new Term("ansatz " + a.type() + ", " + format(p) + " parameters", ansatzKey, 8 * model,
                Math.max(hidden * n, doubles)));
        t.add(new Term("parameter vectors of the driver and optimiser", ansatzKey, 8 * 10 * doubles, doubles));
        // an exact sum weighs its rows one by one, so they are stored in full (VmcDriver)
        boolean factored = (a.type().equals("rbm") || a.type().equals("jw_rbm")) && !a.translationSymmetric()
                && a.projection() instanceof ProjectionSpec.None && c.sampler().method() != SamplerSpec.Method.FULL_SUM;
        double rows = ns * (factored ? comp * (n + hidden) : doubles);
        t.add(new Term("log-derivative rows", "sampler.samples", 8 * rows, rows));
        PreconditionerSpec pre = c.preconditioner();
        if (pre.type().equals("sr")) {
            boolean minsr = pre.solver().equals("minsr") || pre.solver().equals("auto") && p > ns;
            boolean dense = pre.solver().equals("cholesky")
                    || pre.solver().equals("auto") && p <= ns && p <= SrSolvers.DENSE_MAX_PARAMETERS;
            if (minsr) {
                t.add(new Term("minSR sample-space matrix", "sampler.samples", 8 * comp * ns * ns, comp * ns * ns));
            } else if (dense) {
                t.add(new Term("dense S matrix", "preconditioner.solver", 8 * comp * p * p, comp * p * p));
            }
        }
        t.add(new Term("local energies", "sampler.samples", 8 * 2 * ns, 2 * ns));
        if (c.sampler().method() != SamplerSpec.Method.METROPOLIS) { // log ψ, p and Σp of every state (SectorWeights)
            double states = c.hilbert().dimension();
            t.add(new Term("tables of the enumerated sector", "sampler.type", 8 * 4 * states, states));
        }
        double eval = c.evaluation().samples();
        t.add(new Term("final-estimate samples", "evaluation.samples", 8 * (3 + 2 * c.observables().size()) * eval,
                2 * eval));
        t.sort(Comparator.comparingDouble(Term::bytes).reversed());
        return t;
    }

    /** P of a molecule's determinant ansatz ({@code slater}, {@code slater+rbm}, {@code slater+pairs}, {@code backflow}). */
    static double moleculeParameters(AnsatzSpec a, FermionHilbert h) {
        double modes = h.size();
        double orbitals = 0;
        for (int s = 0; s < h.nSpecies(); s++) {
            orbitals += h.nSites() * h.nParticles(s);
        }
        return orbitals + switch (a.type()) {
            case "slater+rbm" -> modes + a.alpha() * modes * (1 + modes);
            case "slater+pairs" -> modes * (modes + 1) / 2;
            case "backflow" -> a.alpha() * modes * (1 + modes + orbitals);
            default -> 0;
        };
    }

    /** P of a fermion ansatz: orbitals Σ_s L N_s (a pair product: L²), plus the Jastrow's pairs or the RBM's / backflow's layers. */
    static double fermionParameters(FermionAnsatzSpec a, FermionHilbert h) {
        double l = h.nSites();
        double modes = l * h.nSpecies();
        double orbitals = 0;
        for (int s = 0; s < h.nSpecies(); s++) {
            orbitals += l * h.nParticles(s);
        }
        return (a.determinant() == FermionAnsatzSpec.Determinant.PAIR_PRODUCT ? l * l : orbitals) + switch (a) {
            case FermionAnsatzSpec.Slater x -> 0;
            case FermionAnsatzSpec.SlaterJastrow j -> {
                double fields = j.jastrow() == FermionAnsatzSpec.Jastrow.DENSITY ? l : modes;
                yield fields * (fields + 1) / 2;
            }
            case FermionAnsatzSpec.RbmSlater r -> r.symmetry() == FermionAnsatzSpec.Symmetry.NONE
                    ? modes + r.alpha() * modes * (1 + modes) : 1 + r.alpha() * (1 + modes);
            case FermionAnsatzSpec.Backflow b -> b.alpha() * modes * (1 + modes
                    + (b.determinant() == FermionAnsatzSpec.Determinant.PAIR_PRODUCT ? l * l : orbitals));
        };
    }

    public static double totalBytes(List<Term> terms) {
        return terms.stream().mapToDouble(Term::bytes).sum();
    }

    /** "1.2 GB" */
    public static String bytes(double b) {
        String[] units = {"B", "kB", "MB", "GB", "TB", "PB"};
        int u = 0;
        while (b >= 1000 && u < units.length - 1) {
            b /= 1000;
            u++;
        }
        return String.format(Locale.ROOT, u == 0 ? "%.0f %s" : "%.1f %s", b, units[u]);
    }

    private static String format(double x) {
        return x < 1e7 ? String.format(Locale.ROOT, "%.0f", x) : String.format(Locale.ROOT, "%.3g", x);
    }
}
