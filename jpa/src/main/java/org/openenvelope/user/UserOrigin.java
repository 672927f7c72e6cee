package org.openenvelope.user;

/** How a user came to exist: added by an administrator, or created at first SSO sign-in (just-in-time). */
public enum UserOrigin {
    ADMINISTRATOR, JUST_IN_TIME
}
