package org.openenvelope.user;

/** A federation ID of a list to add at once (an uploaded file) and the line it is on, so a refusal can name it. */
public record ListedUser(int line, String federationId) {
}
