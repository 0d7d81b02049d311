package io.auditor.model;

import java.util.List;
import java.util.stream.Collectors;

/** One or more problems in the user's input; the command exits 2 and contacts no device. */
public class InvalidInputException extends Exception {
    private final List<InputProblem> problems;

    public InvalidInputException(List<InputProblem> problems) {
        super(problems.stream().map(InputProblem::format).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public InvalidInputException(InputProblem problem) { this(List.of(problem)); }

    public List<InputProblem> problems() { return problems; }
}
