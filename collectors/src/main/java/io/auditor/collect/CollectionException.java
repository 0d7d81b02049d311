package io.auditor.collect;

/** The transport could not reach the device or run a probe; the message says what to check. */
public class CollectionException extends Exception {
    public CollectionException(String message) { super(message); }

    public CollectionException(String message, Throwable cause) { super(message, cause); }
}
