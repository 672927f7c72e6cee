package org.openenvelope.account;

import java.io.Serializable;
import java.time.Instant;

/** An account as lists, pages and the API show it. */
public record AccountSummary(String number, String name, AccountStatus status, Instant createdAt,
                             AuthenticationMethod authenticationMethod) implements Serializable {

    public static AccountSummary of(Account account) {
        return new AccountSummary(account.getNumber(), account.getName(), account.getStatus(),
                account.getCreatedAt(), account.getAuthenticationMethod());
    }
}
