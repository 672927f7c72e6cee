package org.openenvelope.recipient;

/** What a mailed registration or reset link is for, as its page shows it before the person uses it. */
public record PasswordLink(String address, boolean registration, String envelopeId) {
}
