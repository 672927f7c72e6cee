package org.openenvelope.graph;

import jakarta.ejb.ApplicationException;
import org.openenvelope.error.ServiceException;

/**
 * A typed failure of a call to Microsoft. The message is the advice of its {@link GraphProblem} with Microsoft's own
 * words appended ({@code detail}), never a token or a secret. It does not roll back: what was recorded about the
 * attempt stays.
 */
@ApplicationException(rollback = false)
public class GraphException extends ServiceException {

    private final GraphProblem problem;
    private final String detail;

    public GraphException(GraphProblem problem, String detail) {
        super("graph_" + problem.code(), problem.advice() + (detail == null || detail.isBlank() ? "" : " (Microsoft: " + detail + ")"));
        this.problem = problem;
        this.detail = detail;
    }

    public GraphProblem problem() {
        return problem;
    }

    public String detail() {
        return detail;
    }
}
