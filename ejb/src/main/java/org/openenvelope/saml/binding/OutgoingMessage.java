package org.openenvelope.saml.binding;

import java.util.Map;

/** A SAML message ready to travel through the browser: a redirect, or a form the browser posts on. */
public sealed interface OutgoingMessage {

    /** HTTP-Redirect: send the browser to {@code url} (302). */
    record Redirect(String url) implements OutgoingMessage {
    }

    /** HTTP-POST: a page whose form posts {@code fields} to {@code action}. */
    record Post(String action, Map<String, String> fields) implements OutgoingMessage {

        public Post {
            fields = Map.copyOf(fields);
        }
    }
}
