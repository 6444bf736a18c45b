package org.nqs4j.vmc.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Command-line arguments: positionals, flags ({@code --quiet}) and options with a value
 * ({@code --out DIR}, repeatable ones such as {@code --set k=v}). Unknown options are errors.
 */
public final class Arguments {
    private final List<String> positionals = new ArrayList<>();
    private final Map<String, List<String>> options = new LinkedHashMap<>();

    private Arguments() {
    }

    public static Arguments parse(List<String> args, Set<String> flags, Set<String> valued) {
        Arguments a = new Arguments();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.startsWith("--")) {
                String name = arg;
                String value = null;
                int eq = arg.indexOf('=');
                if (eq > 0 && valued.contains(arg.substring(0, eq))) {
                    name = arg.substring(0, eq);
                    value = arg.substring(eq + 1);
                }
                if (flags.contains(name) && value == null) {
                    a.options.computeIfAbsent(name, k -> new ArrayList<>()).add("true");
                } else if (valued.contains(name)) {
                    if (value == null) {
                        if (i + 1 >= args.size()) {
                            throw new UsageException("option " + name + " needs a value.");
                        }
                        value = args.get(++i);
                    }
                    a.options.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
                } else {
                    List<String> known = new ArrayList<>(flags);
                    known.addAll(valued);
                    throw new UsageException("unknown option " + arg + "; allowed: "
                            + String.join(", ", known) + ".");
                }
            } else {
                a.positionals.add(arg);
            }
        }
        return a;
    }

    /**
     * The one CONFIG file a command takes, checked to exist.
     *
     * @param alternative how else the command may be called, for the message (e.g. " (or --suite DIR)")
     */
    public java.nio.file.Path configFile(String alternative) {
        if (positionals.size() != 1) {
            throw new UsageException("expected exactly one CONFIG file" + alternative + ", got " + positionals.size() + ".");
        }
        java.nio.file.Path file = java.nio.file.Path.of(positionals.get(0));
        if (java.nio.file.Files.isDirectory(file)) {
            throw new UsageException(file + " is a folder, not a config file; give a YAML file, e.g."
                    + " examples/heisenberg-chain.yaml.");
        }
        if (!java.nio.file.Files.exists(file)) {
            throw new UsageException("the config file " + file + " does not exist.");
        }
        if (!java.nio.file.Files.isRegularFile(file) || !java.nio.file.Files.isReadable(file)) {
            throw new UsageException("the config file " + file + " cannot be read (not a regular file, or no read"
                    + " permission).");
        }
        return file;
    }

    /**
     * The value of a folder option such as {@code --out DIR}, or null; a path no file system accepts
     * (a name over 255 bytes, a NUL) is a mistake of the command line, reported before anything runs.
     */
    public String folderOption(String name) {
        String value = option(name);
        if (value == null) {
            return null;
        }
        java.nio.file.Path path;
        try {
            path = java.nio.file.Path.of(value);
        } catch (java.nio.file.InvalidPathException e) {
            throw new UsageException(name + " " + value + " is not a valid path (" + e.getReason() + ").");
        }
        for (java.nio.file.Path part : path) {
            if (part.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 255) {
                throw new UsageException(name + ": the folder name '" + part.toString().substring(0, 40) + "…' is longer"
                        + " than the 255 bytes a file system accepts; choose a shorter one.");
            }
        }
        return value;
    }

    public List<String> positionals() {
        return positionals;
    }

    public boolean flag(String name) {
        return options.containsKey(name);
    }

    public String option(String name) {
        List<String> v = options.get(name);
        return v == null ? null : v.get(v.size() - 1);
    }

    public List<String> all(String name) {
        return options.getOrDefault(name, List.of());
    }
}
