package org.openenvelope.template;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import org.openenvelope.account.Account;
import org.openenvelope.account.AccountAccess;
import org.openenvelope.branding.Brand;
import org.openenvelope.branding.BrandOf;
import org.openenvelope.audit.AuditAction;
import org.openenvelope.audit.AuditLog;

/**
 * The account's Templates tab: the notification mail's wording per language, checked before it is kept (every
 * placeholder known, the HTML reduced to formatting), a preview, the service's wording back with one call, and the
 * language the account's notifications use. Every change is audited.
 */
@Stateless
public class TemplateService {

    @PersistenceContext(unitName = "openenvelope")
    EntityManager em;

    @Inject
    AccountAccess access;

    @Inject
    NotificationTexts texts;

    @Inject
    BrandOf brandOf;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    public TemplatesView templates(String accountNumber) {
        Account account = access.account(accountNumber);
        return new TemplatesView(texts.language(account), Arrays.stream(TemplateLanguage.values()).map(language -> {
            Optional<NotificationTemplate> own = texts.own(account, language);
            return new TemplatesView.Template(language, language.label(), texts.wording(account, language),
                    own.isPresent(), own.map(NotificationTemplate::getUpdatedAt).orElse(null),
                    own.map(NotificationTemplate::getUpdatedBy).orElse(null));
        }).toList(), Placeholders.NAMES.stream().map(name -> "{" + name + "}").toList());
    }

    /**
     * Keeps the account's own wording in a language.
     *
     * @throws org.openenvelope.error.RejectedValuesException naming {@code subject}, {@code text} or {@code html}
     */
    public TemplatesView saveTemplate(String accountNumber, TemplateLanguage language, NotificationWording wording) {
        Account account = access.account(accountNumber);
        NotificationWording checked = Wordings.checked(wording);
        NotificationTemplate template = texts.own(account, language).orElseGet(() -> {
            NotificationTemplate added = new NotificationTemplate(account, language);
            em.persist(added);
            return added;
        });
        template.reword(checked, access.caller().getName(), clock.instant());
        audit.record(AuditAction.NOTIFICATION_TEMPLATE_CHANGED, accountNumber, "Notification template ("
                + language.label() + ") saved: subject \"" + checked.subject() + "\"");
        return templates(accountNumber);
    }

    /** The service's wording again in this language (the account's own is deleted). */
    public TemplatesView restoreStandard(String accountNumber, TemplateLanguage language) {
        Account account = access.account(accountNumber);
        texts.own(account, language).ifPresent(template -> {
            em.remove(template);
            audit.record(AuditAction.NOTIFICATION_TEMPLATE_CHANGED, accountNumber, "Notification template ("
                    + language.label() + ") back to the service's wording");
        });
        return templates(accountNumber);
    }

    /** The language the account's notification mails are written in from now on. */
    public TemplatesView useLanguage(String accountNumber, TemplateLanguage language) {
        Account account = access.account(accountNumber);
        NotificationLanguage chosen = Optional.ofNullable(em.find(NotificationLanguage.class, account.getId()))
                .orElseGet(() -> {
                    NotificationLanguage added = new NotificationLanguage(account);
                    em.persist(added);
                    return added;
                });
        TemplateLanguage before = texts.language(account);
        chosen.choose(language, access.caller().getName(), clock.instant());
        audit.record(AuditAction.NOTIFICATION_TEMPLATE_CHANGED, accountNumber, "Notification language "
                + before.label() + " → " + language.label());
        return templates(accountNumber);
    }

    /**
     * The wording as a recipient would get it, with sample values; checked as a save checks it, nothing kept.
     *
     * @throws org.openenvelope.error.RejectedValuesException as {@link #saveTemplate}
     */
    public RenderedNotification preview(String accountNumber, TemplateLanguage language, NotificationWording wording) {
        Brand brand = brandOf.account(access.account(accountNumber));
        return Wordings.render(Wordings.checked(wording), language, new NotificationValues(
                "Alice Example <alice@example.com>", brand.displayName(), "Quarterly figures",
                "securedoc_20261207T091500.html", "envelope.example.com", clock.instant().plus(Duration.ofDays(30)),
                "https://envelope.example.com/envelope/open?envelope=example"), brand);
    }
}
