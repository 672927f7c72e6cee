package org.openenvelope.addin;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The add-in's sign-in requests: the address the sender signs in with, and the Outlook mailbox it acts for. */
@Schema(name = "AddinSignIn")
public record AddinSignInRequest(
        @Schema(description = "The address the sender signs in with", example = "alice@example.com") String email,
        @Schema(description = "Password sign-in only; never stored by the add-in") String password,
        @Schema(description = "Only when the password was a one-time password: the sender's own, at least 12 characters") String newPassword,
        @Schema(description = "The Outlook mailbox (Office.context.mailbox.userProfile.emailAddress)", required = true) String mailbox) {
}
