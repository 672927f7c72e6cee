package org.openenvelope.security;

import java.io.Serializable;
import java.security.Principal;
import java.util.Set;

/**
 * Who is acting: the principal the web tier hands to the container at sign-in and that every service checks.
 * It carries the account scope, so "may this caller touch account X" never needs a lookup.
 *
 * @param subjectId     the administrator's or the token's database id
 * @param name          what the audit log records as the actor
 * @param accountId     the only account an account-scoped caller may act on; null for service callers
 * @param accountNumber that account's number, for messages and audit entries
 */
public record Caller(CallerKind kind, long subjectId, String name, AdministratorRole role, Long accountId,
                     String accountNumber) implements Principal, Serializable {

    public Caller {
        if ((role == AdministratorRole.ACCOUNT) == (accountId == null)) {
            throw new IllegalArgumentException("account callers need an account, service callers must not have one");
        }
    }

    @Override
    public String getName() {
        return name;
    }

    public boolean isServiceAdministrator() {
        return role == AdministratorRole.SERVICE;
    }

    public boolean mayAccessAccount(long candidateAccountId) {
        return isServiceAdministrator() || accountId == candidateAccountId;
    }

    /** The container security roles (groups) of this caller. */
    public Set<String> groups() {
        return Set.of(role.securityRole());
    }
}
