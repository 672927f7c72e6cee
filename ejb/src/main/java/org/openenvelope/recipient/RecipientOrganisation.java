package org.openenvelope.recipient;

/** The account whose identity provider signs a recipient's address in, as the viewer names it. */
public record RecipientOrganisation(String accountNumber, String name) {
}
