package org.nqs4j.vmc.parallel;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The collective of this process: {@link Collective#single()} unless the process was started by an
 * MPI launcher ({@code mpirun}, {@code mpiexec}, {@code srun}), which {@link #join} recognises by
 * the variables it sets.
 */
public final class World {
    /** Variables set by Open MPI's mpirun, by MPICH's Hydra (and srun with PMI-2), and by PMIx launchers. */
    static final List<String> LAUNCHER_VARIABLES = List.of("OMPI_COMM_WORLD_SIZE", "PMI_SIZE", "PMIX_RANK");

    private static volatile Collective current = Collective.single();

    private World() {
    }

    /** The collective runs use. */
    public static Collective get() {
        return current;
    }

    /** The launcher variable that shows an MPI launch, as {@code NAME=value}, or empty. */
    public static Optional<String> launcher(Map<String, String> env) {
        return LAUNCHER_VARIABLES.stream().filter(env::containsKey).findFirst().map(v -> v + "=" + env.get(v));
    }

    /**
     * Joins the MPI job when the environment shows an MPI launch (and makes it {@link #get()}),
     * else stays with one process.
     *
     * @throws CollectiveUnavailableException when launched by MPI but no binding can join
     */
    public static Collective join(Map<String, String> env) {
        Optional<String> launch = launcher(env);
        if (launch.isEmpty()) {
            return current;
        }
        Optional<CollectiveProvider> provider = ServiceLoader.load(CollectiveProvider.class).findFirst();
        if (provider.isEmpty()) {
            throw new CollectiveUnavailableException("started by an MPI launcher (" + launch.get() + ") but this"
                    + " build has no MPI binding: it needs Java 22 or newer (the Foreign Function API), found Java "
                    + Runtime.version().feature() + ". Point JAVA_HOME at JDK 22+ and rebuild (./nqs build).");
        }
        current = provider.get().join(env);
        return current;
    }
}
