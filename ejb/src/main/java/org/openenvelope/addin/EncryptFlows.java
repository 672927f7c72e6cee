package org.openenvelope.addin;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.openenvelope.account.Account;
import org.openenvelope.envelope.EnvelopeService;
import org.openenvelope.envelope.SealedEnvelope;
import org.openenvelope.error.ResourceNotFoundException;

/**
 * The steps of Encrypt flows, each in a transaction of its own, committed before the Microsoft Graph call that
 * follows it ({@link EncryptFlowRunner}): what is committed is what a resumed flow relies on. Every step is taken
 * only by the worker that holds the flow's lease, and renews it; a worker whose lease another took stops
 * ({@link LeaseLost}), so two workers never act on one flow.
 */
@Stateless
public class EncryptFlows {

    /** How long a worker holds a flow between steps; a node that dies lets it run out and another resumes. */
    static final Duration LEASE = Duration.ofMinutes(5);

    @PersistenceContext(unitName = "openenvelope")
    EntityManager em;

    @Inject
    EnvelopeService envelopes;

    @Inject
    FlowAudit audit;

    @Inject
    Event<FlowDue> due;

    @Inject
    Clock clock;

    /** What the runner needs of a flow, read in one transaction. */
    public record State(String id, Account account, String mailbox, String sender, String source, String envelopeId,
                        String outgoingId, EncryptPhase phase, Instant sendRequestedAt, int attempts) {
    }

    /** The worker's lease was taken by another after it ran out: this worker stops at once. */
    public static final class LeaseLost extends RuntimeException {

        LeaseLost(String flowId) {
            super("Encrypt flow " + flowId + " is held by another worker now");
        }
    }

    public State state(String flowId) {
        EncryptionFlow flow = flow(flowId);
        return new State(flow.getPublicId(), flow.getUser().getAccount(), flow.getMailbox(),
                flow.getUser().getFederationId(), flow.getSourceMessageId(), flow.getEnvelopeId(),
                flow.getOutgoingMessageId(), flow.getPhase(), flow.getSendRequestedAt(), flow.getAttempts());
    }

    /** The flows whose time has come: new ones a restart interrupted, pauses over, leases run out. */
    public List<String> due() {
        return em.createNamedQuery(EncryptionFlow.DUE, String.class).setParameter("now", clock.instant())
                .setParameter("done", EncryptPhase.DONE).setParameter("failed", EncryptionFlow.Outcome.FAILED)
                .setMaxResults(100).getResultList();
    }

    /** Takes the flow for one worker; empty when another holds it or nothing is due. */
    public Optional<String> claim(String flowId) {
        Instant now = clock.instant();
        return flow(flowId).claim(now, now.plus(LEASE));
    }

    /** Seals the draft's MIME, read from the mailbox: <i>Message Encrypted</i>. */
    public SealedEnvelope seal(String flowId, String lease, byte[] mime) {
        EncryptionFlow flow = held(flowId, lease);
        SealedEnvelope sealed = envelopes.sealFromMailbox(flow.getUser().getAccount(), mime, flow.getMailbox(),
                flow.getBaseUrl(), flow.getUser().getFederationId());
        flow.sealed(sealed.envelope().id(), clock.instant());
        return sealed;
    }

    public void created(String flowId, String lease, String outgoingId, boolean complete) {
        held(flowId, lease).created(outgoingId, complete);
    }

    public void attached(String flowId, String lease) {
        held(flowId, lease).attached();
    }

    /** What was made for the draft is gone (never sent): its envelope's key is destroyed, the flow begins again. */
    public void startOver(String flowId, String lease) {
        EncryptionFlow flow = held(flowId, lease);
        discardEnvelope(flow);
        flow.startedOver();
    }

    public void sending(String flowId, String lease) {
        held(flowId, lease).sending(clock.instant());
    }

    public void sendRefused(String flowId, String lease) {
        held(flowId, lease).sendRefused();
    }

    public void sent(String flowId, String lease) {
        EncryptionFlow flow = held(flowId, lease);
        flow.sent(clock.instant());
        audit.ended(flow);
    }

    public void draftDeleted(String flowId, String lease) {
        held(flowId, lease).draftDeleted();
    }

    /** The message was sent but its draft could not be deleted: said in the audit trail, the flow ends. */
    public void draftKept(String flowId, String lease, String why) {
        EncryptionFlow flow = held(flowId, lease);
        audit.noted(flow, "the draft was kept in the mailbox: " + why);
        flow.draftDeleted();
    }

    /** The worker lets the flow go until {@code at} (a pause asked for, or waiting for Graph to confirm a send). */
    public void dueAgainAt(String flowId, String lease, Instant at) {
        held(flowId, lease).dueAgainAt(at);
    }

    /** The flow fails at the step that comes next; an envelope that never left is discarded. */
    public void failed(String flowId, String lease, String code, String reason, boolean retryable) {
        EncryptionFlow flow = held(flowId, lease);
        if (flow.getPhase() != EncryptPhase.SENDING && flow.getPhase() != EncryptPhase.SENT) {
            discardEnvelope(flow);
            flow.startedOver();
        }
        flow.failed(code, reason, retryable, clock.instant());
        audit.ended(flow);
    }

    /** Try again: the flow resumes from where it stands, after the transaction commits. */
    public void retry(EncryptionFlow flow) {
        flow.retry(clock.instant());
        due.fire(new FlowDue(flow.getPublicId()));
    }

    /** Asked again for a draft whose flow failed before anything was made: it starts over; false otherwise. */
    public boolean reopen(EncryptionFlow flow) {
        boolean reopened = flow.reopenIfNothingWasMade(clock.instant());
        if (reopened) {
            due.fire(new FlowDue(flow.getPublicId()));
        }
        return reopened;
    }

    private void discardEnvelope(EncryptionFlow flow) {
        if (flow.getEnvelopeId() != null) {
            envelopes.discardUnsent(flow.getUser().getAccount(), flow.getEnvelopeId(), flow.getUser().getFederationId());
        }
    }

    private EncryptionFlow held(String flowId, String lease) {
        EncryptionFlow flow = flow(flowId);
        Instant now = clock.instant();
        if (!flow.heldWith(lease, now)) {
            throw new LeaseLost(flowId);
        }
        flow.renew(now.plus(LEASE));
        return flow;
    }

    private EncryptionFlow flow(String flowId) {
        return em.createNamedQuery(EncryptionFlow.BY_PUBLIC_ID, EncryptionFlow.class).setParameter("publicId", flowId)
                .getResultStream().findFirst().orElseThrow(() -> new ResourceNotFoundException("Flow " + flowId
                        + " was not found."));
    }
}
