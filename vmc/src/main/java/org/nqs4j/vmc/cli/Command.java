package org.nqs4j.vmc.cli;

import java.util.List;

/**
 * A subcommand of {@code nqs}. Commands of modules above vmc (validation, benchmarks) register
 * through {@code META-INF/services/org.nqs4j.vmc.cli.Command} and are found by
 * {@link java.util.ServiceLoader}, so nothing in vmc depends on them.
 *
 * <p>Exit codes: 0 success, 1 a run that failed (numerics, I/O), 2 a usage or config mistake
 * (throw {@link UsageException} or {@link org.nqs4j.vmc.config.ConfigException}).
 */
public interface Command {
    String name();

    /** One line: arguments and purpose, for {@code nqs --help}. */
    String usage();

    int run(List<String> args) throws Exception;

    /**
     * Whether the command with these arguments runs as one job over the processes of an MPI launch (run,
     * resume, validate of one config: rank 0 writes, the others follow in scratch folders). Under a launch
     * of more than one process {@link Main} refuses the others, once from rank 0, since they would run K
     * copies into the same folders.
     */
    default boolean distributed(List<String> args) {
        return false;
    }
}
