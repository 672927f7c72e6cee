package org.openenvelope.addin;

/** An Encrypt flow that is to be worked on once the transaction that made it due has committed. */
public record FlowDue(String flowId) {
}
