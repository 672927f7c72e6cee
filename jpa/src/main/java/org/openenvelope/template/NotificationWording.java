package org.openenvelope.template;

/**
 * The wording of the notification mail with its placeholders: subject, plain text and HTML.
 *
 * @param html a fragment of HTML (the body's content), sanitised when saved
 */
public record NotificationWording(String subject, String text, String html) {
}
