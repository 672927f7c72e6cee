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
public class EncryptionFlow {

    public static final String BY_PUBLIC_ID = "EncryptionFlow.byPublicId";
    public static final String PURGE = "EncryptionFlow.purge";

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

    public List<FlowStep> getSteps() {
        return List.copyOf(steps);
    }
}
