package org.openenvelope.addin;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.openenvelope.error.ConflictException;
import org.openenvelope.user.AccountUser;

/**
 * What happened to one message the sender protected with the add-in: the steps of the Encryption Flow Summary,
 * each with its time. The steps come in their order only ({@link #expectedSteps()}); a failed step ends the flow.
 * Nothing of the message itself (subject, recipients, body) is kept.
 */
@Entity
@Table(name = "addin_flow")
@NamedQuery(name = EncryptionFlow.BY_PUBLIC_ID, query = "select f from EncryptionFlow f where f.publicId = :publicId")
@NamedQuery(name = EncryptionFlow.PURGE, query = "delete from EncryptionFlow f where f.startedAt < :before")
@NamedQuery(name = EncryptionFlow.OF_SOURCE, query = "select f from EncryptionFlow f where f.user = :user"
        + " and f.sourceMessageId = :source")
@NamedQuery(name = EncryptionFlow.DUE, query = "select f.publicId from EncryptionFlow f where f.dueAt <= :now"
        + " and f.phase is not null and f.phase <> :done and f.outcome <> :failed order by f.dueAt")
public class EncryptionFlow {

    public static final String BY_PUBLIC_ID = "EncryptionFlow.byPublicId";
    public static final String PURGE = "EncryptionFlow.purge";
    public static final String OF_SOURCE = "EncryptionFlow.ofSource";
    public static final String DUE = "EncryptionFlow.due";

    public enum Outcome { IN_PROGRESS, COMPLETED, FAILED }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "addin_flow_id")
    @SequenceGenerator(name = "addin_flow_id", sequenceName = "addin_flow_id_seq", allocationSize = 50)
    private Long id;

    @Column(name = "public_id", nullable = false, updatable = false, length = 36)
    private String publicId;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "user_id", nullable = false, updatable = false)
    private AccountUser user;

    @Column(name = "mailbox", nullable = false, updatable = false, length = 254)
    private String mailbox;

    @Enumerated(EnumType.STRING)
    @Column(name = "encryption_type", nullable = false, updatable = false, length = 8)
    private EncryptionType encryptionType;

    @Enumerated(EnumType.STRING)
    @Column(name = "outcome", nullable = false, length = 16)
    private Outcome outcome;

    @Column(name = "failure_code", length = 64)
    private String failureCode;

    @Column(name = "started_at", nullable = false, updatable = false)
    private Instant startedAt;

    /** Encrypt: the sender's draft, as Graph's REST id. */
    @Column(name = "source_message_id", updatable = false, length = 512)
    private String sourceMessageId;

    @Column(name = "envelope_id", length = 32)
    private String envelopeId;

    /** Encrypt: the message that carries the envelope, made in the sender's mailbox (Graph's immutable id). */
    @Column(name = "outgoing_message_id", length = 512)
    private String outgoingMessageId;

    @Enumerated(EnumType.STRING)
    @Column(name = "phase", length = 16)
    private EncryptPhase phase;

    @Column(name = "send_requested_at")
    private Instant sendRequestedAt;

    /** When the flow is worked on next; a worker holds it until then (a lease that a crashed node lets run out). */
    @Column(name = "due_at")
    private Instant dueAt;

    @Column(name = "lease_id", length = 36)
    private String leaseId;

    /** How often a worker took the flow up; a flow that cannot get on is failed rather than tried for ever. */
    @Column(name = "attempts", nullable = false)
    private int attempts;

    @Column(name = "base_url", updatable = false, length = 512)
    private String baseUrl;

    /** Whether a failure may go away by trying again (throttling, Microsoft unavailable). */
    @Column(name = "retryable", nullable = false)
    private boolean retryable;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "addin_flow_step", joinColumns = @JoinColumn(name = "flow_id"))
    @OrderColumn(name = "position")
    private List<FlowStep> steps = new ArrayList<>();

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected EncryptionFlow() {
    }

    /** A flow starts when the signed-in sender asks for it: initiated and authenticated at once. */
    public EncryptionFlow(AccountUser user, String mailbox, EncryptionType encryptionType, Instant now) {
        this.publicId = UUID.randomUUID().toString();
        this.user = user;
        this.mailbox = mailbox;
        this.encryptionType = encryptionType;
        this.startedAt = now;
        this.outcome = Outcome.IN_PROGRESS;
        steps.add(new FlowStep(FlowStepName.INITIATED, false, now, null));
        steps.add(new FlowStep(FlowStepName.AUTHENTICATED, false, now, null));
    }

    /** An Encrypt flow of the sender's draft {@code sourceMessageId}, due at once. */
    public static EncryptionFlow encrypt(AccountUser user, String mailbox, String sourceMessageId, String baseUrl,
                                         Instant now) {
        EncryptionFlow flow = new EncryptionFlow(user, mailbox, EncryptionType.ENCRYPT, now);
        flow.sourceMessageId = sourceMessageId;
        flow.baseUrl = baseUrl;
        flow.phase = EncryptPhase.PENDING;
        flow.dueAt = now;
        return flow;
    }

    /** Whether a worker should take the flow now: an Encrypt flow not ended, whose pause or lease is over. */
    public boolean isDue(Instant now) {
        return phase != null && phase != EncryptPhase.DONE && dueAt != null && !dueAt.isAfter(now)
                && outcome != Outcome.FAILED;
    }

    /**
     * Held by a new worker until {@code until}; empty when another holds it or nothing is due.
     *
     * @return the lease the worker presents at each step
     */
    public Optional<String> claim(Instant now, Instant until) {
        if (!isDue(now)) {
            return Optional.empty();
        }
        attempts++;
        leaseId = UUID.randomUUID().toString();
        dueAt = until;
        return Optional.of(leaseId);
    }

    /** Whether the worker with {@code lease} still holds the flow (no other took it after the lease ran out). */
    public boolean heldWith(String lease, Instant now) {
        return lease.equals(leaseId) && dueAt != null && dueAt.isAfter(now);
    }

    /** The worker goes on holding the flow until {@code until}. */
    public void renew(Instant until) {
        dueAt = until;
    }

    public int getAttempts() {
        return attempts;
    }

    /** Worked on again at {@code at} (a pause asked for, or waiting for Graph to confirm a send). */
    public void dueAgainAt(Instant at) {
        dueAt = at;
    }

    /** The message is sealed into {@code envelope}: <i>Message Encrypted</i>, the first time. */
    public void sealed(String envelope, Instant now) {
        requirePhase(EncryptPhase.PENDING);
        envelopeId = envelope;
        if (nextStep().orElse(null) == FlowStepName.ENCRYPTED) {
            reached(FlowStepName.ENCRYPTED, now);
        }
    }

    /** The outgoing message exists in the mailbox; {@code complete} when its attachment is in it too. */
    public void created(String outgoingId, boolean complete) {
        requirePhase(EncryptPhase.PENDING);
        outgoingMessageId = outgoingId;
        phase = complete ? EncryptPhase.READY : EncryptPhase.CREATED;
    }

    public void attached() {
        requirePhase(EncryptPhase.CREATED);
        phase = EncryptPhase.READY;
    }

    /** Back to the draft: what was made for it was never sent and is gone (its envelope is the caller's to discard). */
    public void startedOver() {
        if (phase != EncryptPhase.PENDING && phase != EncryptPhase.CREATED && phase != EncryptPhase.READY) {
            throw new IllegalStateException("a flow starts over only before its message is sent, not in " + phase);
        }
        envelopeId = null;
        outgoingMessageId = null;
        phase = EncryptPhase.PENDING;
    }

    public void sending(Instant now) {
        if (phase != EncryptPhase.READY && phase != EncryptPhase.SENDING) {
            throw new IllegalStateException("sending in " + phase);
        }
        phase = EncryptPhase.SENDING;
        sendRequestedAt = now;
    }

    /** Graph refused the send outright (it did not take the message): the message is ready to be sent again. */
    public void sendRefused() {
        requirePhase(EncryptPhase.SENDING);
        phase = EncryptPhase.READY;
    }

    /** Graph took the message: <i>Message Sent</i>; the draft is deleted next. */
    public void sent(Instant now) {
        requirePhase(EncryptPhase.SENDING);
        phase = EncryptPhase.SENT;
        reached(FlowStepName.SENT, now);
    }

    public void draftDeleted() {
        requirePhase(EncryptPhase.SENT);
        phase = EncryptPhase.DONE;
        dueAt = null;
    }

    /** A failure at the step that comes next; {@code retryable} when trying again may help. */
    public void failed(String code, String reason, boolean retryable, Instant now) {
        failed(nextStep().orElseThrow(() -> new ConflictException("step", "This flow has already ended.")), code,
                reason, now);
        this.retryable = retryable;
        dueAt = null;
    }

    /**
     * Try again after a failure that may go away: the failed step is taken back and the flow is due at once.
     *
     * @throws ConflictException when the flow did not fail, or failed for a reason trying again does not change
     */
    public void retry(Instant now) {
        if (outcome != Outcome.FAILED || !retryable || phase == null) {
            throw new ConflictException("flow", outcome == Outcome.FAILED
                    ? "Trying again does not help here: " + steps.get(steps.size() - 1).getDetail()
                    : "Only a failed flow is tried again.");
        }
        reopen(now);
    }

    /**
     * The sender asks again for a draft whose flow failed before anything was made of it (the cause may be
     * fixed now: a permission granted, the message made smaller): it starts over.
     *
     * @return whether it did
     */
    public boolean reopenIfNothingWasMade(Instant now) {
        if (outcome != Outcome.FAILED || phase != EncryptPhase.PENDING) {
            return false;
        }
        reopen(now);
        return true;
    }

    private void reopen(Instant now) {
        steps.remove(steps.size() - 1);
        outcome = Outcome.IN_PROGRESS;
        failureCode = null;
        retryable = false;
        attempts = 0;
        dueAt = now;
        if (phase == EncryptPhase.SENDING) {
            // the sender looked in Sent Items and asks to send the message that Microsoft never confirmed
            phase = EncryptPhase.READY;
        }
    }

    private void requirePhase(EncryptPhase expected) {
        if (phase != expected) {
            throw new IllegalStateException("expected " + expected + ", the flow is in " + phase);
        }
    }

    /** Encrypt: the service encrypts and sends. Flag: the add-in marks the message, the gateway encrypts it on Send. */
    public List<FlowStepName> expectedSteps() {
        return encryptionType == EncryptionType.ENCRYPT
                ? List.of(FlowStepName.INITIATED, FlowStepName.AUTHENTICATED, FlowStepName.ENCRYPTED, FlowStepName.SENT)
                : List.of(FlowStepName.INITIATED, FlowStepName.AUTHENTICATED, FlowStepName.FLAGGED);
    }

    /** The step that may come next, while the flow is in progress. */
    public Optional<FlowStepName> nextStep() {
        return outcome == Outcome.IN_PROGRESS ? Optional.of(expectedSteps().get(steps.size())) : Optional.empty();
    }

    /** @throws ConflictException on {@code step} when it is not the step that comes next */
    public void reached(FlowStepName step, Instant now) {
        steps.add(new FlowStep(requireNext(step), false, now, null));
        if (steps.size() == expectedSteps().size()) {
            outcome = Outcome.COMPLETED;
        }
    }

    /** @throws ConflictException on {@code step} when it is not the step that comes next */
    public void failed(FlowStepName step, String code, String reason, Instant now) {
        steps.add(new FlowStep(requireNext(step), true, now, reason));
        outcome = Outcome.FAILED;
        failureCode = code;
    }

    private FlowStepName requireNext(FlowStepName step) {
        FlowStepName next = nextStep().orElseThrow(() -> new ConflictException("step",
                "This flow has already " + (outcome == Outcome.COMPLETED ? "completed." : "failed.")));
        if (step != next) {
            throw new ConflictException("step", "The next step of this flow is " + next.label() + ", not "
                    + step.label() + ".");
        }
        return step;
    }

    public Long getId() {
        return id;
    }

    public String getPublicId() {
        return publicId;
    }

    public AccountUser getUser() {
        return user;
    }

    public String getMailbox() {
        return mailbox;
    }

    public EncryptionType getEncryptionType() {
        return encryptionType;
    }

    public Outcome getOutcome() {
        return outcome;
    }

    public String getFailureCode() {
        return failureCode;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public String getSourceMessageId() {
        return sourceMessageId;
    }

    public String getEnvelopeId() {
        return envelopeId;
    }

    public String getOutgoingMessageId() {
        return outgoingMessageId;
    }

    public EncryptPhase getPhase() {
        return phase;
    }

    public Instant getSendRequestedAt() {
        return sendRequestedAt;
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    public boolean isRetryable() {
        return retryable;
    }

    public List<FlowStep> getSteps() {
        return List.copyOf(steps);
    }
}
