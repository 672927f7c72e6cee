package org.openenvelope.template;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** PUT .../templates/{language} and its preview: the notification's wording with placeholders such as {sender}. */
@Schema(name = "NotificationTemplate")
public record TemplateRequest(@Schema(required = true, description = "One line, e.g. [Secure] {subject}") String subject,
                              @Schema(required = true) String text,
                              @Schema(required = true, description = "HTML formatting and links; the rest is removed") String html) {

    NotificationWording wording() {
        return new NotificationWording(subject, text, html);
    }
}
