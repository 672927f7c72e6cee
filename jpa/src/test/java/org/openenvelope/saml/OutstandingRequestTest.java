package org.openenvelope.saml;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class OutstandingRequestTest {

    private static final Instant T0 = Instant.parse("2026-12-04T12:00:00Z");
    private static final String STARTER = "a".repeat(64);

    private static OutstandingRequest request(String browserDigest) {
        return new OutstandingRequest("_r", null, RequestPurpose.SIGN_IN, "primary", "/websafe/", browserDigest, T0, T0.plusSeconds(900));
    }

    @Test
    void anAnswerCountsOnlyWithTheDigestOfTheBrowserThatStartedTheRequest() {
        OutstandingRequest bound = request(STARTER);
        assertTrue(bound.startedIn(STARTER));
        assertFalse(bound.startedIn("b".repeat(64)), "another browser");
        assertFalse(bound.startedIn(null), "a browser without the cookie");
        assertFalse(bound.startedIn(STARTER.substring(1)));
    }

    @Test
    void aRequestBoundToNoBrowserTakesAnyAnswer() {
        assertTrue(request(null).startedIn(null));
        assertTrue(request(null).startedIn(STARTER));
    }
}
