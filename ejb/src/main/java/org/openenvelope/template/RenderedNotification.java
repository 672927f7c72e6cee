package org.openenvelope.template;

/** A notification's subject, plain text and HTML document, every placeholder replaced. */
public record RenderedNotification(String subject, String text, String html) {
}
