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
 * binary form of the handles and constants, so a library is bound by its ABI ({@link Abi}). The
 * handles are bound into the method handles here, so callers see one signature.
 */
final class MpiLibrary {
    /**
     * The binary forms of the handles and constants a run uses: MPI_COMM_WORLD, MPI_DOUBLE, MPI_BYTE,
     * MPI_IN_PLACE and MPI_THREAD_FUNNELED.
     */
    enum Abi {
        /**
         * Open MPI's: handles are pointers to global objects ({@code &ompi_mpi_comm_world},
         * {@code &ompi_mpi_double}), MPI_IN_PLACE is {@code (void *) 1}.
         */
        OPEN_MPI("Open MPI", ADDRESS, 1, 1),
        /**
         * MPICH's, shared by Intel MPI, MVAPICH and Cray MPICH ({@code libmpi.so.12}): handles are 32-bit
         * integers ({@code 0x44000000}, {@code 0x4c00080b}), MPI_IN_PLACE {@code (void *) -1}.
         */
        MPICH("MPICH ABI", JAVA_INT, -1, 1),
        /**
         * The MPI-5 standard ABI ({@code libmpi_abi}; MPI 5.0, chapter 20): handles are pointer-sized,
         * the predefined ones small integers ({@code MPI_COMM_WORLD} = 0x101), MPI_IN_PLACE
         * {@code (void *) 1}, and the thread levels 0, 1024, 2048, 4096.
         */
        STANDARD("MPI-5 standard ABI", ADDRESS, 1, 1024);

        final String label;
        /** The C type of a handle: a pointer or an int. */
        final MemoryLayout handle;
        final long inPlace;
        /** MPI_THREAD_FUNNELED (but see {@link #threadFunneled}). */
        private final int funneled;

        Abi(String label, MemoryLayout handle, long inPlace, int funneled) {
            this.label = label;
            this.handle = handle;
            this.inPlace = inPlace;
            this.funneled = funneled;
        }

        /**
         * The ABI of {@code lib}: the standard one when MPI_Abi_get_version (callable before MPI_Init)
         * gives a version ≥ 1 (every MPI-5 library has the function; one of its own ABI sets −1), else
         * Open MPI's when its global objects are exported, else MPICH's.
         */
        static Abi of(SymbolLookup lib) {
            if (majorVersion(lib, "MPI_Abi_get_version") >= 1) {
                return STANDARD;
            }
            return lib.find("ompi_mpi_comm_world").isPresent() ? OPEN_MPI : MPICH;
        }

        /**
         * MPI_THREAD_FUNNELED of {@code lib}. The standard ABI's libraries of MPICH 4.3 (an MPI 4.2 with the
         * ABI's draft, the same name and ABI version 1.0) still numbered the thread levels 0, 1, 2, 7; MPI 5.0
         * made them 0, 1024, 2048, 4096.
         */
        int threadFunneled(SymbolLookup lib) {
            return this == STANDARD && majorVersion(lib, "MPI_Get_version") < 5 ? 1 : funneled;
        }

        /**
         * The major version that {@code int name(int *major, int *minor)} of {@code lib} reports (MPI_Get_version,
         * MPI_Abi_get_version: both may be called before MPI_Init), −1 when the library has no such function.
         */
        private static int majorVersion(SymbolLookup lib, String name) {
            if (lib.find(name).isEmpty()) {
                return -1;
            }
            MethodHandle call = function(lib, name, ADDRESS, ADDRESS);
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment major = arena.allocate(JAVA_INT);
                MemorySegment minor = arena.allocate(JAVA_INT);
                major.set(JAVA_INT, 0, -1);
                int rc = (int) call.invokeExact(major, minor);
                return rc == 0 ? major.get(JAVA_INT, 0) : -1;
            } catch (Throwable t) {
                throw new IllegalArgumentException("its " + name + " failed: " + t, t);
            }
        }

        /** The predefined handle {@code h} as the downcalls take it: an address (a symbol's, or a constant) or an int. */
        Object predefined(SymbolLookup lib, Predefined h) {
            return switch (this) {
                case OPEN_MPI -> symbol(lib, h.openMpiSymbol);
                case MPICH -> h.mpich;
                case STANDARD -> MemorySegment.ofAddress(h.standard);
            };
        }
    }

    /** The predefined handles a run uses, in each ABI's binary form. */
    enum Predefined {
        COMM_WORLD("ompi_mpi_comm_world", 0x44000000, 0x101),
        DOUBLE("ompi_mpi_double", 0x4c00080b, 0x214),
        BYTE("ompi_mpi_byte", 0x4c00010d, 0x247);

        /** Open MPI: the address of this global object. */
        final String openMpiSymbol;
        /** MPICH: this int (mpi.h of MPICH). */
        final int mpich;
        /** The standard ABI: this integer as a pointer (mpi.h of MPI 5.0). */
        final long standard;

        Predefined(String openMpiSymbol, int mpich, long standard) {
            this.openMpiSymbol = openMpiSymbol;
            this.mpich = mpich;
            this.standard = standard;
        }
    }

    /** The standard ABI's library (its major version in the name: libmpi_abi.so.1 for ABI 1.x). */
    static final String STANDARD_ABI = "libmpi_abi.so.1";
    /** MPICH's and the standard ABI's MPI_MAX_LIBRARY_VERSION_STRING (Open MPI's is 256). */
    private static final int MAX_VERSION = 8192;

    final String libraryName;
    final Abi abi;
    /** MPI_THREAD_FUNNELED in this library's numbering ({@link Abi#threadFunneled(SymbolLookup)}). */
    final int threadFunneled;
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
        this.abi = Abi.of(lib);
        this.threadFunneled = abi.threadFunneled(lib);
        MemoryLayout handle = abi.handle;
        Object comm = abi.predefined(lib, Predefined.COMM_WORLD);
        Object mpiDouble = abi.predefined(lib, Predefined.DOUBLE);
        Object mpiByte = abi.predefined(lib, Predefined.BYTE);
        initThread = function(lib, "MPI_Init_thread", ADDRESS, ADDRESS, JAVA_INT, ADDRESS);
        commRank = MethodHandles.insertArguments(function(lib, "MPI_Comm_rank", handle, ADDRESS), 0, comm);
        commSize = MethodHandles.insertArguments(function(lib, "MPI_Comm_size", handle, ADDRESS), 0, comm);
        MemorySegment inPlace = MemorySegment.ofAddress(abi.inPlace);
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
     * package it; after the launcher's own ABI the standard ABI's {@code libmpi_abi.so.1} (MPICH
     * ≥ 4.3 configured with {@code --enable-mpi-abi}). A library of another MPI than the launcher's
     * starts as a world of one process, which {@link MpiCollective#join} refuses.
     */
    static List<String> candidates(Map<String, String> env) {
        String chosen = env.get("NQS_MPI_LIBRARY");
        if (chosen != null && !chosen.isBlank()) {
            return List.of(chosen);
        }
        if (env.containsKey("OMPI_COMM_WORLD_SIZE")) {
            return List.of("libmpi.so.40", STANDARD_ABI, "libmpi.so");
        }
        return env.containsKey("PMIX_RANK") && !env.containsKey("PMI_SIZE")
                ? List.of("libmpi.so.40", "libmpi.so.12", "libmpich.so.12", STANDARD_ABI, "libmpi.so")
                : List.of("libmpi.so.12", "libmpich.so.12", STANDARD_ABI, "libmpi.so.40", "libmpi.so");
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
