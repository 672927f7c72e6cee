package org.openenvelope.profile;

/** No DNS server answered a lookup; it says nothing about what the domain publishes. */
public class DnsUnavailableException extends RuntimeException {

    public DnsUnavailableException(String domain, String reason) {
        super("The DNS lookup of " + domain + " did not succeed (" + reason + ").");
    }
}
