package org.openenvelope.audit;

import jakarta.enterprise.context.RequestScoped;

/** The network address a request came from; filled in by the web tier for the audit log. */
@RequestScoped
public class RequestOrigin {

    private String address;

    public String address() {
        return address;
    }

    public void address(String value) {
        this.address = value == null || value.length() <= 64 ? value : value.substring(0, 64);
    }
}
