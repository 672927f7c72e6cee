package org.openenvelope.account;

public enum AccountStatus {
    /** Administrators sign in, tokens work, users are served. */
    ACTIVE,
    /** Kept with all its data, but nobody acting for the account can sign in or use its tokens. */
    SUSPENDED
}
