package io.auditor.cli;

import io.auditor.model.InputProblem;
import io.auditor.report.UntrustedText;

import java.util.List;

/** {@code --color WHEN} of the commands that print the console report: its check and its meaning. */
final class Colour {
    private Colour() {}

    /** Adds a problem to {@code problems} unless {@code when} is auto, always or never. */
    static void check(String when, List<InputProblem> problems) {
        if (!List.of("auto", "always", "never").contains(when)) {
            problems.add(new InputProblem("--color", 0, 0, "unknown choice '" + UntrustedText.oneLine(when) + "'",
                    "write auto, always or never"));
        }
    }

    /** {@code auto}: only on a terminal, not when NO_COLOR is set, and not on a dumb terminal. */
    static boolean use(String when) {
        return switch (when) {
            case "always" -> true;
            case "never" -> false;
            default -> System.console() != null && System.getenv("NO_COLOR") == null
                    && !"dumb".equals(System.getenv("TERM"));
        };
    }
}
