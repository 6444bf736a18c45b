package org.nqs4j.mpi;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.nqs4j.vmc.parallel.CollectiveUnavailableException;

/**
 * The few MPI functions a run needs, bound with the Foreign Function API to the system's
 * {@code libmpi}. The MPI standard fixes the C names and signatures but (before MPI-5) not the
 * binary form of the handles: Open MPI's {@code MPI_Comm}, {@code MPI_Datatype} are pointers to
 * global objects ({@code &ompi_mpi_comm_world}, {@code &ompi_mpi_double}), MPICH's (and Intel MPI's,
 * MVAPICH's, Cray MPICH's: the MPICH ABI, {@code libmpi.so.12}) are 32-bit integers
 * ({@code 0x44000000}, {@code 0x4c00080b}). The handles are bound into the method handles here,
 * so callers see one signature.
 */
final class MpiLibrary {
    /** The two ABIs with predefined handles as linker symbols or as integer constants. */
    enum Abi {
        OPEN_MPI("Open MPI"), MPICH("MPICH ABI");

        final String label;

        Abi(String label) {
            this.label = label;
        }
    }

    static final int MPI_THREAD_FUNNELED = 1;
    /** MPICH's MPI_MAX_LIBRARY_VERSION_STRING (Open MPI's is 256). */
    private static final int MAX_VERSION = 8192;
    /** MPICH ABI handles (mpi.h of MPICH). */
    private static final int MPICH_COMM_WORLD = 0x44000000;
    private static final int MPICH_DOUBLE = 0x4c00080b;
    private static final int MPICH_BYTE = 0x4c00010d;
    /** MPI_IN_PLACE: {@code (void *) 1} in Open MPI's mpi.h, {@code (void *) -1} in MPICH's. */
    private static final long OPEN_MPI_IN_PLACE = 1;
    private static final long MPICH_IN_PLACE = -1;

    final String libraryName;
    final Abi abi;
    /** MPI_Init_thread(int *argc, char ***argv, int required, int *provided). */
    final MethodHandle initThread;
    /** MPI_Comm_rank(MPI_COMM_WORLD, int *rank). */
    final MethodHandle commRank;
    final MethodHandle commSize;
    /**
     * MPI_Allgatherv(MPI_IN_PLACE, 0, MPI_DOUBLE, recv, int counts[], int displs[], MPI_DOUBLE,
     * MPI_COMM_WORLD): in place in {@code recv}, which may be a heap segment (a critical downcall, see
     * {@link MpiCollective#allgather}).
     */
    final MethodHandle allgatherv;
    /** MPI_Bcast(buf, count, MPI_BYTE, root, MPI_COMM_WORLD). */
    final MethodHandle broadcast;
    final MethodHandle barrier;
    final MethodHandle finalizeMpi;
    /** MPI_Abort(MPI_COMM_WORLD, code). */
    final MethodHandle abort;
    /** MPI_Get_library_version(char *version, int *length). */
    final MethodHandle libraryVersion;

    private MpiLibrary(String libraryName, SymbolLookup lib) {
        this.libraryName = libraryName;
        if (lib.find("MPI_Abi_get_version").isPresent()) {
            // MPI-5's standard ABI has handles of its own (neither Open MPI's nor MPICH's): not bound yet
            throw new IllegalArgumentException("it implements the MPI-5 standard ABI, which this binding does not"
                    + " support yet; use the library's Open MPI or MPICH ABI build");
        }
        this.abi = lib.find("ompi_mpi_comm_world").isPresent() ? Abi.OPEN_MPI : Abi.MPICH;
        MemoryLayout handle = abi == Abi.OPEN_MPI ? ADDRESS : JAVA_INT;
        Object comm = abi == Abi.OPEN_MPI ? symbol(lib, "ompi_mpi_comm_world") : MPICH_COMM_WORLD;
        Object mpiDouble = abi == Abi.OPEN_MPI ? symbol(lib, "ompi_mpi_double") : MPICH_DOUBLE;
        Object mpiByte = abi == Abi.OPEN_MPI ? symbol(lib, "ompi_mpi_byte") : MPICH_BYTE;
        initThread = function(lib, "MPI_Init_thread", ADDRESS, ADDRESS, JAVA_INT, ADDRESS);
        commRank = MethodHandles.insertArguments(function(lib, "MPI_Comm_rank", handle, ADDRESS), 0, comm);
        commSize = MethodHandles.insertArguments(function(lib, "MPI_Comm_size", handle, ADDRESS), 0, comm);
        MemorySegment inPlace = MemorySegment.ofAddress(abi == Abi.OPEN_MPI ? OPEN_MPI_IN_PLACE : MPICH_IN_PLACE);
        MethodHandle gather = Linker.nativeLinker().downcallHandle(symbol(lib, "MPI_Allgatherv"),
                FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, handle, ADDRESS, ADDRESS, ADDRESS, handle, handle),
                Linker.Option.critical(true));
        allgatherv = MethodHandles.insertArguments(MethodHandles.insertArguments(gather, 6, mpiDouble, comm), 0,
                inPlace, 0, mpiDouble);
        MethodHandle bcast = function(lib, "MPI_Bcast", ADDRESS, JAVA_INT, handle, JAVA_INT, handle);
        broadcast = MethodHandles.insertArguments(MethodHandles.insertArguments(bcast, 4, comm), 2, mpiByte);
        barrier = MethodHandles.insertArguments(function(lib, "MPI_Barrier", handle), 0, comm);
        finalizeMpi = function(lib, "MPI_Finalize");
        abort = MethodHandles.insertArguments(function(lib, "MPI_Abort", handle, JAVA_INT), 0, comm);
        libraryVersion = function(lib, "MPI_Get_library_version", ADDRESS, ADDRESS);
    }

    /**
     * Loads the MPI library of the launcher that started this process: {@code NQS_MPI_LIBRARY} when
     * set (a name or a path), else in the order of {@link #candidates}.
     *
     * @throws CollectiveUnavailableException naming every library tried and why it failed
     */
    static MpiLibrary load(Map<String, String> env) {
        List<String> candidates = candidates(env);
        List<String> failures = new ArrayList<>();
        for (String name : candidates) {
            SymbolLookup lib;
            try {
                lib = SymbolLookup.libraryLookup(name, Arena.global()); // dlopen: a name or a path
            } catch (IllegalArgumentException e) {
                failures.add(name + " (not found)");
                continue;
            }
            try {
                return new MpiLibrary(name, lib);
            } catch (IllegalArgumentException e) {
                failures.add(name + " (" + e.getMessage() + ")");
            }
        }
        throw new CollectiveUnavailableException("no usable MPI library: tried " + String.join(", ", failures)
                + ". Install Open MPI (apt-get install openmpi-bin libopenmpi-dev) or MPICH, add its lib directory to"
                + " LD_LIBRARY_PATH, or name the library in NQS_MPI_LIBRARY.");
    }

    /**
     * The libraries to try, the launcher's own first: Open MPI's {@code libmpi.so.40} under Open MPI's
     * mpirun ({@code OMPI_COMM_WORLD_SIZE}) and under a PMIx launcher ({@code PMIX_RANK}: srun
     * --mpi=pmix, mostly Open MPI), the MPICH ABI first under Hydra or PMI-2 ({@code PMI_SIZE}):
     * {@code libmpi.so.12} as MPICH installs it, {@code libmpich.so.12} as Debian, Ubuntu and Fedora
     * package it. A library of another MPI than the launcher's starts as a world of one process,
     * which {@link MpiCollective#join} refuses.
     */
    static List<String> candidates(Map<String, String> env) {
        String chosen = env.get("NQS_MPI_LIBRARY");
        if (chosen != null && !chosen.isBlank()) {
            return List.of(chosen);
        }
        if (env.containsKey("OMPI_COMM_WORLD_SIZE")) {
            return List.of("libmpi.so.40", "libmpi.so");
        }
        return env.containsKey("PMIX_RANK") && !env.containsKey("PMI_SIZE")
                ? List.of("libmpi.so.40", "libmpi.so.12", "libmpich.so.12", "libmpi.so")
                : List.of("libmpi.so.12", "libmpich.so.12", "libmpi.so.40", "libmpi.so");
    }

    /**
     * The number of processes the launcher started, as its variables say ({@code OMPI_COMM_WORLD_SIZE},
     * {@code PMI_SIZE}, or under srun {@code SLURM_STEP_NUM_TASKS}), with the variable; empty when
     * none says.
     */
    static Optional<Map.Entry<String, Integer>> launchedSize(Map<String, String> env) {
        for (String name : List.of("OMPI_COMM_WORLD_SIZE", "PMI_SIZE", "SLURM_STEP_NUM_TASKS")) {
            String value = env.get(name);
            if (value != null && value.strip().matches("[0-9]+")) {
                return Optional.of(Map.entry(name, Integer.parseInt(value.strip())));
            }
        }
        return Optional.empty();
    }

    private static MemorySegment symbol(SymbolLookup lib, String name) {
        return lib.find(name).orElseThrow(() -> new IllegalArgumentException("it has no symbol " + name));
    }

    /** A downcall to {@code int name(args...)}. */
    private static MethodHandle function(SymbolLookup lib, String name, MemoryLayout... args) {
        return Linker.nativeLinker().downcallHandle(symbol(lib, name), FunctionDescriptor.of(JAVA_INT, args));
    }

    /**
     * MPI_Get_library_version's first line with its blanks made single spaces, e.g. "Open MPI v4.1.4,
     * package: ..." or "MPICH Version: 4.0.2".
     */
    String version() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment text = arena.allocate(MAX_VERSION);
            MemorySegment length = arena.allocate(JAVA_INT);
            int rc = (int) libraryVersion.invokeExact(text, length);
            if (rc != 0) {
                return abi.label;
            }
            String s = text.getString(0).strip();
            int nl = s.indexOf('\n');
            return (nl < 0 ? s : s.substring(0, nl)).replaceAll("\\s+", " "); // MPICH's "Version:\t4.0.2"
        } catch (Throwable t) {
            return abi.label;
        }
    }
}
