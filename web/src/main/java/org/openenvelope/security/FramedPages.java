package org.openenvelope.security;

/**
 * Pages that another site may frame (the Outlook add-in's, inside Outlook on the web), with a policy of their
 * own. Every other page gets the portal's policy and is never framed. The feature that serves such pages
 * provides this, so security does not depend on it.
 */
public interface FramedPages {

    /** Whether the path (below the context root) is one of these pages. */
    boolean covers(String path);

    /** Their Content-Security-Policy, which names who may frame them. */
    String contentSecurityPolicy();
}
