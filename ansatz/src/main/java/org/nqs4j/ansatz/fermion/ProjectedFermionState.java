package org.nqs4j.ansatz.fermion;

/**
 * The projection of a fermion state onto a symmetry sector of a group of lattice symmetries:
 * <pre>  ψ_P(n) = Σ_g χ(g) s_g(n) ψ(g n),   (g n)_{p_g(r), s} = n_{r, s},</pre>
 * where p_g permutes the sites (every species alike) and T_g c†_{r s} T_g⁻¹ = c†_{p_g(r) s} acts on
 * the Jordan–Wigner basis as T_g|n⟩ = s_g(n)|g n⟩: s_g(n) = ±1 is the parity of the permutation that
 * sorts the images p_g(r) + L·s of the occupied orbitals (taken in increasing order) back into
 * increasing order. So ψ_P(n) = ⟨n| Σ_g χ(g) T_g† |ψ⟩, and with χ a real character of the group
 * Σ_g χ(g) T_g† is (up to a factor) the projector onto that irrep's sector: ψ_P has its quantum
 * numbers whatever ψ, and as the Hamiltonian commutes with every T_g its energy is variational in
 * the sector. Translations alone with χ = 1 give momentum 0. Symmetry-projected backflow as in
 * "Enhancing neural network backflow" (arXiv:2510.26906); mVMC projects its pair product on
 * momentum and point-group sectors the same way (Misawa et al., CPC 235, 447 (2019)).
 *
 * <p>Cost: |G| evaluations of ψ per amplitude. The cache keeps one cache of ψ per group element at
 * its configuration g n; a hop (s, r → r′) of n is the hop (s, p_g(r) → p_g(r′)) of g n, and
 * s_g changes by the Jordan–Wigner signs of the two hops, s_g(n′) = s_g(n)·jw(g n; p_g r, p_g r′)·
 * jw(n; r, r′). The terms are combined in the log domain: t_g = χ(g) s_g sign ψ(g n)
 * exp(log |ψ(g n)| − max), ψ_P = e^max Σ_g t_g. A single image g n may sit on a node of ψ where
 * ψ_P does not (symmetric orbitals have such nodes): its amplitude after a move is then evaluated
 * from scratch in a spare cache, and an accepted move resets every image cache, so ψ's cache must
 * take a configuration on a node in {@code reset} ({@link NeuralBackflow}'s does; a determinant's
 * Sherman–Morrison cache does not).
 *
 * <p>Parameters are ψ's; O_k(n) = Σ_g w_g O_k(g n) with w_g = t_g / Σ t.
 */
public final class ProjectedFermionState implements FermionWaveFunction {
    private final FermionWaveFunction psi;
    private final int[][] image;
    private final double[] character;
    private final String sector;

    private ProjectedFermionState(FermionWaveFunction psi, int[][] sitePermutations, double[] characters,
                                  String sector) {
        if (sitePermutations.length == 0 || sitePermutations.length != characters.length) {
            throw new IllegalArgumentException("a projection needs one real character per group element, got "
                    + characters.length + " for " + sitePermutations.length + " elements");
        }
        for (int[] p : sitePermutations) {
            if (p.length != psi.nSites()) {
                throw new IllegalArgumentException("a symmetry permutes the " + psi.nSites() + " sites, got one of "
                        + p.length);
            }
        }
        this.psi = psi;
        this.image = sitePermutations.clone();
        this.character = characters.clone();
        this.sector = sector;
    }

    /**
     * ψ projected with the real characters {@code characters[g]} of the site permutations
     * {@code sitePermutations[g][r]} = p_g(r) (a group: e.g. {@code Lattice.translations()} with χ = 1);
     * {@code sector} names it in the description.
     */
    public static ProjectedFermionState of(FermionWaveFunction psi, int[][] sitePermutations, double[] characters,
                                           String sector) {
        return new ProjectedFermionState(psi, sitePermutations, characters, sector);
    }

    @Override
    public String description() {
        return psi.description() + " projected on " + sector + " (|G|=" + image.length + ")";
    }

    @Override
    public int nSites() {
        return psi.nSites();
    }

    @Override
    public int nSpecies() {
        return psi.nSpecies();
    }

    @Override
    public int nParameters() {
        return psi.nParameters();
    }

    @Override
    public void getParameters(double[] dst) {
        psi.getParameters(dst);
    }

    @Override
    public void setParameters(double[] src) {
        psi.setParameters(src);
    }

    @Override
    public FermionCache newCache() {
        return new Cache();
    }

    private final class Cache implements FermionCache {
        private final int l = psi.nSites();
        private final int species = psi.nSpecies();
        private final int[] occupations = new int[l * species];
        private final int[] moved = new int[l * species];
        private final int[] sorted = new int[l * species];
        private final FermionCache[] images = new FermionCache[image.length];
        private final double[] sign = new double[image.length];     // s_g(n)
        private final double[] logAbs = new double[image.length];   // log |ψ(g n)|
        private final double[] psiSign = new double[image.length];  // sign ψ(g n)
        private final double[] term = new double[image.length];     // t_g
        private final double[] derivatives = new double[psi.nParameters()];
        private final double[] part = new double[2];
        private final FermionCache spare = psi.newCache();
        private double sum;     // Σ_g t_g
        private double max;

        Cache() {
            for (int g = 0; g < image.length; g++) {
                images[g] = psi.newCache();
            }
        }

        @Override
        public int nSpecies() {
            return species;
        }

        @Override
        public int[] configuration() {
            return occupations;
        }

        @Override
        public void reset(int[] n) {
            System.arraycopy(n, 0, occupations, 0, occupations.length);
            for (int g = 0; g < image.length; g++) {
                sign[g] = transform(g, occupations, moved);
                images[g].reset(moved);
                readImage(g);
            }
            combine();
        }

        /** g n into {@code out}; returns s_g(n), the parity of sorting the images of the occupied orbitals. */
        private double transform(int g, int[] n, int[] out) {
            java.util.Arrays.fill(out, 0);
            int count = 0;
            for (int s = 0; s < species; s++) {
                for (int r = 0; r < l; r++) {
                    if (n[r + s * l] == 1) {
                        int o = image[g][r] + s * l;
                        out[o] = 1;
                        sorted[count++] = o;
                    }
                }
            }
            int inversions = 0;
            for (int i = 0; i < count; i++) {
                for (int j = i + 1; j < count; j++) {
                    inversions += sorted[i] > sorted[j] ? 1 : 0;
                }
            }
            return (inversions & 1) == 0 ? 1 : -1;
        }

        private void readImage(int g) {
            images[g].logPsi(part);
            logAbs[g] = part[0];
            psiSign[g] = Math.cos(part[1]) < 0 ? -1 : 1;
        }

        /** t_g and Σ t from the images' log-amplitudes. */
        private void combine() {
            max = Double.NEGATIVE_INFINITY;
            for (int g = 0; g < image.length; g++) {
                if (character[g] != 0) {
                    max = Math.max(max, logAbs[g]);
                }
            }
            sum = 0;
            for (int g = 0; g < image.length; g++) {
                term[g] = character[g] == 0 || logAbs[g] == Double.NEGATIVE_INFINITY ? 0
                        : character[g] * sign[g] * psiSign[g] * Math.exp(logAbs[g] - max);
                sum += term[g];
            }
        }

        /** Σ_g t_g ρ_g / Σ t, 0 when both vanish (ψ_P(n′) = ψ_P(n) = 0). */
        private double quotient(double numerator) {
            return numerator == 0 ? 0 : numerator / sum;
        }

        /** s_g(n′)/s_g(n) for the hop (s, from → to) of n. */
        private double hopSign(int g, int s, int from, int to) {
            return FermionCache.jordanWignerSign(images[g].configuration(), s * l, image[g][from], image[g][to])
                    * FermionCache.jordanWignerSign(occupations, s * l, from, to);
        }

        @Override
        public double ratio(int s, int from, int to) {
            FermionCache.requireHop(occupations, l, s, from, to);
            double numerator = 0;
            for (int g = 0; g < image.length; g++) {
                if (term[g] != 0) {
                    numerator += term[g] * hopSign(g, s, from, to) * images[g].ratio(s, image[g][from], image[g][to]);
                }
            }
            if (hasNodalImage()) {
                occupations[from + s * l] = 0;
                occupations[to + s * l] = 1;
                numerator += nodalImages();
                occupations[from + s * l] = 1;
                occupations[to + s * l] = 0;
            }
            return quotient(numerator);
        }

        /** Some image of non-zero character on a node of ψ. */
        private boolean hasNodalImage() {
            for (int g = 0; g < image.length; g++) {
                if (character[g] != 0 && term[g] == 0) {
                    return true;
                }
            }
            return false;
        }

        /** Σ over the nodal images of χ(g) s_g(n′) ψ(g n′) e^−max, n′ = {@code occupations}, each from scratch. */
        private double nodalImages() {
            double sum = 0;
            for (int g = 0; g < image.length; g++) {
                if (character[g] != 0 && term[g] == 0) {
                    double s = transform(g, occupations, moved);
                    spare.reset(moved);
                    spare.logPsi(part);
                    if (part[0] != Double.NEGATIVE_INFINITY) {
                        sum += character[g] * s * Math.cos(part[1]) * Math.exp(part[0] - max);
                    }
                }
            }
            return sum;
        }

        /** Moves every image by resetting it (an image may leave or reach a node of ψ). */
        @Override
        public void applyHop(int s, int from, int to) {
            FermionCache.requireHop(occupations, l, s, from, to);
            occupations[from + s * l] = 0;
            occupations[to + s * l] = 1;
            reset(occupations);
        }

        /** Two hops: s_g(n″) from the sorted images of n″ (O(N²) per element; double excitations are rare moves). */
        @Override
        public double ratio(int s1, int from1, int to1, int s2, int from2, int to2) {
            FermionCache.requireTwoHops(occupations, l, s1, from1, to1, s2, from2, to2);
            hop(s1, from1, to1, s2, from2, to2);
            double numerator = 0;
            for (int g = 0; g < image.length; g++) {
                if (term[g] != 0) {
                    double after = transform(g, occupations, moved);
                    numerator += term[g] * after * sign[g] * images[g].ratio(s1, image[g][from1], image[g][to1], s2,
                            image[g][from2], image[g][to2]);
                }
            }
            if (hasNodalImage()) {
                numerator += nodalImages();
            }
            hop(s2, to2, from2, s1, to1, from1);
            return quotient(numerator);
        }

        @Override
        public void applyHops(int s1, int from1, int to1, int s2, int from2, int to2) {
            FermionCache.requireTwoHops(occupations, l, s1, from1, to1, s2, from2, to2);
            hop(s1, from1, to1, s2, from2, to2);
            reset(occupations);
        }

        /** Moves the two particles in {@code occupations} (the images are left alone). */
        private void hop(int s1, int from1, int to1, int s2, int from2, int to2) {
            occupations[from1 + s1 * l] = 0;
            occupations[to1 + s1 * l] = 1;
            occupations[from2 + s2 * l] = 0;
            occupations[to2 + s2 * l] = 1;
        }

        @Override
        public void logPsi(double[] out) {
            out[0] = sum == 0 ? Double.NEGATIVE_INFINITY : max + Math.log(Math.abs(sum));
            out[1] = sum < 0 ? Math.PI : 0;
        }

        /** O_k = Σ_g (t_g / Σ t) O_k(g n). */
        @Override
        public void logDerivatives(double[] out, int offset) {
            java.util.Arrays.fill(out, offset, offset + derivatives.length, 0);
            for (int g = 0; g < image.length; g++) {
                if (term[g] != 0) {
                    images[g].logDerivatives(derivatives, 0);
                    double w = term[g] / sum;
                    for (int k = 0; k < derivatives.length; k++) {
                        out[offset + k] += w * derivatives[k];
                    }
                }
            }
        }
    }
}
