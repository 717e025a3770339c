package dev.crashwatch.watchdog.cli;

import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * An exception as one line for a person: its message where it has one, else its type. A file-system error the JDK
 * gives only the path for ({@code NoSuchFileException: /x}) gets what happened to it: {@code /x: no such file}.
 */
final class ErrorText {
    private ErrorText() {
    }

    static String of(Exception e) {
        if (e instanceof FileSystemException f && f.getReason() == null && f.getFile() != null) {
            return f.getFile() + ": " + what(f);
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName()
                : message.replace('\n', ' ');
    }

    private static String what(FileSystemException f) {
        if (f instanceof NoSuchFileException) {
            return "no such file or directory";
        } else if (f instanceof AccessDeniedException) {
            return "permission denied";
        } else if (f instanceof FileAlreadyExistsException) {
            return "already exists";
        } else if (f instanceof NotDirectoryException) {
            return "not a directory";
        } else if (f instanceof DirectoryNotEmptyException) {
            return "directory not empty";
        }
        return f.getClass().getSimpleName();
    }
}
