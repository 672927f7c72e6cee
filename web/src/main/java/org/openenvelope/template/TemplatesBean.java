package org.openenvelope.template;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openenvelope.account.AccountTab;
import org.openenvelope.account.AccountTabBean;
import org.openenvelope.error.FormErrors;
import org.openenvelope.error.ServiceException;

/** The Templates tab: the notification's wording in the language shown, its preview, and the language in use. */
@Named("templates")
@ViewScoped
public class TemplatesBean implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Map<String, String> FIELDS = Map.of("subject", "wording:subject", "text", "wording:text",
            "html", "wording:html");

    @EJB
    TemplateService service;

    @Inject
    AccountTabBean tab;

    /** The {@code language} view parameter: the language shown, the one in use when absent. */
    private String language;
    private transient TemplatesView view;
    private String subject;
    private String text;
    private String html;
    private transient RenderedNotification preview;
    private TemplateLanguage inUse;

    public void load() throws IOException {
        if (tab.open(AccountTab.TEMPLATES) && subject == null) {
            TemplatesView templates = getView();
            inUse = templates.language();
            NotificationWording wording = shown().wording();
            subject = wording.subject();
            text = wording.text();
            html = wording.html();
        }
    }

    public TemplatesView getView() {
        if (view == null) {
            view = service.templates(tab.getNumber());
        }
        return view;
    }

    /** The language shown and edited. */
    public TemplateLanguage getShownLanguage() {
        try {
            return language == null ? getView().language() : Languages.of(language);
        } catch (ServiceException notALanguage) {
            return getView().language();
        }
    }

    public TemplatesView.Template shown() {
        return getView().templates().stream().filter(t -> t.language() == getShownLanguage()).findFirst().orElseThrow();
    }

    public String preview() {
        try {
            preview = service.preview(tab.getNumber(), getShownLanguage(), wording());
        } catch (ServiceException refusal) {
            preview = null;
            FormErrors.showEachField(refusal, new HashMap<>(FIELDS));
        }
        return null;
    }

    public String save() {
        try {
            service.saveTemplate(tab.getNumber(), getShownLanguage(), wording());
            FormErrors.info("The " + getShownLanguage().label() + " template is saved.");
            return reload();
        } catch (ServiceException refusal) {
            FormErrors.showEachField(refusal, new HashMap<>(FIELDS));
            return null;
        }
    }

    public String restore() {
        service.restoreStandard(tab.getNumber(), getShownLanguage());
        FormErrors.info("The " + getShownLanguage().label() + " template is the service's wording again.");
        return reload();
    }

    public String useLanguage() {
        service.useLanguage(tab.getNumber(), inUse);
        FormErrors.info("Notifications are written in " + inUse.label() + " from now on.");
        return reload();
    }

    private String reload() {
        return "/admin/accounts/templates.xhtml?faces-redirect=true&account=" + tab.getNumber() + "&language="
                + getShownLanguage().name().toLowerCase(Locale.ROOT);
    }

    private NotificationWording wording() {
        return new NotificationWording(subject, text, html);
    }

    public String getPlaceholders() {
        return String.join(" ", getView().placeholders());
    }

    public List<TemplateLanguage> getLanguages() {
        return List.of(TemplateLanguage.values());
    }

    public String getLanguage() {
        return language;
    }

    public void setLanguage(String language) {
        this.language = language;
    }

    public String getSubject() {
        return subject;
    }

    public void setSubject(String subject) {
        this.subject = subject;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public String getHtml() {
        return html;
    }

    public void setHtml(String html) {
        this.html = html;
    }

    public RenderedNotification getPreview() {
        return preview;
    }

    public TemplateLanguage getInUse() {
        return inUse;
    }

    public void setInUse(TemplateLanguage inUse) {
        this.inUse = inUse;
    }
}
