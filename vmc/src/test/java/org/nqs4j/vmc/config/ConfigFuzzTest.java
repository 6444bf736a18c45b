package org.nqs4j.vmc.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.nqs4j.hamiltonians.SpinHilbert;
import org.nqs4j.vmc.run.RunSetup;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;

/**
 * The config loader and the run's set-up on damaged input: random edits of the example configs
 * either load and set up (wave function, sampler, solver, driver: {@link RunSetup}) or fail with a
 * {@link ConfigException} naming the file; nothing else ever escapes. Also: every resolved
 * config (the one written to the run folder) reads back to itself, as {@code nqs resume} needs.
 */
class ConfigFuzzTest {
    private static final String[] VALUES = {"-1", "0", "1e999", "nan", ".inf", "-.inf", "~", "null", "[]", "{}", "yes",
        "99999999999999999999", "0x10", "1.5", "\"\"", "[1, [2]]", "{a: 1}", "*x", "&x 3", "!!binary AAAA", "'", "\"",
        "2147483648", "-2147483649", "1e-320", "true", "[0, 0]", "[-1, 99]", "abc", "|\n  text"};
    private static final String NOISE = ":-[]{}#\"'&*!|>,%@ \t\n0123456789abcXYZ.";

    static List<String> examples() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("../examples"))) {
            List<String> out = new ArrayList<>();
            for (Path p : s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                out.add(Files.readString(p));
            }
            return out;
        }
    }

    static String mutate(String text, SplittableRandom rng) {
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        int edits = 1 + rng.nextInt(3);
        for (int e = 0; e < edits && !lines.isEmpty(); e++) {
            int i = rng.nextInt(lines.size());
            String line = lines.get(i);
            switch (rng.nextInt(8)) {
                case 0 -> lines.remove(i);
                case 1 -> lines.add(rng.nextInt(lines.size() + 1), line);
                case 2 -> java.util.Collections.swap(lines, i, rng.nextInt(lines.size()));
                case 3 -> lines.set(i, (rng.nextBoolean() ? "  " : "") + line.stripLeading());
                case 4 -> {
                    int colon = line.indexOf(':');
                    if (colon > 0) {
                        lines.set(i, line.substring(0, colon + 1) + " " + VALUES[rng.nextInt(VALUES.length)]);
                    }
                }
                case 5 -> {
                    if (!line.isEmpty()) {
                        int at = rng.nextInt(line.length());
                        lines.set(i, line.substring(0, at) + NOISE.charAt(rng.nextInt(NOISE.length()))
                                + line.substring(at + 1));
                    }
                }
                case 6 -> lines.set(i, line.replaceFirst("[a-z_]+", "xq" + rng.nextInt(10)));
                default -> {
                    String joined = String.join("\n", lines);
                    return joined.substring(0, rng.nextInt(joined.length() + 1));
                }
            }
        }
        return String.join("\n", lines);
    }

    /**
     * Reads a config as nqs exact does (every Hilbert space; nqs run reads the same and refuses
     * fermions and bosons), or as nqs sweep reads its first point when it declares a sweep.
     */
    static RunConfig read(String text, String source) {
        return RunConfigReader.readForExact(firstPoint(text, source), Path.of(source));
    }

    /** Reads a config as nqs run does (spin Hilbert spaces only, with the memory estimate). */
    static RunConfig readForRun(String text, String source) {
        return RunConfigReader.read(firstPoint(text, source), Path.of(source));
    }

    private static ConfigValue.Mapping firstPoint(String text, String source) {
        ConfigValue.Mapping tree = YamlConfigParser.parse(text, source);
        SweepSpec.extract(tree).ifPresent(s -> s.points().get(0).applyTo(tree));
        return tree;
    }

    @Test
    void damagedConfigsLoadOrFailWithAConfigExceptionNamingTheFile() throws IOException {
        List<String> examples = examples();
        assertTrue(examples.size() >= 3, "examples/ not found from " + Path.of("").toAbsolutePath());
        SplittableRandom rng = new SplittableRandom(20240601);
        int failures = 0;
        for (int k = 0; k < 3000; k++) {
            String text = mutate(examples.get(k % examples.size()), rng);
            try {
                if (read(text, "fuzz.yaml").hilbert() instanceof SpinHilbert) { // nqs run sets up spins only
                    RunSetup.build(readForRun(text, "fuzz.yaml")).close();
                }
            } catch (ConfigException e) {
                failures++;
                assertTrue(e.getMessage() != null && e.getMessage().contains("fuzz.yaml"),
                        "message without the file: " + e.getMessage() + "\n--- input:\n" + text);
            } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                fail("case " + k + ": " + e + "\n--- input:\n" + text, e);
            }
        }
        assertTrue(failures > 500, "the mutations should break many configs, broke " + failures);
    }

    @Test
    void resolvedConfigsReadBackToThemselves() throws IOException {
        List<String> texts = new ArrayList<>(examples());
        texts.add("""
                lattice: {type: square, length: 4, next_nearest: true}
                hamiltonian: {model: j1j2, J2: 0.5}
                ansatz: {type: jastrow}
                optimizer: {type: adam}
                preconditioner: {shift_mode: relative, shift_decay: 0.9, solver: cg}
                sampler: {samples: 1000, chains: 7}
                observables:
                  - {type: structure_factor, momentum: [2, 2]}
                  - {type: correlation, sites: [0, 5], component: zz}
                  - {type: pauli, terms: [{coefficient: 0.5, operators: XX, on: bonds, colour: 1}]}
                checkpoint: {every: 0}
                """);
        DumpSettings settings = DumpSettings.builder().setDefaultFlowStyle(FlowStyle.BLOCK).build();
        for (String text : texts) {
            RunConfig first = read(text, "a.yaml");
            String dumped = new Dump(settings).dumpToString(first.resolved());
            RunConfig again = RunConfigReader.readForExact(YamlConfigParser.parse(dumped, "config.resolved.yaml"),
                    Path.of("config.resolved.yaml"));
            Map<String, Object> r = again.resolved();
            assertEquals(dumped, new Dump(settings).dumpToString(r));
            assertEquals(first.name(), again.name());
            assertEquals(first.threads(), again.threads());
            assertEquals(first.seed(), again.seed());
            assertEquals(first.sampler(), again.sampler());
            assertEquals(first.checkpointEvery(), again.checkpointEvery());
        }
    }
}
