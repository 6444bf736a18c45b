package org.nqs4j.vmc.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Strict, typed reading of one configuration section. Every getter declares a key as allowed,
 * checks its type and range, and records the value (or its default) for the resolved config;
 * {@link #finish()} then rejects any key that was not asked for, listing those that are allowed.
 * Every message names the file, the line, the full key and what is allowed.
 */
public final class Section {
    private final String path;
    private final ConfigValue.Mapping node;
    private final Set<String> allowed = new LinkedHashSet<>();
    private final LinkedHashMap<String, Object> resolved = new LinkedHashMap<>();

    Section(String path, ConfigValue.Mapping node) {
        this.path = path;
        this.node = node;
    }

    /** The root section of a parsed file. */
    public static Section root(ConfigValue.Mapping node) {
        return new Section("", node);
    }

    private String key(String k) {
        return path.isEmpty() ? k : path + "." + k;
    }

    private String whereOf(String k) {
        String w = node.keyWhere().get(k);
        return w != null ? w : node.where();
    }

    private ConfigException error(String k, String problem) {
        return new ConfigException(whereOf(k) + ": key '" + key(k) + "': " + problem);
    }

    /** Whether the optional key {@code k} is given; a key asked about is one this section reads. */
    public boolean has(String k) {
        allowed.add(k);
        return node.entries().containsKey(k);
    }

    /** Whether {@code k} is written here, without making it a key this section reads (to refuse it by name). */
    public boolean given(String k) {
        return node.entries().containsKey(k);
    }

    /** Whether {@code k} is written here as a sub-section, without making it a key this section reads. */
    public boolean givenAsSection(String k) {
        return node.entries().get(k) instanceof ConfigValue.Mapping;
    }

    /** Where this section was written (file:line). */
    public String where() {
        return node.where();
    }

    public String path() {
        return path;
    }

    private ConfigValue.Scalar scalar(String k) {
        ConfigValue v = node.entries().get(k);
        if (v instanceof ConfigValue.Scalar s) {
            return s;
        }
        throw error(k, "expected a single value, found " + v.kind() + ".");
    }

    /** Builds the "is required" error for a key. */
    public ConfigException missing(String k, String what) {
        return new ConfigException(node.where() + ": section '" + (path.isEmpty() ? "(top level)" : path)
                + "' needs the key '" + k + "' (" + what + ").");
    }

    /** Raises an error about the value of a key that passed its type check but not a cross-check. */
    public ConfigException invalid(String k, String problem) {
        return error(k, problem);
    }

    public int integer(String k, Integer dflt, int min, int max) {
        allowed.add(k);
        int value;
        if (!has(k)) {
            if (dflt == null) {
                throw missing(k, "an integer from " + min + " to " + max);
            }
            value = dflt;
        } else {
            String text = scalar(k).text().trim();
            try {
                value = Integer.parseInt(text);
            } catch (NumberFormatException e) {
                throw error(k, "expected an integer from " + min + " to " + max + ", got '" + text + "'.");
            }
            if (value < min || value > max) {
                throw error(k, "must be an integer from " + min + " to " + max + ", got " + value + ".");
            }
        }
        resolved.put(k, value);
        return value;
    }

    public long longInteger(String k, long dflt) {
        allowed.add(k);
        long value = dflt;
        if (has(k)) {
            String text = scalar(k).text().trim();
            try {
                value = Long.parseLong(text);
            } catch (NumberFormatException e) {
                throw error(k, "expected an integer, got '" + text + "'.");
            }
        }
        resolved.put(k, value);
        return value;
    }

    /** A real number in [min, max] (use infinities for open ends); NaN and Inf are refused. */
    public double real(String k, Double dflt, double min, double max) {
        allowed.add(k);
        double value;
        if (!has(k)) {
            if (dflt == null) {
                throw missing(k, "a number" + range(min, max));
            }
            value = dflt;
        } else {
            value = parseReal(k, scalar(k).text().trim(), min, max);
        }
        resolved.put(k, value);
        return value;
    }

    /** A strictly positive real number. */
    public double positive(String k, Double dflt) {
        double v = real(k, dflt, 0, Double.POSITIVE_INFINITY);
        if (!(v > 0)) {
            throw error(k, "must be a positive number, got " + v + ".");
        }
        return v;
    }

    private double parseReal(String k, String text, double min, double max) {
        double value;
        try {
            value = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw error(k, "expected a number" + range(min, max) + ", got '" + text + "'.");
        }
        if (!Double.isFinite(value)) {
            throw error(k, "must be a finite number, got '" + text + "'.");
        }
        if (value < min || value > max) {
            throw error(k, "must be a number" + range(min, max) + ", got " + text + ".");
        }
        return value;
    }

    private static String range(double min, double max) {
        boolean lo = Double.isFinite(min);
        boolean hi = Double.isFinite(max);
        if (lo && hi) {
            return " from " + min + " to " + max;
        }
        if (lo) {
            return " >= " + min;
        }
        return hi ? " <= " + max : "";
    }

    public boolean bool(String k, boolean dflt) {
        allowed.add(k);
        boolean value = dflt;
        if (has(k)) {
            String text = scalar(k).text().trim().toLowerCase(Locale.ROOT);
            if (text.equals("true")) {
                value = true;
            } else if (text.equals("false")) {
                value = false;
            } else {
                throw error(k, "expected true or false, got '" + scalar(k).text() + "'.");
            }
        }
        resolved.put(k, value);
        return value;
    }

    /** One of a fixed set of words (case-insensitive; stored in lower case). */
    public String choice(String k, String dflt, String... choices) {
        allowed.add(k);
        String value;
        if (!has(k)) {
            if (dflt == null) {
                throw missing(k, "one of " + String.join(", ", choices));
            }
            value = dflt;
        } else {
            value = scalar(k).text().trim().toLowerCase(Locale.ROOT);
            if (!List.of(choices).contains(value)) {
                throw error(k, "unknown value '" + scalar(k).text() + "'; allowed: " + String.join(", ", choices) + ".");
            }
        }
        resolved.put(k, value);
        return value;
    }

    public String string(String k, String dflt) {
        allowed.add(k);
        String value;
        if (!has(k)) {
            if (dflt == null) {
                throw missing(k, "a text value");
            }
            value = dflt;
        } else {
            value = scalar(k).text();
        }
        resolved.put(k, value);
        return value;
    }

    /** A list of integers, each in [min, max]. */
    public int[] integers(String k, int min, int max) {
        allowed.add(k);
        if (!has(k)) {
            throw missing(k, "a list of integers");
        }
        List<ConfigValue> items = sequence(k);
        int[] out = new int[items.size()];
        for (int i = 0; i < out.length; i++) {
            if (!(items.get(i) instanceof ConfigValue.Scalar s)) {
                throw error(k, "item " + (i + 1) + " must be an integer, found " + items.get(i).kind() + ".");
            }
            try {
                out[i] = Integer.parseInt(s.text().trim());
            } catch (NumberFormatException e) {
                throw error(k, "item " + (i + 1) + " must be an integer, got '" + s.text() + "'.");
            }
            if (out[i] < min || out[i] > max) {
                throw error(k, "item " + (i + 1) + " must be from " + min + " to " + max + ", got " + out[i] + ".");
            }
        }
        resolved.put(k, java.util.Arrays.stream(out).boxed().toList());
        return out;
    }

    private List<ConfigValue> sequence(String k) {
        ConfigValue v = node.entries().get(k);
        if (v instanceof ConfigValue.Sequence s) {
            return s.items();
        }
        throw error(k, "expected a list, found " + v.kind() + ".");
    }

    /** A list of integer lists, e.g. custom edges [[0, 1], [1, 2, 1]]. */
    public List<int[]> integerRows(String k, int minLength, int maxLength) {
        allowed.add(k);
        if (!has(k)) {
            throw missing(k, "a list of integer lists");
        }
        List<int[]> rows = new ArrayList<>();
        List<Object> out = new ArrayList<>();
        List<ConfigValue> items = sequence(k);
        for (int r = 0; r < items.size(); r++) {
            if (!(items.get(r) instanceof ConfigValue.Sequence row)) {
                throw new ConfigException(items.get(r).where() + ": key '" + key(k) + "': item " + (r + 1)
                        + " must be a list like [i, j], found " + items.get(r).kind() + ".");
            }
            if (row.items().size() < minLength || row.items().size() > maxLength) {
                throw new ConfigException(row.where() + ": key '" + key(k) + "': item " + (r + 1) + " must have "
                        + minLength + (maxLength > minLength ? " to " + maxLength : "") + " integers, got "
                        + row.items().size() + ".");
            }
            int[] v = new int[row.items().size()];
            for (int c = 0; c < v.length; c++) {
                ConfigValue x = row.items().get(c);
                try {
                    v[c] = Integer.parseInt(((ConfigValue.Scalar) x).text().trim());
                } catch (ClassCastException | NumberFormatException e) {
                    throw new ConfigException(x.where() + ": key '" + key(k) + "': item " + (r + 1)
                            + " must hold integers only.");
                }
            }
            rows.add(v);
            out.add(java.util.Arrays.stream(v).boxed().toList());
        }
        resolved.put(k, out);
        return rows;
    }

    /** Whether the key holds a section of 'key: value' lines (rather than a word or a list). */
    public boolean isSection(String k) {
        allowed.add(k);
        return node.entries().get(k) instanceof ConfigValue.Mapping;
    }

    /** A sub-section; an absent key gives an empty section (all defaults). */
    public Section section(String k) {
        allowed.add(k);
        ConfigValue v = node.entries().get(k);
        ConfigValue.Mapping m;
        if (v == null) {
            m = new ConfigValue.Mapping(new LinkedHashMap<>(), new HashMap<>(), node.where());
        } else if (v instanceof ConfigValue.Mapping map) {
            m = map;
        } else {
            throw error(k, "expected a section of 'key: value' lines, found " + v.kind() + ".");
        }
        Section s = new Section(key(k), m);
        resolved.put(k, s.resolved);
        return s;
    }

    /** A sub-section that may be absent (and then stays absent from the resolved config). */
    public java.util.Optional<Section> optionalSection(String k) {
        allowed.add(k);
        return has(k) ? java.util.Optional.of(section(k)) : java.util.Optional.empty();
    }

    /** A list of sub-sections (e.g. observables); an absent key gives an empty list. */
    public List<Section> sections(String k) {
        allowed.add(k);
        List<Section> out = new ArrayList<>();
        List<Object> res = new ArrayList<>();
        if (has(k)) {
            List<ConfigValue> items = sequence(k);
            for (int i = 0; i < items.size(); i++) {
                if (!(items.get(i) instanceof ConfigValue.Mapping m)) {
                    throw error(k, "item " + (i + 1) + " must be a section of 'key: value' lines, found "
                            + items.get(i).kind() + ".");
                }
                Section s = new Section(key(k) + "[" + (i + 1) + "]", m);
                out.add(s);
                res.add(s.resolved);
            }
        }
        resolved.put(k, res);
        return out;
    }

    /**
     * A list of reals derived from other keys (e.g. q from momentum), written to the resolved config
     * for the reader; when given, it must agree with the derived value (so a resolved config reads back).
     */
    public void derived(String k, List<Double> value) {
        allowed.add(k);
        if (has(k)) {
            List<ConfigValue> items = sequence(k);
            boolean same = items.size() == value.size();
            for (int i = 0; same && i < items.size(); i++) {
                same = items.get(i) instanceof ConfigValue.Scalar x && parsesTo(x.text(), value.get(i));
            }
            if (!same) {
                throw error(k, "is derived from the other keys and must be " + value + " (or left out).");
            }
        }
        resolved.put(k, value);
    }

    private static boolean parsesTo(String text, double expected) {
        try {
            return Math.abs(Double.parseDouble(text.trim()) - expected) <= 1e-12 * Math.max(1, Math.abs(expected));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Records a derived value (e.g. a default that depends on other keys) in the resolved config. */
    public void resolve(String k, Object value) {
        resolved.put(k, value);
    }

    /** Rejects every key that no getter asked for. Call after reading the section. */
    public void finish() {
        for (Map.Entry<String, ConfigValue> e : node.entries().entrySet()) {
            if (!allowed.contains(e.getKey())) {
                throw new ConfigException(whereOf(e.getKey()) + ": unknown key '" + key(e.getKey()) + "'"
                        + suggestion(e.getKey()) + ". Allowed here: " + String.join(", ", allowed) + ".");
            }
        }
    }

    private String suggestion(String k) {
        String best = null;
        int bestDistance = 3;
        for (String a : allowed) {
            int d = editDistance(k.toLowerCase(Locale.ROOT), a.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = a;
                bestDistance = d;
            }
        }
        return best == null ? "" : " (did you mean '" + best + "'?)";
    }

    private static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    /** The values read (with defaults filled in), in reading order, for config.resolved.yaml. */
    public Map<String, Object> resolved() {
        return resolved;
    }
}
