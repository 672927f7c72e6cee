package org.openenvelope.graph;

/** What went wrong talking to Microsoft, each with what to do about it in Entra ID. */
public enum GraphProblem {
    UNKNOWN_TENANT("unknown_tenant", "The tenant ID is not a Microsoft Entra tenant. Copy the Directory (tenant) ID from"
            + " Entra ID → Overview."),
    WRONG_CLIENT_ID("wrong_client_id", "The tenant has no application with this client ID. Copy the Application (client)"
            + " ID from Entra ID → App registrations → the app → Overview."),
    WRONG_SECRET("wrong_secret", "The client secret is not right. Create a new one under App registrations → the app →"
            + " Certificates & secrets and copy its Value (not its Secret ID)."),
    EXPIRED_SECRET("expired_secret", "The client secret has expired. Create a new one under App registrations → the app →"
            + " Certificates & secrets, and save it here."),
    CONSENT_NOT_GRANTED("consent_not_granted", "No administrator has consented to the app's permissions. In App"
            + " registrations → the app → API permissions, choose Grant admin consent."),
    PERMISSION_MISSING("permission_missing", "The app lacks a Microsoft Graph application permission this needs. Add it"
            + " under API permissions (Application permissions) and grant admin consent."),
    USER_NOT_FOUND("user_not_found", "Microsoft 365 has no such user or mailbox in this tenant."),
    MESSAGE_NOT_FOUND("message_not_found", "The message is not in the mailbox (it was sent or deleted meanwhile)."),
    THROTTLED("throttled", "Microsoft Graph kept asking to slow down; try again in a few minutes."),
    UNAVAILABLE("unavailable", "Microsoft cannot be reached or answered with an error; try again later."),
    UNEXPECTED("unexpected", "Microsoft answered in a way this service does not understand.");

    private final String code;
    private final String advice;

    GraphProblem(String code, String advice) {
        this.code = code;
        this.advice = advice;
    }

    public String code() {
        return code;
    }

    public String advice() {
        return advice;
    }
}
