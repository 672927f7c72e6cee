package org.openenvelope.token;

import org.openenvelope.security.Caller;

/** Whom a presented API token stands for, and whether it may only read. */
public record AuthenticatedToken(Caller caller, boolean readOnly) {
}
