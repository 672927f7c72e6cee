package org.openenvelope.audit;

/** What an audit event records; the code is what is stored and what the REST API returns. */
public enum AuditAction {
    SERVICE_ADMINISTRATOR_CREATED("service-administrator.created"),
    ACCOUNT_CREATED("account.created"),
    ACCOUNT_RENAMED("account.renamed"),
    ACCOUNT_SUSPENDED("account.suspended"),
    ACCOUNT_REACTIVATED("account.reactivated"),
    PROFILE_ENTRIES_ADDED("profile.entries-added"),
    PROFILE_ENTRY_REMOVED("profile.entry-removed"),
    ADMINISTRATOR_ADDED("administrator.added"),
    ADMINISTRATOR_REMOVED("administrator.removed"),
    PASSWORD_CHANGED("administrator.password-changed"),
    SIGN_IN_SUCCEEDED("sign-in.succeeded"),
    SIGN_IN_FAILED("sign-in.failed"),
    SIGN_IN_LOCKED("sign-in.locked"),
    TOKEN_CREATED("token.created"),
    TOKEN_REVOKED("token.revoked");

    private final String code;

    AuditAction(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
