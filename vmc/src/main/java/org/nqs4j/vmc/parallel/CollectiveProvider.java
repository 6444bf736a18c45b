package org.nqs4j.vmc.parallel;

import java.util.Map;

/**
 * A binding to a message-passing library, found by {@link java.util.ServiceLoader} (the MPI binding
 * of the {@code mpi} module, built on JDK 22 and newer).
 */
public interface CollectiveProvider {
    /**
     * Joins the job the process was launched in.
     *
     * @param env the process environment (the launcher's variables name the job)
     * @throws CollectiveUnavailableException when the library is missing or does not fit
     */
    Collective join(Map<String, String> env);
}
