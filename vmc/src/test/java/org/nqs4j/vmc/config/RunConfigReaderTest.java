package org.nqs4j.vmc.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nqs4j.ansatz.HiddenActivation;

class RunConfigReaderTest {
    static final String MINIMAL = """
            lattice:
              type: chain
              length: 8
            hamiltonian:
              model: heisenberg
            """;

    static RunConfig read(String yaml, String... overrides) {
        ConfigValue.Mapping tree = YamlConfigParser.parse(yaml, "test.yaml");
        for (String o : overrides) {
            YamlConfigParser.override(tree, o);
        }
        return RunConfigReader.read(tree, Path.of("test.yaml"));
    }

    static String error(String yaml, String... overrides) {
        return assertThrows(ConfigException.class, () -> read(yaml, overrides)).getMessage();
    }

    @Test
    void minimalConfigGetsDocumentedDefaults() {
        RunConfig c = read(MINIMAL);
        assertEquals("test", c.name());
        assertEquals(8, c.lattice().nSites());
        assertEquals(8, c.lattice().edges().size());
        assertTrue(c.spinHilbert().hasFixedMagnetization(), "a Heisenberg model defaults to the S_z = 0 sector");
        assertEquals(0, c.spinHilbert().sumSigma());
        assertEquals("exchange", c.sampler().move());
        assertEquals("sr", c.preconditioner().type());
        assertEquals(1, c.ansatz().alpha());
        @SuppressWarnings("unchecked")
        Map<String, Object> sampler = (Map<String, Object>) c.resolved().get("sampler");
        assertEquals(16, sampler.get("chains"));
        assertEquals("spin", ((Map<?, ?>) c.resolved().get("hamiltonian")).get("units"));
    }

    @Test
    void spinUnitsQuarterThePauliHeisenbergCoupling() {
        // J S·S = (J/4) σ·σ: a Néel state's diagonal element is −J/4 per bond vs −J
        RunConfig spin = read(MINIMAL);
        RunConfig pauli = read(MINIMAL, "hamiltonian.units=pauli");
        int[] neel = {1, -1, 1, -1, 1, -1, 1, -1};
        var a = spin.hamiltonian().pauliOperator().newConnections();
        var b = pauli.hamiltonian().pauliOperator().newConnections();
        spin.hamiltonian().pauliOperator().connections(neel, a);
        pauli.hamiltonian().pauliOperator().connections(neel, b);
        for (int k = 0; k < a.size(); k++) {
            if (a.flipCount(k) == 0) {
                assertEquals(-8 * 0.25, a.re(k), 1e-15);
            }
        }
        for (int k = 0; k < b.size(); k++) {
            if (b.flipCount(k) == 0) {
                assertEquals(-8.0, b.re(k), 1e-15);
            }
        }
    }

    @Test
    void unknownKeyNamesFileLineKeyAndAllowedKeys() {
        String m = error(MINIMAL + "sampler:\n  chians: 4\n");
        assertTrue(m.startsWith("test.yaml:7: unknown key 'sampler.chians'"), m);
        assertTrue(m.contains("did you mean 'chains'"), m);
        assertTrue(m.contains("Allowed here: type, move, chains, samples, discard, sweep"), m);
    }

    @Test
    void wrongTypeIsReported() {
        String m = error(MINIMAL + "sampler:\n  chains: many\n");
        assertTrue(m.contains("test.yaml:7") && m.contains("'sampler.chains'") && m.contains("'many'"), m);
    }

    @Test
    void negativeSizeIsReported() {
        String m = error(MINIMAL.replace("length: 8", "length: -4"));
        assertTrue(m.contains("test.yaml:3") && m.contains("'lattice.length'") && m.contains("-4"), m);
    }

    @Test
    void zeroAlphaIsReported() {
        String m = error(MINIMAL + "ansatz:\n  alpha: 0\n");
        assertTrue(m.contains("'ansatz.alpha'") && m.contains("from 1"), m);
    }

    /** ffnn: two layers of N units and a larger initial scale by default; each density is checked. */
    @Test
    void feedForwardLayersAreReadAndChecked() {
        RunConfig c = read(MINIMAL + "ansatz:\n  type: ffnn\n");
        assertEquals(List.of(1, 1), c.ansatz().layers());
        assertEquals(0.1, c.ansatz().initScale());
        assertEquals(List.of(1, 1), ((Map<?, ?>) c.resolved().get("ansatz")).get("layers"));
        assertEquals(List.of(3, 2, 1), read(MINIMAL + "ansatz:\n  type: ffnn\n  layers: [3, 2, 1]\n").ansatz().layers());
        String m = error(MINIMAL + "ansatz:\n  type: ffnn\n  layers: [2, 0]\n");
        assertTrue(m.startsWith("test.yaml:8: key 'ansatz.layers'") && m.contains("item 2") && m.contains("from 1"), m);
        m = error(MINIMAL + "ansatz:\n  type: ffnn\n  layers: []\n");
        assertTrue(m.contains("'ansatz.layers'") && m.contains("at least one hidden layer"), m);
        m = error(MINIMAL + "ansatz:\n  type: ffnn\n  alpha: 2\n");
        assertTrue(m.contains("unknown key 'ansatz.alpha'") && m.contains("layers"), m);
        m = error(MINIMAL + "ansatz:\n  type: cnn\n");
        assertTrue(m.contains("'ansatz.type'") && m.contains("ffnn"), m);
    }

    /**
     * ansatz.activation of a gcnn or ffnn: log cosh unless poly6 is named; no other ansatz has the key. A warm
     * start from parameters trained with the other activation is refused (a run from before the key: log cosh).
     */
    @Test
    void hiddenActivationIsChosenByNameAndKeptByWarmStarts(@TempDir Path dir) throws IOException {
        String ring = MINIMAL.replace("length: 8", "length: 8\n  boundary: periodic");
        String gcnn = ring + "ansatz:\n  type: gcnn\n  projection: {group: translations}\n";
        assertEquals(HiddenActivation.LOG_COSH, read(gcnn).ansatz().hidden());
        assertEquals("log_cosh", ((Map<?, ?>) read(gcnn).resolved().get("ansatz")).get("activation"));
        assertEquals(HiddenActivation.POLY6, read(gcnn + "  activation: poly6\n").ansatz().hidden());
        String ffnn = MINIMAL + "ansatz:\n  type: ffnn\n";
        assertEquals(HiddenActivation.LOG_COSH, read(ffnn).ansatz().hidden());
        assertEquals(HiddenActivation.POLY6, read(ffnn + "  complex: false\n  activation: poly6\n").ansatz().hidden());
        String m = error(ffnn + "  activation: relu\n");
        assertTrue(m.contains("'ansatz.activation'") && m.contains("log_cosh, poly6"), m);
        m = error(MINIMAL + "ansatz:\n  type: rbm\n  activation: poly6\n");
        assertTrue(m.contains("unknown key 'ansatz.activation'"), m);

        Path npy = dir.resolve("parameters.npy");
        Files.writeString(npy, "not read by the config reader");
        String warm = gcnn + "  init_from: '" + npy + "'\n";
        Files.writeString(dir.resolve("config.resolved.yaml"), "seed: 1\nansatz: {type: gcnn}\n");
        assertEquals(HiddenActivation.LOG_COSH, read(warm).ansatz().hidden(), "a run from before the key");
        m = error(warm + "  activation: poly6\n");
        assertTrue(m.contains("'ansatz.init_from'") && m.contains("Set ansatz.activation: log_cosh"), m);
        Files.writeString(dir.resolve("config.resolved.yaml"), "seed: 1\nansatz: {type: gcnn, activation: poly6}\n");
        m = error(warm);
        assertTrue(m.contains("Set ansatz.activation: poly6"), m);
        assertEquals(HiddenActivation.POLY6, read(warm + "  activation: poly6\n").ansatz().hidden());
    }

    /** gcnn: features [4, 4] and kernel point_group by default on the space group; complex and projected only. */
    @Test
    void gcnnKeysAreReadAndChecked() {
        String ring = MINIMAL.replace("length: 8", "length: 8\n  boundary: periodic");
        RunConfig c = read(ring + "ansatz:\n  type: gcnn\n  projection: {group: space_group, spin_flip: +1}\n");
        assertEquals(List.of(4, 4), c.ansatz().layers());
        assertEquals(AnsatzSpec.Kernel.POINT_GROUP, c.ansatz().kernel());
        assertEquals(0.1, c.ansatz().initScale());
        assertEquals(List.of(4, 4), ((Map<?, ?>) c.resolved().get("ansatz")).get("features"));
        c = read(ring + "ansatz:\n  type: gcnn\n  features: [3]\n  projection: {group: translations}\n");
        assertEquals(List.of(3), c.ansatz().layers());
        assertEquals(AnsatzSpec.Kernel.FULL, c.ansatz().kernel());
        String m = error(ring + "ansatz:\n  type: gcnn\n");
        assertTrue(m.contains("'ansatz.projection'") && m.contains("group of its projection"), m);
        m = error(ring + "ansatz:\n  type: gcnn\n  complex: false\n  projection: {group: translations}\n");
        assertTrue(m.contains("'ansatz.complex'") && m.contains("complex parameters only"), m);
        m = error(ring + "ansatz:\n  type: gcnn\n  features: []\n  projection: {group: translations}\n");
        assertTrue(m.contains("'ansatz.features'") && m.contains("at least one layer"), m);
        m = error(ring + "ansatz:\n  type: gcnn\n  kernel: point_group\n  projection: {group: automorphisms}\n");
        assertTrue(m.contains("'ansatz.kernel'") && m.contains("no point group"), m);
        m = error(ring + "ansatz:\n  type: rbm\n  features: [2]\n");
        assertTrue(m.contains("unknown key 'ansatz.features'"), m);
    }

    @Test
    void translationSymmetryNeedsAPeriodicBravaisLattice() {
        RunConfig c = read(MINIMAL + "ansatz:\n  alpha: 2\n  symmetry: translations\n");
        assertTrue(c.ansatz().translationSymmetric());
        String m = error(MINIMAL.replace("length: 8", "length: 8\n  boundary: open") + "ansatz:\n  symmetry: translations\n");
        assertTrue(m.startsWith("test.yaml:8: key 'ansatz.symmetry'") && m.contains("periodic boundaries"), m);
        m = error(MINIMAL + "ansatz:\n  symmetry: rotations\n");
        assertTrue(m.contains("'ansatz.symmetry'") && m.contains("none") && m.contains("translations"), m);
    }

    @Test
    void pretrainingIsOnByDefaultWhereTheFullRbmHasMoreParametersThanSamples() {
        // L = 8: P = 8 + 8 + 64 = 80 <= 1008 samples; L = 32: P = 32 + 32 + 1024 = 1088 > 1008
        assertEquals(0, read(MINIMAL).ansatz().pretrainIterations());
        RunConfig c = read(MINIMAL, "lattice.length=32");
        assertEquals(150, c.ansatz().pretrainIterations(), "half of the 300 default iterations");
        @SuppressWarnings("unchecked")
        Map<String, Object> a = (Map<String, Object>) c.resolved().get("ansatz");
        assertEquals("symmetric", a.get("pretrain"));
        assertEquals(150, a.get("pretrain_iterations"));
        assertEquals(0, read(MINIMAL, "lattice.length=32", "sampler.samples=2000").ansatz().pretrainIterations());
        assertEquals(0, read(MINIMAL, "lattice.length=32", "ansatz.symmetry=translations").ansatz().pretrainIterations());
        assertEquals(0, read(MINIMAL, "lattice.length=32", "lattice.boundary=open").ansatz().pretrainIterations());
        assertEquals(0, read(MINIMAL, "lattice.length=32", "ansatz.pretrain=none").ansatz().pretrainIterations());
        assertEquals(40, read(MINIMAL, "ansatz.pretrain=symmetric", "ansatz.pretrain_iterations=40")
                .ansatz().pretrainIterations());
    }

    @Test
    void explicitPretrainingNeedsTranslationsAndFewerIterationsThanTheRun() {
        String m = error(MINIMAL, "lattice.boundary=open", "ansatz.pretrain=symmetric");
        assertTrue(m.contains("'ansatz.pretrain'") && m.contains("periodic boundaries"), m);
        m = error(MINIMAL, "ansatz.symmetry=translations", "ansatz.pretrain=symmetric");
        assertTrue(m.contains("'ansatz.pretrain'") && m.contains("symmetry: none"), m);
        m = error(MINIMAL, "ansatz.pretrain=symmetric", "ansatz.pretrain_iterations=300");
        assertTrue(m.contains("'ansatz.pretrain_iterations'"), m);
        m = error(MINIMAL, "ansatz.pretrain_iterations=30");
        assertTrue(m.contains("'ansatz.pretrain_iterations'") && m.contains("pretrain: symmetric"), m);
        m = error(MINIMAL, "ansatz.pretrain=always");
        assertTrue(m.contains("'ansatz.pretrain'") && m.contains("auto"), m);
    }

    /**
     * The pretraining RBM is translation invariant (momentum 0): projected onto a sector of momentum
     * k ≠ 0 it vanishes identically, so such a run gets no pretraining (auto) or a clear error.
     */
    @Test
    void pretrainingNeedsAProjectionAtZeroMomentum() {
        String yaml = """
                lattice: {type: chain, length: 32}
                hamiltonian: {model: heisenberg}
                ansatz: {type: rbm, complex: true, projection: {group: translations, momentum: [1]}}
                """;
        assertEquals(0, read(yaml).ansatz().pretrainIterations());
        String m = error(yaml, "ansatz.pretrain=symmetric");
        assertTrue(m.contains("'ansatz.pretrain'") && m.contains("momentum"), m);
        assertEquals(150, read(yaml.replace("[1]", "[0]")).ansatz().pretrainIterations());
    }

    @Test
    void projectionNeedsCoordinatesForThePointGroupAndSzZeroForTheSpinFlip() {
        RunConfig c = read(MINIMAL + "ansatz:\n  projection: point_group+spin_flip\n");
        assertTrue(c.ansatz().projectsPointGroup() && c.ansatz().projectsSpinFlip());
        assertTrue(!read(MINIMAL).ansatz().projectsPointGroup(), "off by default");
        String custom = """
                lattice: {type: custom, sites: 3, edges: [[0, 1], [1, 2]]}
                hamiltonian: {model: heisenberg}
                ansatz: {projection: point_group}
                """;
        String m = error(custom);
        assertTrue(m.startsWith("test.yaml:3: key 'ansatz.projection'") && m.contains("no coordinates"), m);
        m = error(MINIMAL + "hilbert:\n  total_sz: 1\nansatz:\n  projection: spin_flip\n");
        assertTrue(m.contains("'ansatz.projection'") && m.contains("S_z = 0 sector"), m);
        m = error(MINIMAL + "ansatz:\n  projection: rotations\n");
        assertTrue(m.contains("'ansatz.projection'") && m.contains("point_group+spin_flip"), m);
    }

    @Test
    void latticesWithoutEdgesAreReported() {
        assertTrue(error(MINIMAL.replace("length: 8", "length: 1")).contains("has no bonds"));
        String custom = """
                lattice:
                  type: custom
                  sites: 4
                  edges: []
                hamiltonian:
                  model: heisenberg
                """;
        assertTrue(error(custom).contains("at least one edge"));
    }

    @Test
    void unknownModelListsTheModels() {
        String m = error(MINIMAL.replace("heisenberg", "hofstadter"));
        assertTrue(m.contains("'hamiltonian.model'") && m.contains("hofstadter")
                && m.contains("heisenberg, xxz, ising, j1j2, pauli, hubbard, spinless_fermions, bose_hubbard"), m);
    }

    @Test
    void missingRequiredKeyNamesTheSection() {
        String m = error("lattice:\n  type: chain\nhamiltonian:\n  model: heisenberg\n");
        assertTrue(m.contains("'lattice'") && m.contains("'length'"), m);
        assertTrue(error("hamiltonian:\n  model: ising\n  h: 1\n").contains("'type'"));
    }

    @Test
    void duplicateKeysAndBrokenYamlAreReported() {
        assertTrue(error(MINIMAL + "seed: 1\nseed: 2\n").contains("appears twice"));
        assertTrue(error("lattice: [unclosed\n").contains("not valid YAML"));
    }

    @Test
    void impossibleMagnetisationAndMarshallOnATriangleAreReported() {
        assertTrue(error(MINIMAL + "hilbert:\n  total_sz: 0.5\n").contains("impossible"));
        String triangle = """
                lattice:
                  type: custom
                  sites: 3
                  edges: [[0, 1], [1, 2], [2, 0]]
                hamiltonian:
                  model: heisenberg
                  marshall_sign: true
                hilbert:
                  total_sz: 0.5
                """;
        assertTrue(error(triangle).contains("bipartite"));
    }

    /**
     * Marshall's rule is on by default exactly where the Marshall–Lieb–Mattis theorem holds: the
     * antiferromagnetic Heisenberg and XXZ models on a bipartite lattice.
     */
    @Test
    void marshallSignDefaultsOnForBipartiteAntiferromagnets() {
        assertTrue(read(MINIMAL).hamiltonian().marshallSign());
        assertTrue(read(MINIMAL, "hamiltonian.model=xxz", "hamiltonian.delta=-0.5").hamiltonian().marshallSign());
        assertFalse(read(MINIMAL, "hamiltonian.marshall_sign=false").hamiltonian().marshallSign());
        assertFalse(read(MINIMAL, "hamiltonian.J=-1").hamiltonian().marshallSign(), "a ferromagnet is already positive");
        assertFalse(read(MINIMAL, "lattice.length=9").hamiltonian().marshallSign(), "an odd ring is not bipartite");
        assertFalse(read(MINIMAL, "lattice.next_nearest=true", "hamiltonian.model=j1j2", "hamiltonian.J2=0.5")
                .hamiltonian().marshallSign(), "j1j2: the rule is only a prior");
        assertFalse(read(MINIMAL + "ansatz:\n  symmetry: translations\n  projection: {group: point_group, irrep: A1}\n")
                .hamiltonian().marshallSign(), "a sector is named in the basis as written");
    }

    @Test
    void flipMovesOnAFixedMagnetisationAreRefused() {
        String m = error(MINIMAL + "sampler:\n  move: flip\n");
        assertTrue(m.contains("'sampler.move'") && m.contains("exchange"), m);
    }

    @Test
    void overridesReplaceValuesAndAreNamedInErrors() {
        RunConfig c = read(MINIMAL, "lattice.length=10", "optimizer.learning_rate=0.03");
        assertEquals(10, c.lattice().nSites());
        assertEquals(0.03, c.optimizer().learningRate());
        String m = error(MINIMAL, "sampler.chains=-1");
        assertTrue(m.startsWith("--set sampler.chains=-1"), m);
        assertTrue(error(MINIMAL, "nonsense").contains("key=value"));
    }

    @Test
    void samplesAreRoundedUpToWholeChains() {
        RunConfig c = read(MINIMAL + "sampler:\n  chains: 16\n  samples: 1000\n");
        assertEquals(63, c.sampler().samplesPerChain());
        assertEquals(1008, ((Map<?, ?>) c.resolved().get("sampler")).get("samples"));
    }

    @Test
    void pauliTermsBuildAnyModel() {
        // −Σ ZZ − Σ X on a ring written as Pauli strings equals the built-in Ising model
        String yaml = """
                lattice: {type: chain, length: 6}
                hamiltonian:
                  model: pauli
                  terms:
                    - {coefficient: -1.0, operators: ZZ, on: bonds}
                    - {coefficient: -1.0, operators: X, on: sites}
                """;
        String ising = "lattice: {type: chain, length: 6}\nhamiltonian: {model: ising, h: 1.0}\n";
        assertEquals(read(ising).hamiltonian().pauliOperator().terms().size(),
                read(yaml).hamiltonian().pauliOperator().terms().size());
        assertTrue(read(yaml).hamiltonian().pauliOperator().terms().containsAll(read(ising).hamiltonian().pauliOperator().terms()));
        assertFalse(read(yaml).spinHilbert().hasFixedMagnetization());
        String bad = yaml.replace("operators: X, on: sites", "operators: Q, on: sites");
        assertTrue(error(bad).contains("X, Y, Z"));
    }

    @Test
    void observablesAreBuiltAndValidated() {
        RunConfig c = read(MINIMAL + """
                observables:
                  - type: staggered_magnetization
                  - {type: correlation, sites: [0, 4], component: zz}
                  - {type: structure_factor, momentum: [4]}
                """);
        assertEquals(List.of("staggered_magnetization_squared", "zz_0_4", "structure_factor"),
                c.observables().stream().map(ObservableSpec::name).toList());
        assertTrue(error(MINIMAL + "observables:\n  - {type: correlation, sites: [3, 3]}\n").contains("distinct"));
    }

    @Test
    void observableFamiliesExpandToEveryDisplacementAndMomentum() {
        RunConfig c = read(MINIMAL + "observables:\n  - {type: correlations}\n  - {type: structure_factors}\n");
        assertEquals(16, c.observables().size());
        assertEquals("C(0)", c.observables().get(0).name());
        assertEquals(List.of(3), c.observables().get(3).coordinate());
        assertEquals("structure_factor", c.observables().get(8).group());
        RunConfig square = read("lattice: {type: square, length: 3}\nhamiltonian: {model: ising, h: 1}\n"
                + "observables: [{type: correlations, component: zz}]\n");
        assertEquals(9, square.observables().size());
        assertEquals("C(2,1)", square.observables().get(5).name());
        String custom = "lattice: {type: custom, sites: 3, edges: [[0, 1], [1, 2]]}\nhamiltonian: {model: ising, h: 1}\n"
                + "observables: [{type: correlations}]\n";
        assertTrue(error(custom).contains("custom graph"));
        String big = "lattice: {type: square, length: 10}\nhamiltonian: {model: heisenberg}\n"
                + "observables: [{type: correlations}]\n";
        assertTrue(error(big).contains("component: zz"));
        assertEquals(100, read(big.replace("{type: correlations}", "{type: correlations, component: zz}"))
                .observables().size());
    }

    /** Exchanges conserve S_z: on an unconstrained space each chain would keep its start's sector. */
    @Test
    void exchangeMovesOnAnUnconstrainedSpaceAreRefused() {
        for (String move : new String[] {"exchange", "exchange-any"}) {
            String m = error(MINIMAL + "hilbert: {total_sz: none}\nsampler:\n  move: " + move + "\n");
            assertTrue(m.startsWith("test.yaml:8:") && m.contains("'sampler.move'") && m.contains("flip"), m);
        }
        assertEquals("flip", read(MINIMAL + "hilbert: {total_sz: none}\n").sampler().move());
    }

    /**
     * ansatz.grow: α and the step increase, the step lies inside the run, the added units' width is
     * positive (default 0.001), the samples per step are the previous stage's unless given (rounded up
     * to whole chains; not with full_sum); an rbm only; no automatic symmetric pretraining with it.
     */
    @Test
    void growthStagesAreReadAndCheckedAtTheirLines() {
        String ring = "iterations: 100\nlattice: {type: chain, length: 8}\nhamiltonian: {model: heisenberg}\n";
        RunConfig c = read(ring + "ansatz:\n  alpha: 2\n  grow: [{alpha: 4, after: 40}, {alpha: 8, after: 70, init_scale: 0.01}]\n");
        assertEquals(List.of(new AnsatzSpec.Growth(4, 40, 0.001, 63), new AnsatzSpec.Growth(8, 70, 0.01, 63)),
                c.ansatz().growth());
        assertEquals(20 * 1008, c.evaluation().samples());
        c = read(ring + "sampler: {samples: 512}\nansatz:\n  alpha: 2\n"
                + "  grow: [{alpha: 4, after: 40, samples: 2000}, {alpha: 8, after: 70}]\n");
        assertEquals(List.of(new AnsatzSpec.Growth(4, 40, 0.001, 125), new AnsatzSpec.Growth(8, 70, 0.001, 125)),
                c.ansatz().growth(), "2,000 samples are 125 per chain of 16, and the next stage keeps them");
        assertEquals(32, c.ansatz().samplesPerChain(0, c.sampler()));
        assertEquals(20 * 2000, c.evaluation().samples(), "the final estimate defaults to 20 steps of the last stage");
        assertTrue(c.resolved().toString().contains("samples=2000"), c.resolved().toString());
        assertEquals(2, c.ansatz().alpha());
        assertEquals(8, c.ansatz().finalAlpha());
        assertEquals(0, c.ansatz().pretrainIterations(), "auto pretraining does not apply to a growing RBM");
        String grow = ring + "ansatz:\n  alpha: 2\n  grow: %s\n";
        for (String[] bad : new String[][] {
                {"[{alpha: 2, after: 40}]", "'ansatz.grow[1].alpha'", "from 3"},
                {"[{alpha: 4, after: 40}, {alpha: 8, after: 40}]", "'ansatz.grow[2].after'", "from 41"},
                {"[{alpha: 4, after: 100}]", "'ansatz.grow[1].after'", "to 99"},
                {"[{alpha: 4, after: 40, init_scale: 0}]", "'ansatz.grow[1].init_scale'", "stationary"},
                {"[{alpha: 4, after: 40, samples: 0}]", "'ansatz.grow[1].samples'", "from 1"},
                {"[]", "'ansatz.grow'", "remove it"}}) {
            String m = error(grow.formatted(bad[0]));
            assertTrue(m.contains(bad[1]) && m.contains(bad[2]), m);
        }
        String m = error(ring + "ansatz:\n  type: ffnn\n  grow: [{alpha: 4, after: 40}]\n");
        assertTrue(m.contains("'ansatz.grow'") && m.contains("rbm"), m);
        m = error(ring + "ansatz:\n  pretrain: symmetric\n  grow: [{alpha: 4, after: 40}]\n");
        assertTrue(m.contains("'ansatz.pretrain'") && m.contains("grow"), m);
        m = error(ring + "sampler: {type: full_sum}\nansatz:\n  grow: [{alpha: 4, after: 40, samples: 64}]\n");
        assertTrue(m.contains("'ansatz.grow[1].samples'") && m.contains("full_sum"), m);
    }

    /**
     * A projected complex RBM starts with √M·N·s² = 0.5 rad of phase spread between its images: kagome
     * 2×2, symmetric α = 4 (M = 16, N = 12); at k ≠ 0 its features are tied over the translations that
     * keep k (2 of 4: M = 8); a plain RBM α = 2 on 4×4 (M = 32, N = 16). Real, unprojected or written
     * widths keep 0.01 or theirs.
     */
    @Test
    void aProjectedComplexRbmStartsWithHalfARadianOfPhaseSpread() {
        String kagome = "lattice: {type: kagome, extent: [2, 2]}\nhamiltonian: {model: heisenberg}\n";
        String symmetric = kagome + "ansatz: {alpha: 4, symmetry: translations, projection: %s}\n";
        assertEquals(Math.sqrt(0.5 / (4 * 12)), read(symmetric.formatted("{group: point_group, irrep: B1}"))
                .ansatz().initScale(), 1e-15);
        assertEquals(Math.sqrt(0.5 / (Math.sqrt(8) * 12)), read(symmetric.formatted(
                "{group: space_group, momentum: [1, 0]}")).ansatz().initScale(), 1e-15);
        String square = "lattice: {type: square, length: 4}\nhamiltonian: {model: heisenberg}\n";
        RunConfig plain = read(square + "ansatz: {alpha: 2, projection: point_group}\n");
        assertEquals(Math.sqrt(0.5 / (Math.sqrt(32) * 16)), plain.ansatz().initScale(), 1e-15);
        assertEquals(plain.ansatz().initScale(), ((Map<?, ?>) plain.resolved().get("ansatz")).get("init_scale"));
        assertEquals(0.01, read(square + "ansatz: {alpha: 2, complex: false, projection: point_group}\n")
                .ansatz().initScale());
        assertEquals(0.01, read(square + "ansatz: {alpha: 2}\n").ansatz().initScale());
        assertEquals(0.2, read(square + "ansatz: {alpha: 2, projection: point_group, init_scale: 0.2}\n")
                .ansatz().initScale());
    }

    /**
     * A projection with a character ≠ 1 puts nodes in ψ that can wall chains of bond exchanges into part
     * of the sector: there the default move is exchange-any (and config.resolved.yaml says so); the
     * trivial sector keeps bond exchanges, and a move written in the config is kept.
     */
    @Test
    void projectionsWithNodesDefaultToExchangesBetweenAnyTwoSites() {
        String kagome = "lattice: {type: kagome, extent: [2, 2]}\nhamiltonian: {model: heisenberg}\n";
        for (String sector : new String[] {"{group: point_group, irrep: B1}", "{group: translations, momentum: [1, 0]}",
                "{group: point_group, spin_flip: -1}", "{group: translations, spin_flip: -1}"}) {
            RunConfig c = read(kagome + "ansatz:\n  projection: " + sector + "\n");
            assertEquals("exchange-any", c.sampler().move(), sector);
            assertEquals("exchange-any", ((Map<?, ?>) c.resolved().get("sampler")).get("move"), sector);
            assertEquals("exchange", read(kagome + "ansatz:\n  projection: " + sector + "\nsampler: {move: exchange}\n")
                    .sampler().move(), sector);
        }
        for (String trivial : new String[] {"{group: space_group, irrep: A1, spin_flip: +1}", "point_group", "none"}) {
            assertEquals("exchange", read(kagome + "ansatz:\n  projection: " + trivial + "\n").sampler().move(), trivial);
        }
    }

    /**
     * Every schedule is validated by one rule, the schedule's own: v₀ &gt; 0, decay in (0, 1],
     * floor in [0, v₀]. diag_shift: 0 was accepted and then failed in the set-up.
     */
    @Test
    void schedulesAreValidatedAsTheSetUpNeedsThem() {
        String zero = error(MINIMAL + "preconditioner: {diag_shift: 0, solver: cholesky}\n");
        assertTrue(zero.contains("'preconditioner.diag_shift'") && zero.contains("positive"), zero);
        String floor = error(MINIMAL + "preconditioner: {diag_shift: 0.01, shift_min: 0.1}\n");
        assertTrue(floor.contains("'preconditioner.shift_min'") && floor.contains("[0, diag_shift = 0.01]"), floor);
        String decay = error(MINIMAL + "preconditioner: {shift_decay: 0}\n");
        assertTrue(decay.contains("'preconditioner.shift_decay'") && decay.contains("(0, 1]"), decay);
        String lr = error(MINIMAL + "optimizer: {learning_rate: 0.01, learning_rate_min: 0.02}\n");
        assertTrue(lr.contains("'optimizer.learning_rate_min'"), lr);
        assertEquals(1e-4, read(MINIMAL).preconditioner().shiftMin());
        assertEquals(1e-5, read(MINIMAL + "preconditioner: {diag_shift: 1e-5}\n").preconditioner().shiftMin());
    }

    /** Spin runs keep the plain absolute shift unless asked: diag_scale defaults to 0 and is read when given. */
    @Test
    void diagScaleIsTheRelativePartOfAnAbsoluteShift() {
        assertEquals(0.0, read(MINIMAL).preconditioner().diagScale());
        assertEquals(0.05, read(MINIMAL + "preconditioner: {diag_scale: 0.05}\n").preconditioner().diagScale());
        assertTrue(error(MINIMAL + "preconditioner: {diag_scale: -1}\n").contains("diag_scale"));
    }

    /** The sample-space solver takes a relative shift (Woodbury form), as auto already lets it. */
    @Test
    void minsrAcceptsARelativeShift() {
        PreconditionerSpec p = read(MINIMAL + "preconditioner: {solver: minsr, shift_mode: relative}\n").preconditioner();
        assertEquals("minsr", p.solver());
        assertEquals("relative", p.shiftMode());
    }

    /** A recursive alias, deep nesting and an alias bomb are refused with a line, not a stack trace. */
    @Test
    void theYamlParserIsBounded() {
        String recursive = error("a: &x [1, *x]\n" + MINIMAL);
        assertTrue(recursive.startsWith("test.yaml:1:") && recursive.contains("recursive alias"), recursive);
        String deep = error("a: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n" + MINIMAL);
        assertTrue(deep.startsWith("test.yaml:1:") && deep.contains("nest more than"), deep);
        StringBuilder bomb = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int k = 1; k <= 9; k++) {
            bomb.append("a").append(k).append(": &a").append(k).append(" [").append(
                    String.join(", ", java.util.Collections.nCopies(5, "*a" + (k - 1)))).append("]\n");
        }
        String b = error(bomb + MINIMAL);
        assertTrue(b.contains("expand to more than"), b);
    }

    /**
     * A run whose arrays cannot fit the heap is refused before it starts, with the estimate: 10⁸
     * samples per step (log-derivative rows of 32 doubles each: 25.6 GB alone), or an RBM of
     * α = 1024 on 4096 sites (1.7 · 10¹⁰ weights: 5 TB with their tables and the driver's vectors).
     */
    @Test
    void runsThatCannotFitTheHeapAreRefusedWithTheEstimate() {
        String samples = error(MINIMAL + "sampler: {samples: 100000000}\n");
        assertTrue(samples.startsWith("test.yaml:6:") && samples.contains("key 'sampler.samples'")
                && samples.contains("GB") && samples.contains("log-derivative rows"), samples);
        String rbm = error("lattice: {type: chain, length: 4096}\nhamiltonian: {model: heisenberg}\n"
                + "ansatz: {alpha: 1024}\n");
        assertTrue(rbm.contains("key 'ansatz.alpha'") && rbm.contains("TB"), rbm);
        // on any heap: one array of 1.7e10 weights is more than Java allows
        String yaml = "lattice: {type: chain, length: 4096}\nhamiltonian: {model: heisenberg}\nansatz: {alpha: 1024}\n";
        ConfigValue.Mapping tree = YamlConfigParser.parse(yaml, "big.yaml");
        String array = assertThrows(ConfigException.class,
                () -> RunConfigReader.read(tree, Path.of("big.yaml"), Long.MAX_VALUE)).getMessage();
        assertTrue(array.startsWith("big.yaml:3:") && array.contains("2^31"), array);
        RunConfig ok = read(MINIMAL);
        List<MemoryEstimate.Term> terms = MemoryEstimate.terms(ok);
        // RBM N = M = 8, complex: 12·64 weight doubles and 4 exchange tables of 8 bonds × 8 hidden units;
        // 1008 samples × 2 × (8 + 8) row doubles
        assertEquals(8 * (12 * 64 + 4 * 8 * 8.0), terms.stream().filter(t -> t.what().startsWith("ansatz")).findFirst()
                .orElseThrow().bytes());
        assertEquals(8 * 1008 * 2 * 16.0, terms.stream().filter(t -> t.what().equals("log-derivative rows"))
                .findFirst().orElseThrow().bytes());
        // a growing RBM: its final α (M = 24) with the most samples of any stage (4,000)
        RunConfig grown = read(MINIMAL + "iterations: 100\n"
                + "ansatz: {alpha: 1, grow: [{alpha: 2, after: 40, samples: 4000}, {alpha: 3, after: 60, samples: 2000}]}\n");
        assertEquals(8 * 4000 * 2 * 32.0, MemoryEstimate.terms(grown).stream()
                .filter(t -> t.what().equals("log-derivative rows")).findFirst().orElseThrow().bytes());
    }

    /** preconditioner.momentum (SPRING): 0 by default, in [0, 1), refused at 1 with the reason. */
    @Test
    void springMomentumIsReadAndBounded() {
        assertEquals(0.0, read(MINIMAL).preconditioner().momentum());
        assertEquals(0.9, read(MINIMAL + "preconditioner: {momentum: 0.9}\n").preconditioner().momentum());
        String m = error(MINIMAL + "preconditioner: {momentum: 1}\n");
        assertTrue(m.contains("'preconditioner.momentum'") && m.contains("never forgets"), m);
        m = error(MINIMAL + "preconditioner: {momentum: -0.5}\n");
        assertTrue(m.contains("'preconditioner.momentum'"), m);
    }

    @Test
    void latticesWithABasisAndNeighbourShells() {
        RunConfig c = read("lattice: {type: triangular, length: 4}\nhamiltonian: {model: heisenberg}\n");
        assertEquals(16, c.lattice().nSites());
        assertEquals(48, c.lattice().edges().size(), "z = 6: 3N bonds");
        c = read("lattice: {type: honeycomb, extent: [3, 2]}\nhamiltonian: {model: heisenberg}\n");
        assertEquals(12, c.lattice().nSites());
        assertEquals(18, c.lattice().edges().size(), "z = 3: 3N/2 bonds");
        c = read("lattice: {type: kagome, length: 2, max_neighbor_order: 2}\nhamiltonian: {model: j1j2, J2: 0.2}\n");
        assertEquals(12, c.lattice().nSites());
        assertEquals(24, c.lattice().edges(1).size(), "kagome next-nearest neighbours: z2 = 4");
        assertEquals(2, ((Map<?, ?>) c.resolved().get("lattice")).get("max_neighbor_order"));
        c = read("lattice: {type: square, length: 4, next_nearest: true}\nhamiltonian: {model: j1j2, J2: 0.5}\n");
        assertEquals(2, c.lattice().nColours());
        String m = error("lattice: {type: kagome, length: 2, next_nearest: true, max_neighbor_order: 3}\n"
                + "hamiltonian: {model: heisenberg}\n");
        assertTrue(m.contains("'lattice.max_neighbor_order'") && m.contains("give one of the two"), m);
        m = error("lattice: {type: triangular, length: 2, extent: [2, 3]}\nhamiltonian: {model: heisenberg}\n");
        assertTrue(m.contains("'lattice.extent'") && m.contains("either length"), m);
        m = error("lattice: {type: honeycomb, length: 2, max_neighbor_order: 9}\nhamiltonian: {model: heisenberg}\n");
        assertTrue(m.contains("'lattice.max_neighbor_order'"), m);
    }

    @Test
    void projectionSectionsNameAMomentumAnIrrepAndASpinParity() {
        String kagome = "lattice: {type: kagome, length: 2}\nhamiltonian: {model: heisenberg}\n";
        RunConfig c = read(kagome + "ansatz: {projection: {group: space_group, irrep: b1, spin_flip: +1}}\n");
        ProjectionSpec.LatticeSector sector = (ProjectionSpec.LatticeSector) c.ansatz().projection();
        assertEquals(java.util.Optional.of("B1"), sector.irrep());
        assertEquals(List.of(0, 0), sector.momentum());
        assertEquals(1, sector.spinParity());
        c = read(kagome + "ansatz: {projection: {group: translations, momentum: [1, 0]}}\n");
        assertEquals(0, c.ansatz().projection().spinParity());
        String m = error(kagome + "ansatz: {projection: {group: point_group, irrep: T2}}\n");
        assertTrue(m.startsWith("test.yaml:3: section 'ansatz.projection'") && m.contains("A1, A2, B1, B2, E1, E2"), m);
        m = error("lattice: {type: triangular, length: 3}\nhamiltonian: {model: heisenberg}\nhilbert: {total_sz: 0.5}\n"
                + "ansatz: {complex: false, projection: {group: space_group, momentum: [1, 1]}}\n");
        assertTrue(m.contains("'ansatz.projection.momentum'") && m.contains("complex characters"), m);
        c = read(kagome + "ansatz: {symmetry: translations, projection: {group: space_group, momentum: [1, 0]}}\n");
        assertEquals(List.of(1, 0), ((ProjectionSpec.LatticeSector) c.ansatz().projection()).momentum());
        m = error(kagome + "ansatz: {projection: {group: space_group, spin_flip: 0}}\n");
        assertTrue(m.contains("'ansatz.projection.spin_flip'") && m.contains("+1 (even) or -1 (odd)"), m);
        m = error(kagome + "ansatz: {projection: {group: space_group, momentum: [1]}}\n");
        assertTrue(m.contains("'ansatz.projection.momentum'") && m.contains("needs 2 integer(s)"), m);
        String custom = "lattice: {type: custom, sites: 4, edges: [[0, 1], [1, 2], [2, 3], [3, 0]]}\n"
                + "hamiltonian: {model: heisenberg}\n";
        c = read(custom + "ansatz: {projection: {group: automorphisms, spin_flip: -1}}\n");
        assertEquals(new ProjectionSpec.Automorphisms(-1), c.ansatz().projection());
        m = error(custom + "ansatz: {projection: {group: space_group}}\n");
        assertTrue(m.contains("no coordinates") && m.contains("automorphisms"), m);
    }

    /**
     * evaluation.fresh_chains: auto by default, none (or false), or a number of samples; a number asks for Markov
     * chains (not exact or full_sum, whose samples cover the sector), and the resolved config says what was used.
     */
    @Test
    void freshChainsAreAutoNoneOrSamples() {
        RunConfig c = read(MINIMAL);
        assertEquals(new FreshChains.Auto(), c.evaluation().freshChains());
        assertTrue(c.resolved().toString().contains("fresh_chains=auto"), c.resolved().toString());
        assertEquals(new FreshChains.Off(), read(MINIMAL + "evaluation: {fresh_chains: none}\n").evaluation().freshChains());
        assertEquals(new FreshChains.Off(), read(MINIMAL + "evaluation: {fresh_chains: false}\n").evaluation().freshChains());
        assertEquals(new FreshChains.Samples(2000),
                read(MINIMAL, "evaluation.fresh_chains=2000").evaluation().freshChains());
        for (String bad : new String[] {"0", "-5", "some", "1.5"}) {
            String m = error(MINIMAL + "evaluation: {fresh_chains: " + bad + "}\n");
            assertTrue(m.contains("'evaluation.fresh_chains'") && m.contains("auto, none or a number"), m);
        }
        String exact = MINIMAL + "sampler: {type: exact}\n";
        assertEquals(new FreshChains.Off(), read(exact).evaluation().freshChains(), "nothing to check by default");
        String m = error(exact + "evaluation: {fresh_chains: 1000}\n");
        assertTrue(m.contains("'evaluation.fresh_chains'") && m.contains("no Markov chains"), m);
    }
}
