package org.nqs4j.vmc.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A parameter sweep declared in a config, e.g.
 * <pre>
 * sweep:
 *   hamiltonian.h: [0.5, 1.0, 1.5]
 *   ansatz.alpha: [1, 2]
 * </pre>
 * Each key is a dotted config path, each value a non-empty list of single values; several keys
 * span their Cartesian product (first key outermost). Each point is the config with those keys
 * set, run as its own run.
 */
public record SweepSpec(List<String> keys, List<List<ConfigValue.Scalar>> values, String where) {
    public static final String KEY = "sweep";

    /** One point of the sweep: the value of every swept key, in the order of the keys. */
    public record Point(Map<String, ConfigValue.Scalar> assignments, String label) {
        /** Sets the point's values in a parsed config (a fresh tree for each point). */
        public void applyTo(ConfigValue.Mapping root) {
            assignments.forEach((k, v) -> YamlConfigParser.set(root, k, v));
        }
    }

    /** Removes the {@code sweep} section from a parsed config and returns it; empty when there is none. */
    public static Optional<SweepSpec> extract(ConfigValue.Mapping root) {
        ConfigValue node = root.entries().remove(KEY);
        String where = root.keyWhere().remove(KEY);
        if (node == null) {
            return Optional.empty();
        }
        if (!(node instanceof ConfigValue.Mapping m) || m.entries().isEmpty()) {
            throw new ConfigException(where + ": key 'sweep': expected a section of 'dotted.key: [value, ...]' lines,"
                    + " e.g. sweep: {hamiltonian.h: [0.5, 1.0, 1.5]}, found " + node.kind() + ".");
        }
        List<String> keys = new ArrayList<>();
        List<List<ConfigValue.Scalar>> values = new ArrayList<>();
        for (Map.Entry<String, ConfigValue> e : m.entries().entrySet()) {
            String at = m.keyWhere().getOrDefault(e.getKey(), where);
            String k = e.getKey().trim();
            if (!k.matches("[A-Za-z0-9_]+(\\.[A-Za-z0-9_]+)*") || k.equals("name") || k.startsWith("sweep")) {
                throw new ConfigException(at + ": key 'sweep." + k + "': a swept key must be a dotted config path such"
                        + " as hamiltonian.h (not name or sweep).");
            }
            if (!(e.getValue() instanceof ConfigValue.Sequence seq) || seq.items().isEmpty()) {
                throw new ConfigException(at + ": key 'sweep." + k + "': expected a non-empty list of values, e.g. [0.5,"
                        + " 1.0], found " + e.getValue().kind() + ".");
            }
            List<ConfigValue.Scalar> items = new ArrayList<>();
            for (ConfigValue v : seq.items()) {
                if (!(v instanceof ConfigValue.Scalar s)) {
                    throw new ConfigException(v.where() + ": key 'sweep." + k + "': every value must be a single value,"
                            + " found " + v.kind() + ".");
                }
                items.add(s);
            }
            keys.add(k);
            values.add(List.copyOf(items));
        }
        return Optional.of(new SweepSpec(List.copyOf(keys), List.copyOf(values), where));
    }

    /** The points in order (first key outermost). */
    public List<Point> points() {
        List<Point> points = new ArrayList<>();
        int[] index = new int[keys.size()];
        while (true) {
            Map<String, ConfigValue.Scalar> a = new LinkedHashMap<>();
            StringBuilder label = new StringBuilder();
            for (int k = 0; k < keys.size(); k++) {
                ConfigValue.Scalar v = values.get(k).get(index[k]);
                a.put(keys.get(k), v);
                label.append(k > 0 ? "-" : "").append(shortName(k)).append('=')
                        .append(v.text().trim().replaceAll("[^A-Za-z0-9._-]", "_"));
            }
            points.add(new Point(a, label.toString()));
            int k = keys.size() - 1;
            while (k >= 0 && ++index[k] == values.get(k).size()) {
                index[k--] = 0;
            }
            if (k < 0) {
                return points;
            }
        }
    }

    /** The last component of a key, or the whole key when another key ends the same way. */
    public String shortName(int k) {
        String key = keys.get(k);
        String last = key.substring(key.lastIndexOf('.') + 1);
        long same = keys.stream().filter(x -> x.substring(x.lastIndexOf('.') + 1).equals(last)).count();
        return same > 1 ? key : last;
    }
}
