package org.openenvelope.template;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapsId;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.openenvelope.account.Account;

/** The language an account's notification mails are written in; without a row, English. */
@Entity
@Table(name = "notification_language")
public class NotificationLanguage {

    @Id
    @Column(name = "account_id")
    private Long accountId;

    @MapsId
    @OneToOne(optional = false)
    @JoinColumn(name = "account_id")
    private Account account;

    @Enumerated(EnumType.STRING)
    @Column(name = "language", nullable = false, length = 8)
    private TemplateLanguage language;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "updated_by", nullable = false, length = 254)
    private String updatedBy;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected NotificationLanguage() {
    }

    public NotificationLanguage(Account account) {
        this.account = account;
    }

    public void choose(TemplateLanguage chosen, String actor, Instant now) {
        language = chosen;
        updatedBy = actor;
        updatedAt = now;
    }

    public TemplateLanguage getLanguage() {
        return language;
    }
}
