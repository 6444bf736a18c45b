package org.nqs4j.vmc.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * Turns an I/O failure into a sentence that says which file, what is wrong and what to do: the
 * JDK's own messages are often a bare path ("/proc/nqs") or a bare reason ("Is a directory").
 */
final class IoMessages {
    private IoMessages() {
    }

    static String describe(Exception e) {
        Throwable t = e instanceof UncheckedIOException u && u.getCause() != null ? u.getCause() : e;
        if (t instanceof FileSystemException f && f.getFile() != null) {
            String file = f.getFile() + (f.getOtherFile() != null ? " -> " + f.getOtherFile() : "");
            String what = switch (f) {
                case AccessDeniedException a -> "permission denied";
                case NoSuchFileException n -> n.getReason() != null ? n.getReason() : "no such file or folder";
                case NotDirectoryException n -> "a part of the path is not a folder";
                case FileAlreadyExistsException x -> "it already exists";
                default -> f.getReason() != null ? f.getReason().toLowerCase() : "the operating system refused it";
            };
            return "cannot use " + file + ": " + what + ". Check the path and its permissions.";
        }
        String message = t.getMessage();
        if (message == null || message.isBlank()) {
            return "an I/O operation failed (" + t + "); check the paths given and the free disk space.";
        }
        if (!message.contains(" ")) { // a bare path, as some JDK calls report it
            return "cannot use " + message + " (" + t.getClass().getSimpleName() + "). Check the path and its"
                    + " permissions.";
        }
        if (message.length() < 40 && !message.contains("/") && !message.contains(java.io.File.separator)) {
            // a bare reason such as "Is a directory": our own messages name the file and are longer
            return "an I/O operation failed (" + message + ") on a file of the command; check the paths given, their"
                    + " permissions and the free disk space.";
        }
        return message;
    }
}
