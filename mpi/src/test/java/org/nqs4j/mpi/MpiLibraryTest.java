package org.nqs4j.mpi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nqs4j.vmc.parallel.CollectiveUnavailableException;

class MpiLibraryTest {
    @TempDir
    Path tmp;

    @Test
    void theLauncherChoosesTheLibrary() {
        assertEquals(List.of("libmpi.so.40", "libmpi.so"), MpiLibrary.candidates(Map.of("OMPI_COMM_WORLD_SIZE", "2")));
        List<String> mpichFirst = List.of("libmpi.so.12", "libmpich.so.12", "libmpi.so.40", "libmpi.so");
        assertEquals(mpichFirst, MpiLibrary.candidates(Map.of("PMI_SIZE", "2"))); // Hydra, srun --mpi=pmi2
        assertEquals(mpichFirst, MpiLibrary.candidates(Map.of("PMI_SIZE", "2", "PMIX_RANK", "0")));
        assertEquals(List.of("libmpi.so.40", "libmpi.so.12", "libmpich.so.12", "libmpi.so"),
                MpiLibrary.candidates(Map.of("PMIX_RANK", "0"))); // srun --mpi=pmix
        assertEquals(List.of("/opt/x/libmpi.so"), MpiLibrary.candidates(Map.of("NQS_MPI_LIBRARY", "/opt/x/libmpi.so")));
    }

    @Test
    void theLauncherSaysHowManyProcessesItStarted() {
        assertEquals(Optional.of(Map.entry("OMPI_COMM_WORLD_SIZE", 3)),
                MpiLibrary.launchedSize(Map.of("OMPI_COMM_WORLD_SIZE", "3", "SLURM_STEP_NUM_TASKS", "8")));
        assertEquals(Optional.of(Map.entry("PMI_SIZE", 2)), MpiLibrary.launchedSize(Map.of("PMI_SIZE", "2")));
        assertEquals(Optional.of(Map.entry("SLURM_STEP_NUM_TASKS", 4)),
                MpiLibrary.launchedSize(Map.of("PMIX_RANK", "1", "SLURM_STEP_NUM_TASKS", "4")));
        assertEquals(Optional.empty(), MpiLibrary.launchedSize(Map.of("PMIX_RANK", "1")));
        String why = MpiCollective.mismatch("Open MPI v4.1.4 (libmpi.so.40), 1 rank", Map.entry("PMI_SIZE", 2));
        assertTrue(why.contains("PMI_SIZE=2") && why.contains("NQS_MPI_LIBRARY") && why.contains("1 rank"), why);
    }

    @Test
    void aMissingLibraryIsNamed() {
        CollectiveUnavailableException e = assertThrows(CollectiveUnavailableException.class,
                () -> MpiLibrary.load(Map.of("NQS_MPI_LIBRARY", "libmpi-missing.so.99")));
        assertTrue(e.getMessage().contains("libmpi-missing.so.99 (not found)"), e.getMessage());
    }

    /** A library that is not MPI (here libc): the missing MPI symbol is named. */
    @Test
    void aLibraryWithoutMpiIsNamedWithWhatItLacks() {
        CollectiveUnavailableException e = assertThrows(CollectiveUnavailableException.class,
                () -> MpiLibrary.load(Map.of("NQS_MPI_LIBRARY", "libc.so.6")));
        assertTrue(e.getMessage().contains("libc.so.6 (it has no symbol MPI_"), e.getMessage());
    }

    /** The command line: an MPI launch whose library cannot be loaded exits 3 with the message, no trace. */
    @Test
    void theCliExitsThreeWhenTheLibraryIsMissing() throws Exception {
        Path log = tmp.resolve("out.txt");
        ProcessBuilder pb = new ProcessBuilder(MpiRunTest.java("run", "nothing.yaml")).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().put("OMPI_COMM_WORLD_SIZE", "1");
        pb.environment().put("NQS_MPI_LIBRARY", "libmpi-missing.so.99");
        Process p = pb.start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        String out = Files.readString(log);
        assertEquals(3, p.exitValue(), out);
        assertTrue(out.contains("no usable MPI library: tried libmpi-missing.so.99 (not found)"), out);
        assertTrue(!out.contains("Exception"), out);
    }
}
