package io.auditor.model;

/**
 * Something wrong in a file the user wrote (inventory, profile, waivers, rules), located precisely.
 *
 * @param line   1-based, or 0 when unknown
 * @param column 1-based, or 0 when unknown
 * @param hint   what to write instead; may be empty
 */
public record InputProblem(String file, int line, int column, String message, String hint) {
    /** {@code file:line:column: message — hint}, the format editors and terminals link. */
    public String format() {
        StringBuilder sb = new StringBuilder(file);
        if (line > 0) {
            sb.append(':').append(line);
            if (column > 0) sb.append(':').append(column);
        }
        sb.append(": ").append(message);
        if (hint != null && !hint.isBlank()) sb.append(" — ").append(hint);
        return sb.toString();
    }
}
