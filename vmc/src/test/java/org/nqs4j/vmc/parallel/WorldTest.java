package org.nqs4j.vmc.parallel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WorldTest {
    @Test
    void withoutALauncherTheRunIsOneProcess() {
        assertSame(Collective.single(), World.join(Map.of("PATH", "/usr/bin")));
        assertEquals(Optional.empty(), World.launcher(Map.of()));
    }

    @Test
    void theLaunchersAreRecognisedByTheirVariables() {
        assertEquals(Optional.of("OMPI_COMM_WORLD_SIZE=2"), World.launcher(Map.of("OMPI_COMM_WORLD_SIZE", "2")));
        assertEquals(Optional.of("PMI_SIZE=4"), World.launcher(Map.of("PMI_SIZE", "4")));
        assertEquals(Optional.of("PMIX_RANK=0"), World.launcher(Map.of("PMIX_RANK", "0")));
    }

    /** The vmc module alone has no binding (the mpi module provides it): an MPI launch must say so. */
    @Test
    void anMpiLaunchWithoutABindingIsAClearError() {
        CollectiveUnavailableException e = assertThrows(CollectiveUnavailableException.class,
                () -> World.join(Map.of("OMPI_COMM_WORLD_SIZE", "2")));
        assertTrue(e.getMessage().contains("OMPI_COMM_WORLD_SIZE=2") && e.getMessage().contains("no MPI binding"),
                e.getMessage());
        assertSame(Collective.single(), World.get());
    }
}
