package org.nqs4j.vmc.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A node of a parsed configuration with the place it came from, so that every error can name
 * the file and line. Scalars keep their text; typing happens in {@link Section}.
 */
public sealed interface ConfigValue {
    /** Where the value was written, e.g. {@code run.yaml:12} or {@code --set}. */
    String where();

    /** A short name of the node kind for error messages. */
    String kind();

    record Scalar(String text, boolean quoted, String where) implements ConfigValue {
        @Override
        public String kind() {
            return "a value";
        }
    }

    record Sequence(List<ConfigValue> items, String where) implements ConfigValue {
        @Override
        public String kind() {
            return "a list";
        }
    }

    /** Keys keep their order and their own location. */
    record Mapping(LinkedHashMap<String, ConfigValue> entries, Map<String, String> keyWhere, String where)
            implements ConfigValue {
        @Override
        public String kind() {
            return "a section";
        }
    }
}
