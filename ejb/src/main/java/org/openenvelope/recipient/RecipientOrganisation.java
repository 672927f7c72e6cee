package org.openenvelope.recipient;

/** The account, and the one of its identity providers, that signs a recipient's address in, as the viewer names it. */
public record RecipientOrganisation(String accountNumber, String name, String identityProvider) {
}
