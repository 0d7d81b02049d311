package io.auditor.report.history;

/**
 * The history file cannot be used or a read or write of it failed. {@link #unusableFile()} tells the two
 * apart: a file that is not an auditor history, is from a newer auditor, or does not exist is the user's
 * input (exit 2, nothing touched); a failure while reading or writing a good file is not.
 */
public final class HistoryException extends Exception {
    private final boolean unusableFile;
    private final String hint;

    private HistoryException(String message, String hint, boolean unusableFile, Throwable cause) {
        super(message, cause);
        this.hint = hint;
        this.unusableFile = unusableFile;
    }

    /** The file (or a run named in it) is not something this auditor can use; it was left untouched. */
    static HistoryException unusable(String message, String hint) {
        return new HistoryException(message, hint, true, null);
    }

    static HistoryException failed(String message, Throwable cause) {
        return new HistoryException(message, "", false, cause);
    }

    public boolean unusableFile() {
        return unusableFile;
    }

    /** What to do instead; may be empty. */
    public String hint() {
        return hint;
    }
}
