package org.openenvelope.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * One administrative change: who did what, when, from where, to which account. Append-only: there is no way
 * to change an event once written.
 */
@Entity
@Table(name = "audit_event")
public class AuditEvent {

    public static final int DETAIL_MAX_LENGTH = 2000;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_event_id")
    @SequenceGenerator(name = "audit_event_id", sequenceName = "audit_event_id_seq", allocationSize = 50)
    private Long id;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Column(name = "actor", nullable = false, updatable = false, length = 254)
    private String actor;

    @Column(name = "account_number", updatable = false, length = 8)
    private String accountNumber;

    @Column(name = "action", nullable = false, updatable = false, length = 64)
    private String action;

    @Column(name = "detail", nullable = false, updatable = false, length = DETAIL_MAX_LENGTH)
    private String detail;

    @Column(name = "source_address", updatable = false, length = 64)
    private String sourceAddress;

    protected AuditEvent() {
    }

    public AuditEvent(Instant occurredAt, String actor, String accountNumber, String action, String detail,
                      String sourceAddress) {
        this.occurredAt = Objects.requireNonNull(occurredAt, "occurredAt");
        this.actor = Objects.requireNonNull(actor, "actor");
        this.accountNumber = accountNumber;
        this.action = Objects.requireNonNull(action, "action");
        String text = Objects.requireNonNull(detail, "detail");
        this.detail = text.length() > DETAIL_MAX_LENGTH ? text.substring(0, DETAIL_MAX_LENGTH - 1) + "…" : text;
        this.sourceAddress = sourceAddress;
    }

    public Long getId() {
        return id;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public String getActor() {
        return actor;
    }

    public String getAccountNumber() {
        return accountNumber;
    }

    public String getAction() {
        return action;
    }

    public String getDetail() {
        return detail;
    }

    public String getSourceAddress() {
        return sourceAddress;
    }
}
