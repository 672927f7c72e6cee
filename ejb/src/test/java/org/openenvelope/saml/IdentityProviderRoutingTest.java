package org.openenvelope.saml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;

class IdentityProviderRoutingTest {

    private final IdentityProviderRouting routing = new IdentityProviderRouting("primary", Set.of("primary", "duo"));

    @Test
    void anEntryAssignedToAnIdentityProviderInForceIsSignedInByIt() {
        assertEquals("duo", routing.serving("duo"));
    }

    @Test
    void everythingElseIsSignedInByTheDefault() {
        assertEquals("primary", routing.serving(null), "no assignment, or no entry");
        assertEquals("primary", routing.serving("entra-emea"), "assigned to one not (yet) in force");
        assertEquals("primary", routing.serving("primary"));
    }

    @Test
    void aTestedDraftIsJudgedAsIfItsAssignmentsWereInForce() {
        assertEquals("entra-emea", routing.withDraft("entra-emea").serving("entra-emea"));
        assertEquals("duo", routing.withDraft("entra-emea").serving("duo"));
        assertEquals("primary", routing.serving("entra-emea"), "the rule itself is unchanged");
    }
}
