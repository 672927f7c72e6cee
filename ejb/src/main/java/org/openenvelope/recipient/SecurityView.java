package org.openenvelope.recipient;

import java.time.Instant;

/** An account's Security as the tab and the API show it; {@code updatedAt} null while it has the defaults. */
public record SecurityView(RecipientSecurity security, Instant updatedAt, String updatedBy) {
}
