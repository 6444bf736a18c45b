package org.nqs4j.vmc.cli;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.nqs4j.vmc.config.ConfigException;
import org.nqs4j.vmc.config.ConfigValue;
import org.nqs4j.vmc.config.RunConfig;
import org.nqs4j.vmc.config.RunConfigReader;
import org.nqs4j.vmc.config.SweepSpec;
import org.nqs4j.vmc.config.YamlConfigParser;
import org.nqs4j.vmc.io.AtomicFiles;

/**
 * What a sweep runs: the config text, its {@code --set} overrides and the file it came from. It is
 * recorded in the sweep folder as {@value #FILE} (the header names the file and the overrides, the
 * rest is the config as it was), so that {@code nqs resume} and {@code nqs inspect} of the sweep
 * folder rebuild the same points.
 */
record SweepPlan(Path source, String text, List<String> overrides) {
    static final String FILE = "sweep.yaml";
    private static final String SOURCE = "# nqs4j sweep of ";
    private static final String SET = "# --set ";

    static SweepPlan of(Path file, List<String> overrides) {
        try {
            return new SweepPlan(file, Files.readString(file, StandardCharsets.UTF_8), List.copyOf(overrides));
        } catch (CharacterCodingException e) {
            throw new ConfigException(file + " is not UTF-8 text; save it as UTF-8 and try again.", e);
        } catch (IOException e) {
            throw new ConfigException("cannot read the config file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads the plan a sweep recorded in its folder. */
    static SweepPlan read(Path sweepDir) throws IOException {
        List<String> lines = Files.readAllLines(sweepDir.resolve(FILE), StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).startsWith(SOURCE)) {
            throw new IOException(sweepDir.resolve(FILE) + " is not the record of an nqs4j sweep (its first line"
                    + " should name the config); the sweep folder was damaged.");
        }
        Path source = Path.of(lines.get(0).substring(SOURCE.length()));
        List<String> overrides = new ArrayList<>();
        int k = 1;
        for (; k < lines.size() && lines.get(k).startsWith(SET); k++) {
            overrides.add(lines.get(k).substring(SET.length()));
        }
        String text = String.join("\n", lines.subList(k, lines.size())) + "\n";
        return new SweepPlan(source, text, overrides);
    }

    void write(Path sweepDir) throws IOException {
        StringBuilder sb = new StringBuilder(SOURCE).append(source).append('\n');
        overrides.forEach(o -> sb.append(SET).append(o).append('\n'));
        AtomicFiles.write(sweepDir.resolve(FILE), sb + text);
    }

    /** The parsed config with the overrides applied (a fresh tree on every call). */
    ConfigValue.Mapping root() {
        ConfigValue.Mapping root = YamlConfigParser.parse(text, source.getFileName().toString());
        for (String o : overrides) {
            YamlConfigParser.override(root, o);
        }
        return root;
    }

    SweepSpec sweep() {
        Path file = source;
        return SweepSpec.extract(root()).orElseThrow(() -> new ConfigException(file + ": the config declares no"
                + " sweep; add e.g. 'sweep: {hamiltonian.h: [0.5, 1.0, 1.5]}', or use nqs run."));
    }

    /** The config's name (or the file's stem) before the sweep labels are appended. */
    String baseName() {
        if (root().entries().get("name") instanceof ConfigValue.Scalar s) {
            return s.text().trim();
        }
        return source.getFileName().toString().replaceFirst("\\.(ya?ml)$", "");
    }

    /** The config of one point: the plan's config, the point's values, and the name NAME-label. */
    RunConfig pointConfig(SweepSpec.Point point) {
        ConfigValue.Mapping root = root();
        SweepSpec sweep = SweepSpec.extract(root).orElseThrow();
        String name = baseName() + "-" + point.label();
        point.applyTo(root);
        YamlConfigParser.set(root, "name", new ConfigValue.Scalar(name, true, sweep.where()));
        try {
            return RunConfigReader.read(root, source);
        } catch (ConfigException e) {
            throw new ConfigException("sweep point " + point.label() + ": " + e.getMessage(), e);
        }
    }
}
