package org.openenvelope.recipient;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "RecipientSession")
public record RecipientSessionJson(
        @Schema(description = "The address the recipient proved") String address,
        @Schema(description = "CODE, PASSWORD or SSO (the identity provider of the account that owns the address)") String method) {

    static RecipientSessionJson of(RecipientSession session) {
        return new RecipientSessionJson(session.getAddress(), session.getMethod().name());
    }

    static RecipientSessionJson of(StartedSession session) {
        return new RecipientSessionJson(session.address(), session.method().name());
    }
}
