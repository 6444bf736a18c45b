package org.nqs4j.vmc.run;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.nqs4j.vmc.io.AtomicFiles;

/**
 * A folder nqs4j writes (a run folder or a sweep folder): marked as its own by the file
 * {@value #MARKER}, so that {@code --force} can tell it from the user's other folders, and locked
 * while one process writes it by an operating-system lock on {@value #LOCK}, which holds the
 * writer's PID. The OS releases the lock when the process ends, however it ends (also SIGKILL).
 */
public final class OutputFolder implements AutoCloseable {
    public static final String MARKER = ".nqs4j-run";
    public static final String LOCK = ".lock";
    private static final String MARKER_FORMAT = "nqs4j output folder, format 1";

    /**
     * Lock files locked by this JVM. POSIX locks belong to the process, and closing any channel of
     * a file drops all of them, so a second lock from this JVM is refused before a channel opens.
     */
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    /** What a folder holds: one run, or the run folders of a sweep. */
    public enum Kind {
        RUN, SWEEP
    }

    private final Path path;
    private final Path lockFile;
    private final FileChannel channel;
    private final FileLock lock;
    private final boolean created;

    private OutputFolder(Path path, Path lockFile, FileChannel channel, FileLock lock, boolean created) {
        this.path = path;
        this.lockFile = lockFile;
        this.channel = channel;
        this.lock = lock;
        this.created = created;
    }

    /**
     * Makes {@code dir} (or takes it when empty), locks and marks it. A non-empty folder is refused
     * unless {@code force} and it carries the marker; then its content is deleted under the lock.
     * Deleting never follows a symbolic link: a link inside the folder is removed, not its target.
     */
    public static OutputFolder create(Path dir, boolean force, Kind kind) throws IOException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new FolderRefusedException(dir + " exists and is not a folder; choose another --out DIR.");
        }
        boolean existed = Files.isDirectory(dir);
        if (existed && !isEmpty(dir)) {
            if (!isMarked(dir)) {
                throw new FolderRefusedException("the folder " + dir + " is not empty and is not an nqs4j run folder"
                        + " (it has no " + MARKER + " file), so nqs4j will not write into it"
                        + (force ? " and --force does not replace it" : "")
                        + "; choose another --out DIR, e.g. a new folder.");
            }
            if (!force) {
                throw new FolderRefusedException("the run folder " + dir + " already exists and is not empty; choose"
                        + " another with --out DIR, or pass --force to replace it.");
            }
            OutputFolder f = lock(dir, false);
            try {
                f.deleteContents();
                f.writeMarker(kind);
            } catch (IOException | RuntimeException e) {
                f.close();
                throw e;
            }
            return f;
        }
        Files.createDirectories(dir);
        if (!Files.isWritable(dir)) {
            throw new IOException("the run folder " + dir + " is not writable; check its permissions or choose another"
                    + " --out DIR.");
        }
        OutputFolder f = lock(dir, !existed);
        try {
            f.writeMarker(kind);
        } catch (IOException | RuntimeException e) {
            f.close();
            throw e;
        }
        return f;
    }

    /** Locks an existing folder for writing (to resume it). */
    public static OutputFolder open(Path dir) throws IOException {
        return lock(dir, false);
    }

    /** Whether {@code dir} carries the marker of an nqs4j folder (a regular file, not a link). */
    public static boolean isMarked(Path dir) {
        Path marker = dir.resolve(MARKER);
        try {
            return Files.isRegularFile(marker, LinkOption.NOFOLLOW_LINKS)
                    && Files.readString(marker, StandardCharsets.UTF_8).startsWith("nqs4j");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Whether {@code dir} is marked as a sweep folder. */
    public static boolean isSweep(Path dir) {
        try {
            return isMarked(dir) && Files.readString(dir.resolve(MARKER)).contains("kind sweep");
        } catch (IOException e) {
            return false;
        }
    }

    private static OutputFolder lock(Path dir, boolean created) throws IOException {
        Path file = dir.resolve(LOCK);
        Path key = dir.toRealPath().resolve(LOCK); // one key per folder, whatever path or link names it
        if (!HELD.add(key)) {
            throw new FolderLockedException(dir, "PID " + ProcessHandle.current().pid() + ", this process");
        }
        FileChannel ch = null;
        try {
            ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE,
                    LinkOption.NOFOLLOW_LINKS);
            FileLock l;
            try {
                l = ch.tryLock();
            } catch (java.nio.channels.OverlappingFileLockException e) {
                throw new FolderLockedException(dir, "PID " + ProcessHandle.current().pid() + ", this process");
            }
            if (l == null) {
                throw new FolderLockedException(dir, holder(ch));
            }
            ch.truncate(0);
            ch.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
            ch.force(false);
            return new OutputFolder(dir, key, ch, l, created);
        } catch (IOException | RuntimeException e) {
            if (ch != null) {
                ch.close();
            }
            HELD.remove(key);
            throw e;
        }
    }

    /** The PID the holder wrote into the lock file (it may not have written it yet). */
    private static String holder(FileChannel ch) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(64);
        ch.read(buf, 0);
        String pid = new String(buf.array(), 0, buf.position(), StandardCharsets.US_ASCII).trim();
        return pid.matches("[0-9]+") ? "PID " + pid : "PID not yet recorded";
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            return !s.iterator().hasNext();
        }
    }

    private void writeMarker(Kind kind) throws IOException {
        AtomicFiles.write(path.resolve(MARKER), MARKER_FORMAT + "\nkind " + kind.name().toLowerCase()
                + "\n(written by nqs4j: nqs run --force may replace this folder)\n");
    }

    /** Deletes everything in the folder but the lock; links are removed, never followed. */
    private void deleteContents() throws IOException {
        Path root = path.toRealPath();
        Path lockInRoot = root.resolve(LOCK);
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (!file.equals(lockInRoot)) {
                    Files.delete(file);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                if (!d.equals(root)) {
                    Files.delete(d);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    public Path path() {
        return path;
    }

    /** Whether this process made the folder (it did not exist, or was empty, before). */
    public boolean created() {
        return created;
    }

    /**
     * Removes the folder this process created and then left without results (a failure before the
     * first iteration), so that the next run takes the same name instead of NAME-2.
     */
    public void discard() throws IOException {
        try {
            deleteContents();
            Files.deleteIfExists(path.resolve(LOCK));
        } finally {
            close();
        }
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // another process put something into it meanwhile: leave it
        }
    }

    @Override
    public void close() throws IOException {
        if (!channel.isOpen()) {
            return;
        }
        try {
            lock.release();
            channel.close();
        } finally {
            HELD.remove(lockFile);
        }
    }

    /** A folder nqs4j must not write into: a mistake in the command line (exit code 2). */
    public static class FolderRefusedException extends IOException {
        private static final long serialVersionUID = 1L;

        public FolderRefusedException(String message) {
            super(message);
        }
    }

    /** Another process writes the folder (exit code 1). */
    public static final class FolderLockedException extends IOException {
        private static final long serialVersionUID = 1L;

        FolderLockedException(Path dir, String holder) {
            super(dir + " is being written by another nqs process (" + holder + "; lock file " + dir.resolve(LOCK)
                    + "); nothing was changed. Wait for it to end or stop it, then try again.");
        }
    }
}
