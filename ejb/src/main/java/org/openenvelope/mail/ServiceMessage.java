package org.openenvelope.mail;

import java.util.List;
import java.util.Objects;

/**
 * A message the service itself writes to a person (a one-time code, a registration or reset link, a read
 * receipt): its words as paragraphs, at most one prominent code and one link, so that every such message gets
 * the same plain-text and HTML form from {@link ServiceMail}.
 */
public record ServiceMessage(String to, String subject, List<String> paragraphs, String code, Link link) {

    /** A link shown as a button in HTML and as its address in plain text. */
    public record Link(String text, String url) {
        public Link {
            Objects.requireNonNull(text);
            Objects.requireNonNull(url);
        }
    }

    public ServiceMessage {
        Objects.requireNonNull(to);
        Objects.requireNonNull(subject);
        paragraphs = List.copyOf(paragraphs);
    }
}
