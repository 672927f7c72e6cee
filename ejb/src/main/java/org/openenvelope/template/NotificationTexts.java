package org.openenvelope.template;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.openenvelope.account.Account;
import org.openenvelope.branding.Brand;

/** An account's notification wording, in the caller's transaction: the language it uses, its own or the service's. */
@ApplicationScoped
public class NotificationTexts {

    @PersistenceContext(unitName = "openenvelope")
    EntityManager em;

    /** The notification of one envelope, as the account words it, under its brand. */
    public RenderedNotification render(Account account, Brand brand, NotificationValues values) {
        TemplateLanguage language = language(account);
        return Wordings.render(wording(account, language), language, values, brand);
    }

    TemplateLanguage language(Account account) {
        return Optional.ofNullable(em.find(NotificationLanguage.class, account.getId()))
                .map(NotificationLanguage::getLanguage).orElse(TemplateLanguage.EN);
    }

    NotificationWording wording(Account account, TemplateLanguage language) {
        return own(account, language).map(NotificationTemplate::wording).orElseGet(() -> Wordings.standard(language));
    }

    Optional<NotificationTemplate> own(Account account, TemplateLanguage language) {
        return owned(account).stream().filter(t -> t.getLanguage() == language).findFirst();
    }

    List<NotificationTemplate> owned(Account account) {
        return em.createNamedQuery(NotificationTemplate.OF_ACCOUNT, NotificationTemplate.class)
                .setParameter("account", account).getResultList();
    }
}
