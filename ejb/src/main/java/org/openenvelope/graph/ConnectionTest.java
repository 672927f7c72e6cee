package org.openenvelope.graph;

import java.io.Serializable;
import java.util.List;

/**
 * What Test connection came to: {@code CONNECTED} (every permission granted), {@code PERMISSIONS_MISSING},
 * {@code CONSENT_NOT_GRANTED}, or {@code FAILED} with the {@link GraphProblem} and what to do.
 */
public record ConnectionTest(String outcome, String problem, String message, boolean consentGranted,
                             List<PermissionReport.Permission> permissions) implements Serializable {

    static ConnectionTest of(PermissionReport report) {
        String outcome = !report.consentGranted() ? "CONSENT_NOT_GRANTED" : report.allGranted() ? "CONNECTED" : "PERMISSIONS_MISSING";
        String message = switch (outcome) {
            case "CONNECTED" -> "Connected: every Microsoft Graph permission the add-in needs is granted.";
            case "CONSENT_NOT_GRANTED" -> GraphProblem.CONSENT_NOT_GRANTED.advice();
            default -> "Connected, but permissions are missing; see each one below.";
        };
        return new ConnectionTest(outcome, null, message, report.consentGranted(), report.permissions());
    }

    static ConnectionTest failed(GraphException e) {
        return new ConnectionTest("FAILED", e.problem().code(), e.getMessage(), false, List.of());
    }

    public boolean connected() {
        return "CONNECTED".equals(outcome);
    }
}
