package org.openenvelope.http;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BaseUrlTest {

    @Test
    void linksTrustTheRequestsHostOnlyFromThisMachineUnlessTheUrlIsConfigured() {
        assertTrue(BaseUrl.trustsForLinks(true, "203.0.113.7"), "a configured public URL: any client");
        assertTrue(BaseUrl.trustsForLinks(false, "127.0.0.1"));
        assertTrue(BaseUrl.trustsForLinks(false, "::1"));
        assertFalse(BaseUrl.trustsForLinks(false, "203.0.113.7"), "a remote client's Host header could be anything");
        assertFalse(BaseUrl.trustsForLinks(false, "10.0.0.5"));
        assertFalse(BaseUrl.trustsForLinks(false, "localhost.evil.example"), "names are never looked up");
        assertFalse(BaseUrl.trustsForLinks(false, null));
    }
}
