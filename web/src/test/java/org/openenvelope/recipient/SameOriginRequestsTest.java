package org.openenvelope.recipient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SameOriginRequestsTest {

    private static final String BASE = "https://Envelope.Example.com/openenvelope";

    @Test
    void theServicesOwnOriginIsAllowedAsBrowsersSerialiseIt() {
        assertTrue(SameOriginRequests.allows("https://envelope.example.com", null, BASE));
        assertTrue(SameOriginRequests.allows("https://envelope.example.com", "cross-site", BASE), "Origin decides when sent");
        assertTrue(SameOriginRequests.allows("http://127.0.0.1:8080", null, "http://127.0.0.1:8080"));
        assertEquals("https://envelope.example.com", SameOriginRequests.originOf("https://envelope.example.com:443/x"));
        assertEquals("http://host:8080", SameOriginRequests.originOf("http://HOST:8080"));
    }

    @Test
    void anotherSiteAFilePageAndASilentRequestAreRefused() {
        assertFalse(SameOriginRequests.allows("https://evil.example", null, BASE));
        assertFalse(SameOriginRequests.allows("https://envelope.example.com.evil.example", null, BASE));
        assertFalse(SameOriginRequests.allows("http://envelope.example.com", null, BASE), "another scheme");
        assertFalse(SameOriginRequests.allows("https://envelope.example.com:8443", null, BASE), "another port");
        assertFalse(SameOriginRequests.allows("null", "cross-site", BASE), "a file:// page or another site's sandbox");
        assertFalse(SameOriginRequests.allows("null", null, BASE));
        assertFalse(SameOriginRequests.allows(null, null, BASE), "neither Origin nor Sec-Fetch-Site");
        assertFalse(SameOriginRequests.allows(null, "same-site", BASE), "a sibling subdomain is another origin");
        assertTrue(SameOriginRequests.allows(null, "same-origin", BASE));
        assertTrue(SameOriginRequests.allows("null", "same-origin", BASE), "our no-referrer page's own form post");
    }
}
