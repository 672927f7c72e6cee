package org.openenvelope.addin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.openenvelope.audit.AuditAction;
import org.openenvelope.audit.AuditLog;
import org.openenvelope.operations.ServiceMetrics;

/** One audit line per flow when it ends, naming the sender, the mailbox and the last step. */
@ApplicationScoped
public class FlowAudit {

    @Inject
    AuditLog audit;

    @Inject
    ServiceMetrics metrics;

    void ended(EncryptionFlow flow) {
        if (flow.getOutcome() != EncryptionFlow.Outcome.IN_PROGRESS) {
            metrics.addinFlowEnded(flow.getEncryptionType().name(), flow.getOutcome() == EncryptionFlow.Outcome.FAILED
                    ? flow.getFailureCode() : flow.getOutcome().name());
            FlowStep last = flow.getSteps().get(flow.getSteps().size() - 1);
            audit.recordAs(flow.getUser().getFederationId(), AuditAction.ADDIN_FLOW_ENDED,
                    flow.getUser().getAccount().getNumber(), flow.getEncryptionType().name().charAt(0)
                            + flow.getEncryptionType().name().substring(1).toLowerCase() + " flow " + flow.getPublicId()
                            + " for " + flow.getMailbox() + ": " + last.getStep().label()
                            + (last.isFailed() ? " failed (" + flow.getFailureCode() + ")" : "")
                            + (flow.getEnvelopeId() == null || last.isFailed() ? "" : ", envelope " + flow.getEnvelopeId()));
        }
    }

    /** A line of what happened on the way that the sender does not see in the summary. */
    void noted(EncryptionFlow flow, String what) {
        audit.recordAs(flow.getUser().getFederationId(), AuditAction.ADDIN_FLOW_ENDED,
                flow.getUser().getAccount().getNumber(), "Encrypt flow " + flow.getPublicId() + " for "
                        + flow.getMailbox() + ": " + what);
    }
}
