package org.nqs4j.vmc.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.CollectionEndEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Reads a YAML file into a {@link ConfigValue} tree that remembers the line of every key and
 * value (snakeyaml-engine's node API keeps the marks). Duplicate keys are an error.
 */
public final class YamlConfigParser {
    private YamlConfigParser() {
    }

    public static ConfigValue.Mapping parseFile(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new ConfigException(file + ": the config file is not UTF-8 text (it holds bytes that UTF-8 does not"
                    + " allow, e.g. Latin-1 accents); save it as UTF-8 (plain ASCII is UTF-8) and try again.", e);
        } catch (IOException e) {
            throw new ConfigException("cannot read the config file " + file + ": " + e.getMessage(), e);
        }
        return parse(text, file.getFileName().toString());
    }

    /** Deepest nesting of sections and lists (a config needs 4). */
    static final int MAX_DEPTH = 64;
    /** Most values after aliases are expanded (a config has a few hundred). */
    static final int MAX_VALUES = 1_000_000;
    /** Most aliases of a list or section. */
    static final int MAX_ALIASES = 50;
    /** Largest document, in code points. */
    static final int MAX_CODE_POINTS = 16 * 1024 * 1024;

    /**
     * Parses YAML text; {@code source} names it in messages. The parser is bounded (document
     * size, aliases, nesting depth, values after alias expansion; recursive aliases are refused), so
     * that no input can exhaust the stack or the heap.
     */
    public static ConfigValue.Mapping parse(String text, String source) {
        LoadSettings settings = LoadSettings.builder().setLabel(source).setAllowDuplicateKeys(true)
                .setAllowRecursiveKeys(false).setMaxAliasesForCollections(MAX_ALIASES)
                .setCodePointLimit(MAX_CODE_POINTS).build();
        Optional<Node> root;
        try {
            checkStructure(settings, text, source);
            root = new Compose(settings).composeString(text);
        } catch (MarkedYamlEngineException e) {
            String at = e.getProblemMark().map(m -> source + ":" + (m.getLine() + 1)).orElse(source);
            throw new ConfigException(at + ": the file is not valid YAML: " + e.getProblem()
                    + ". Check the indentation and the ':' after each key.", e);
        } catch (YamlEngineException e) {
            throw new ConfigException(source + ": the file is not valid YAML: " + e.getMessage(), e);
        }
        if (root.isEmpty()) {
            throw new ConfigException(source + ": the config file is empty; see examples/ for a complete one.");
        }
        ConfigValue value = convert(root.get(), source, new int[1]);
        if (!(value instanceof ConfigValue.Mapping m)) {
            throw new ConfigException(value.where() + ": the config must be a set of 'key: value' sections, found "
                    + value.kind() + ".");
        }
        return m;
    }

    /**
     * One pass over the parser's events (the event parser keeps its own stack; the composer
     * recurses per level): refuses nesting deeper than {@value #MAX_DEPTH} and an alias to a list
     * or section that contains it, before the composer could overflow the stack.
     */
    private static void checkStructure(LoadSettings settings, String text, String source) {
        int depth = 0;
        Deque<Optional<Anchor>> open = new ArrayDeque<>();
        for (Event e : new Parse(settings).parseString(text)) {
            if (e instanceof CollectionStartEvent start) {
                if (++depth > MAX_DEPTH) {
                    throw new ConfigException(at(e, source) + ": the lists and sections nest more than " + MAX_DEPTH
                            + " levels deep; a config needs a few.");
                }
                open.push(start.getAnchor());
            } else if (e instanceof CollectionEndEvent) {
                depth--;
                open.pop();
            } else if (e instanceof AliasEvent alias && open.contains(Optional.of(alias.getAlias()))) {
                throw new ConfigException(at(e, source) + ": the alias *" + alias.getAlias() + " refers to a list or"
                        + " section that contains it (a recursive alias); write the value out instead.");
            }
        }
    }

    private static String at(Event e, String source) {
        return e.getStartMark().map(m -> source + ":" + (m.getLine() + 1)).orElse(source);
    }

    private static String where(Node node, String source) {
        Optional<Mark> mark = node.getStartMark();
        return mark.map(m -> source + ":" + (m.getLine() + 1)).orElse(source);
    }

    /** {@code count[0]}: values converted so far; aliases are expanded, so it is bounded. */
    private static ConfigValue convert(Node node, String source, int[] count) {
        String where = where(node, source);
        if (++count[0] > MAX_VALUES) {
            throw new ConfigException(where + ": the aliases expand to more than " + MAX_VALUES + " values; a config"
                    + " has a few hundred.");
        }
        if (node instanceof ScalarNode s) {
            return new ConfigValue.Scalar(s.getValue(), s.getScalarStyle() != ScalarStyle.PLAIN, where);
        }
        if (node instanceof SequenceNode seq) {
            List<ConfigValue> items = new ArrayList<>();
            for (Node item : seq.getValue()) {
                items.add(convert(item, source, count));
            }
            return new ConfigValue.Sequence(items, where);
        }
        MappingNode map = (MappingNode) node;
        LinkedHashMap<String, ConfigValue> entries = new LinkedHashMap<>();
        Map<String, String> keyWhere = new HashMap<>();
        for (NodeTuple t : map.getValue()) {
            String kw = where(t.getKeyNode(), source);
            if (!(t.getKeyNode() instanceof ScalarNode key)) {
                throw new ConfigException(kw + ": a key must be a plain name, found a list or section.");
            }
            String name = key.getValue();
            if (entries.containsKey(name)) {
                throw new ConfigException(kw + ": key '" + name + "' appears twice in the same section (first at "
                        + keyWhere.get(name) + ").");
            }
            entries.put(name, convert(t.getValueNode(), source, count));
            keyWhere.put(name, kw);
        }
        return new ConfigValue.Mapping(entries, keyWhere, where);
    }

    /**
     * Applies a command-line override {@code a.b.c=value} (the value parsed as a YAML scalar or
     * flow list), creating sections on the way.
     */
    public static void override(ConfigValue.Mapping root, String assignment) {
        int eq = assignment.indexOf('=');
        if (eq <= 0) {
            throw new ConfigException("--set " + assignment + ": expected key=value, e.g. --set optimizer.learning_rate=0.02");
        }
        ConfigValue.Mapping parsed = parse("v: " + assignment.substring(eq + 1), "--set " + assignment);
        set(root, assignment.substring(0, eq).trim(), relabel(parsed.entries().get("v"), "--set " + assignment));
    }

    /** Sets the key at a dotted path to {@code value}, creating sections on the way. */
    public static void set(ConfigValue.Mapping root, String dottedKey, ConfigValue value) {
        String[] path = dottedKey.split("\\.");
        ConfigValue.Mapping node = root;
        for (int k = 0; k < path.length - 1; k++) {
            ConfigValue next = node.entries().get(path[k]);
            if (next == null) {
                next = new ConfigValue.Mapping(new LinkedHashMap<>(), new HashMap<>(), value.where());
                node.entries().put(path[k], next);
                node.keyWhere().put(path[k], value.where());
            }
            if (!(next instanceof ConfigValue.Mapping m)) {
                throw new ConfigException(value.where() + ": '" + String.join(".", java.util.Arrays.copyOf(path, k + 1))
                        + "' is " + next.kind() + ", not a section, so '" + dottedKey + "' cannot be set.");
            }
            node = m;
        }
        node.entries().put(path[path.length - 1], value);
        node.keyWhere().put(path[path.length - 1], value.where());
    }

    private static ConfigValue relabel(ConfigValue v, String where) {
        if (v instanceof ConfigValue.Scalar s) {
            return new ConfigValue.Scalar(s.text(), s.quoted(), where);
        }
        if (v instanceof ConfigValue.Sequence q) {
            return new ConfigValue.Sequence(q.items().stream().map(i -> relabel(i, where)).toList(), where);
        }
        ConfigValue.Mapping m = (ConfigValue.Mapping) v;
        LinkedHashMap<String, ConfigValue> e = new LinkedHashMap<>();
        Map<String, String> kw = new HashMap<>();
        m.entries().forEach((k, x) -> {
            e.put(k, relabel(x, where));
            kw.put(k, where);
        });
        return new ConfigValue.Mapping(e, kw, where);
    }
}
