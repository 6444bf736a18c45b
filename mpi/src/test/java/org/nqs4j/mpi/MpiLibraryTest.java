package org.nqs4j.mpi;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
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
        assertEquals(List.of("libmpi.so.40", "libmpi_abi.so.1", "libmpi.so"),
                MpiLibrary.candidates(Map.of("OMPI_COMM_WORLD_SIZE", "2")));
        List<String> mpichFirst = List.of("libmpi.so.12", "libmpich.so.12", "libmpi_abi.so.1", "libmpi.so.40", "libmpi.so");
        assertEquals(mpichFirst, MpiLibrary.candidates(Map.of("PMI_SIZE", "2"))); // Hydra, srun --mpi=pmi2
        assertEquals(mpichFirst, MpiLibrary.candidates(Map.of("PMI_SIZE", "2", "PMIX_RANK", "0")));
        assertEquals(List.of("libmpi.so.40", "libmpi.so.12", "libmpich.so.12", "libmpi_abi.so.1", "libmpi.so"),
                MpiLibrary.candidates(Map.of("PMIX_RANK", "0"))); // srun --mpi=pmix
        assertEquals(List.of("/opt/x/libmpi.so"), MpiLibrary.candidates(Map.of("NQS_MPI_LIBRARY", "/opt/x/libmpi.so")));
    }

    /**
     * Every MPI-5 library has MPI_Abi_get_version; only one built for the standard ABI reports a version ≥ 1
     * (MPICH ≥ 4.3's own libmpi.so.12 reports −1 and keeps MPICH's handles). MPICH 4.3's standard-ABI library (MPI
     * 4.2, the ABI's draft) still numbers MPI_THREAD_FUNNELED 1, MPI 5.0's 1024. The functions are Java upcalls.
     */
    @Test
    void theAbiIsTheOneTheLibraryReports() throws Exception {
        try (Arena arena = Arena.ofConfined()) {
            SymbolLookup standard = library(arena, 1, 5, false);
            assertEquals(MpiLibrary.Abi.STANDARD, MpiLibrary.Abi.of(standard));
            assertEquals(1024, MpiLibrary.Abi.STANDARD.threadFunneled(standard));
            assertEquals(1, MpiLibrary.Abi.STANDARD.threadFunneled(library(arena, 1, 4, false))); // MPICH 4.3's
            SymbolLookup mpich5 = library(arena, -1, 5, false);
            assertEquals(MpiLibrary.Abi.MPICH, MpiLibrary.Abi.of(mpich5));
            assertEquals(1, MpiLibrary.Abi.MPICH.threadFunneled(mpich5));
            assertEquals(MpiLibrary.Abi.OPEN_MPI, MpiLibrary.Abi.of(library(arena, -1, 5, true)));
            MemorySegment openMpiObject = arena.allocate(8);
            assertEquals(MpiLibrary.Abi.OPEN_MPI, MpiLibrary.Abi.of( // Open MPI 4: no such function
                    name -> name.equals("ompi_mpi_comm_world") ? Optional.of(openMpiObject) : Optional.empty()));
            assertEquals(MpiLibrary.Abi.MPICH, MpiLibrary.Abi.of(name -> Optional.empty())); // MPICH 4.0
        }
        // MPI 5.0, chapter 20: the predefined handles are these integers as pointers
        assertEquals(0x101, ((MemorySegment) MpiLibrary.Abi.STANDARD.predefined(null, MpiLibrary.Predefined.COMM_WORLD))
                .address());
        assertEquals(0x214, ((MemorySegment) MpiLibrary.Abi.STANDARD.predefined(null, MpiLibrary.Predefined.DOUBLE))
                .address());
        assertEquals(0x4c00080b, MpiLibrary.Abi.MPICH.predefined(null, MpiLibrary.Predefined.DOUBLE));
    }

    /**
     * A library whose MPI_Abi_get_version reports {@code abiMajor} and MPI_Get_version {@code mpiMajor}, with Open
     * MPI's global objects or not.
     */
    private static SymbolLookup library(Arena arena, int abiMajor, int mpiMajor, boolean openMpi)
            throws ReflectiveOperationException {
        MemorySegment abiVersion = version(arena, abiMajor);
        MemorySegment mpiVersion = version(arena, mpiMajor);
        MemorySegment object = arena.allocate(8);
        return name -> switch (name) {
            case "MPI_Abi_get_version" -> Optional.of(abiVersion);
            case "MPI_Get_version" -> Optional.of(mpiVersion);
            case "ompi_mpi_comm_world" -> openMpi ? Optional.of(object) : Optional.empty();
            default -> Optional.empty();
        };
    }

    /** A native function {@code int f(int *major, int *minor)} that reports major.0. */
    private static MemorySegment version(Arena arena, int major) throws ReflectiveOperationException {
        return Linker.nativeLinker().upcallStub(MethodHandles.insertArguments(MethodHandles.lookup().findStatic(
                MpiLibraryTest.class, "reportVersion", MethodType.methodType(int.class, int.class, MemorySegment.class,
                        MemorySegment.class)), 0, major), FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS), arena);
    }

    private static int reportVersion(int major, MemorySegment majorOut, MemorySegment minorOut) {
        majorOut.reinterpret(Integer.BYTES).set(JAVA_INT, 0, major);
        minorOut.reinterpret(Integer.BYTES).set(JAVA_INT, 0, major < 0 ? -1 : 0);
        return 0;
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
        assertTrue(why.contains("PMI_SIZE=2") && why.contains("NQS_MPI_LIBRARY") && why.contains("1 rank")
                && why.contains("libmpi.so.40") && why.contains("libmpi_abi.so.1"), why);
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
