package org.openenvelope.audit;

import jakarta.enterprise.context.RequestScoped;

/** The network address a request came from and the client it named; filled in by the web tier for the audit log. */
@RequestScoped
public class RequestOrigin {

    private String address;
    private String userAgent;

    public String address() {
        return address;
    }

    public void address(String value) {
        this.address = value == null || value.length() <= 64 ? value : value.substring(0, 64);
    }

    /** The User-Agent as sent (at most 256 characters, control characters dropped), or null. */
    public String userAgent() {
        return userAgent;
    }

    public void userAgent(String value) {
        if (value == null) {
            this.userAgent = null;
            return;
        }
        String printable = value.replaceAll("\\p{Cntrl}", "");
        this.userAgent = printable.length() <= 256 ? printable : printable.substring(0, 256);
    }
}
