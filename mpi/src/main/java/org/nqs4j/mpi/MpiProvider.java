package org.nqs4j.mpi;

import java.util.Map;
import org.nqs4j.vmc.parallel.Collective;
import org.nqs4j.vmc.parallel.CollectiveProvider;

/** The MPI binding, found by {@link java.util.ServiceLoader} when this module is on the class path. */
public final class MpiProvider implements CollectiveProvider {
    @Override
    public Collective join(Map<String, String> env) {
        return MpiCollective.join(env);
    }
}
