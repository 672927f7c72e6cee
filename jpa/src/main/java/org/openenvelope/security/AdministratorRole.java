package org.openenvelope.security;

/** The two kinds of portal administrator; the names double as container security roles. */
public enum AdministratorRole {
    /** Runs the service: sees and changes every account. */
    SERVICE("service-admin"),
    /** Administers exactly one account and can never see another. */
    ACCOUNT("account-admin");

    private final String securityRole;

    AdministratorRole(String securityRole) {
        this.securityRole = securityRole;
    }

    public String securityRole() {
        return securityRole;
    }
}
