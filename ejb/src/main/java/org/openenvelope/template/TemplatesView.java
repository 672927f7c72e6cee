package org.openenvelope.template;

import java.time.Instant;
import java.util.List;

/**
 * The Templates tab: the language the account's notifications are written in, and each language's wording with
 * whether it is the account's own (else the service's).
 */
public record TemplatesView(TemplateLanguage language, List<Template> templates, List<String> placeholders) {

    public record Template(TemplateLanguage language, String label, NotificationWording wording, boolean own,
                           Instant updatedAt, String updatedBy) {
    }
}
