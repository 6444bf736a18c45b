package org.nqs4j.vmc.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.nqs4j.vmc.config.ConfigException;
import org.nqs4j.vmc.driver.NonFiniteUpdateException;
import org.nqs4j.vmc.run.OutputFolder;
import org.nqs4j.vmc.run.StopRequest;
import org.nqs4j.vmc.parallel.Collective;
import org.nqs4j.vmc.parallel.CollectiveUnavailableException;
import org.nqs4j.vmc.parallel.World;
import org.nqs4j.vmc.run.RunFolder;

/**
 * Entry point of {@code nqs}. Built-in commands live in vmc; the validation and benchmarks
 * modules add theirs through {@link ServiceLoader} ({@link Command}).
 */
public final class Main {
    public static final String VERSION = "0.1.0";

    private Main() {
    }

    public static void main(String[] args) {
        StopRequest.installSignalHandlers();
        Collective world;
        try {
            world = World.join(System.getenv());
        } catch (CollectiveUnavailableException e) {
            System.err.println("nqs: " + e.getMessage());
            System.exit(3);
            return;
        }
        int code = run(args);
        // a rank that failed takes the job down, since the others may wait in a collective for it; an
        // interrupted run stops on every rank at the same step (VmcRun agrees on it) and ends by itself
        if (world.size() > 1 && code != 0 && code != 4 && code != 130 && code != 143) {
            world.abort(code);
        }
        world.close();
        System.exit(code);
    }

    static Map<String, Command> commands() {
        Map<String, Command> commands = new LinkedHashMap<>();
        commands.put("run", new RunCommand());
        commands.put("resume", new ResumeCommand());
        commands.put("sweep", new SweepCommand());
        commands.put("inspect", new InspectCommand());
        commands.put("plot", new PlotCommand());
        for (Command c : ServiceLoader.load(Command.class)) {
            commands.putIfAbsent(c.name(), c);
        }
        return commands;
    }

    /** Runs a command line and returns the exit code. */
    public static int run(String[] args) {
        Map<String, Command> commands = commands();
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
            System.out.println(help(commands));
            return args.length == 0 ? 2 : 0;
        }
        if (args[0].equals("--version") || args[0].equals("version")) {
            System.out.println("nqs4j " + VERSION + " (Java " + Runtime.version() + ")");
            return 0;
        }
        Command c = commands.get(args[0]);
        if (c == null) {
            sayInputError("nqs: unknown command '" + args[0] + "'. Commands: " + String.join(", ", commands.keySet())
                    + ", test. See nqs --help.");
            return 2;
        }
        List<String> rest = new ArrayList<>(Arrays.asList(args).subList(1, args.length));
        if (rest.contains("--help") || rest.contains("-h")) {
            System.out.println("usage: nqs " + c.usage());
            return 0;
        }
        if (World.get().size() > 1 && !c.distributed(rest)) {
            if (World.get().rank() == 0) {
                System.err.println("nqs " + c.name() + ": runs as one process, not under an MPI launch of "
                        + World.get().size() + " (only run, resume and validate of one CONFIG are shared by ranks);"
                        + " start it without mpirun/srun.");
            }
            World.get().barrier(); // rank 0 has said why before a rank's exit code takes the job down
            return 2;
        }
        try {
            return c.run(rest);
        } catch (UsageException e) {
            sayInputError("nqs " + c.name() + ": " + e.getMessage() + "\nusage: nqs " + c.usage());
            return 2;
        } catch (ConfigException e) {
            sayInputError("nqs " + c.name() + ": config error: " + e.getMessage());
            return 2;
        } catch (NonFiniteUpdateException e) {
            System.err.println("nqs " + c.name() + ": the run stopped: " + e.getMessage());
            return 1;
        } catch (StopRequest.Interrupted e) {
            System.err.println("nqs " + c.name() + ": " + e.getMessage());
            return e.exitCode();
        } catch (OutputFolder.FolderRefusedException e) {
            System.err.println("nqs " + c.name() + ": " + e.getMessage());
            return 2;
        } catch (IOException | UncheckedIOException e) {
            System.err.println("nqs " + c.name() + ": " + IoMessages.describe(e));
            return 1;
        } catch (OutOfMemoryError e) {
            System.err.println("nqs " + c.name() + ": out of memory (" + e.getMessage() + "); use fewer samples per"
                    + " iteration or give the JVM more memory with NQS_JAVA_OPTS=-Xmx16g.");
            return 1;
        } catch (Exception e) {
            System.err.println("nqs " + c.name() + ": internal error: " + e);
            e.printStackTrace();
            return 1;
        }
    }

    /** How long a rank other than 0 holds its report of a mistake in the input (see {@link #sayInputError}). */
    static final long INPUT_ERROR_HOLD_MS = 5000;

    /**
     * Says what is wrong with the command line or the config (exit code 2). Under an MPI launch every rank
     * reads the same input and finds the same mistake: rank 0 says it, and its exit code takes the job down
     * ({@link #main}), so the other ranks first hold their report for {@value #INPUT_ERROR_HOLD_MS} ms, in which
     * the launcher ends them. A rank still alive then found a mistake of its own (a file its node lacks) and
     * says it. Nothing here waits for another rank, so a rank alone in its mistake cannot hang the job.
     */
    static void sayInputError(String message) {
        Collective world = World.get();
        if (world.size() > 1 && world.rank() != 0) {
            try {
                Thread.sleep(INPUT_ERROR_HOLD_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        System.err.println(message);
    }

    static String help(Map<String, Command> commands) {
        StringBuilder sb = new StringBuilder();
        sb.append("nqs4j ").append(VERSION).append(": variational Monte Carlo for neural-network quantum states\n\n");
        sb.append("usage: nqs COMMAND [ARGS]\n\ncommands:\n");
        for (Command c : commands.values()) {
            sb.append("  ").append(c.usage()).append('\n');
        }
        sb.append("  test [MAVEN ARGS]\n      run the test suite (handled by the launcher)\n");
        sb.append("  --help, --version\n\n");
        sb.append("exit codes: 0 success, 1 the run failed (or its folder is locked by another process), 2 a mistake in"
                + " the command or the config, 3 the launcher found no JDK or could not build, 4 the run finished but"
                + " failed a check of its own result (summary.json status suspect), 130/143 interrupted by"
                + " SIGINT/SIGTERM after a final checkpoint.\n");
        sb.append("docs: README.md (config reference, run-folder contract, conventions)");
        return sb.toString();
    }
}
