package org.openenvelope.template;

import jakarta.persistence.Column;
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
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.openenvelope.account.Account;

/**
 * An account's own wording of the notification mail in one language (the Templates tab); without one, the
 * service's wording for that language. The wording is checked and sanitised by the service before it is kept.
 */
@Entity
@Table(name = "notification_template")
@NamedQuery(name = NotificationTemplate.OF_ACCOUNT, query = "select t from NotificationTemplate t where t.account = :account")
public class NotificationTemplate {

    public static final String OF_ACCOUNT = "NotificationTemplate.ofAccount";
    public static final int SUBJECT_MAX = 400;
    public static final int TEXT_MAX = 8000;
    public static final int HTML_MAX = 16000;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "notification_template_id")
    @SequenceGenerator(name = "notification_template_id", sequenceName = "notification_template_id_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "account_id", nullable = false, updatable = false)
    private Account account;

    @Enumerated(EnumType.STRING)
    @Column(name = "language", nullable = false, updatable = false, length = 8)
    private TemplateLanguage language;

    @Column(name = "subject", nullable = false, length = SUBJECT_MAX)
    private String subject;

    @Column(name = "text_body", nullable = false, length = TEXT_MAX)
    private String text;

    @Column(name = "html_body", nullable = false, length = HTML_MAX)
    private String html;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "updated_by", nullable = false, length = 254)
    private String updatedBy;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected NotificationTemplate() {
    }

    public NotificationTemplate(Account account, TemplateLanguage language) {
        this.account = account;
        this.language = language;
    }

    /** Takes a wording the service has checked (placeholders known, HTML sanitised, lengths within the columns). */
    public void reword(NotificationWording wording, String actor, Instant now) {
        if (wording.subject().length() > SUBJECT_MAX || wording.text().length() > TEXT_MAX
                || wording.html().length() > HTML_MAX) {
            throw new IllegalArgumentException("a wording is checked before it is kept");
        }
        subject = wording.subject();
        text = wording.text();
        html = wording.html();
        updatedBy = actor;
        updatedAt = now;
    }

    public NotificationWording wording() {
        return new NotificationWording(subject, text, html);
    }

    public TemplateLanguage getLanguage() {
        return language;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public String getUpdatedBy() {
        return updatedBy;
    }
}
