package org.openenvelope.error;

import jakarta.ejb.ApplicationException;
import java.util.List;

/** Several values were submitted as one change and at least one was wrong, so none was applied. */
@ApplicationException(rollback = true)
public class RejectedValuesException extends ServiceException {

    private final List<ValueProblem> problems;

    public RejectedValuesException(List<ValueProblem> problems) {
        super("rejected_values", summary(problems));
        this.problems = List.copyOf(problems);
    }

    public List<ValueProblem> problems() {
        return problems;
    }

    private static String summary(List<ValueProblem> problems) {
        return problems.size() == 1
                ? "1 value was rejected; nothing was saved."
                : problems.size() + " values were rejected; nothing was saved.";
    }
}
