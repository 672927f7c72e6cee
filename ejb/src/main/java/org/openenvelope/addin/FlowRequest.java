package org.openenvelope.addin;

import java.util.List;

/**
 * What the add-in says of a message when it asks for its flow or decision: the saved draft's REST id (Encrypt; null
 * otherwise), its recipients and subject (for the account's rules; empty when the add-in cannot read them).
 */
public record FlowRequest(String messageId, List<String> recipients, String subject) {

    public static final FlowRequest NOTHING = new FlowRequest(null, List.of(), null);

    public FlowRequest {
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
    }
}
