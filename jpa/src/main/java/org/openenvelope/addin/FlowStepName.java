package org.openenvelope.addin;

/** The steps of the Encryption Flow Summary, in the words the add-in shows. */
public enum FlowStepName {
    INITIATED("Encryption Initiated"),
    AUTHENTICATED("Successfully Authenticated"),
    ENCRYPTED("Message Encrypted"),
    FLAGGED("Message Flagged for Encryption"),
    SENT("Message Sent");

    private final String label;

    FlowStepName(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
