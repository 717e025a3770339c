package dev.crashwatch.fleet.config;

/** A file or body that is not a valid upload config; the message is one line saying why. */
public final class UploadConfigException extends Exception {
    public UploadConfigException(String message) {
        super(message);
    }
}
