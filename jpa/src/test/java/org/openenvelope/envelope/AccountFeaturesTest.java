package org.openenvelope.envelope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openenvelope.error.RejectedValuesException;
import org.openenvelope.error.ValueProblem;
import org.openenvelope.testing.TestAccounts;

class AccountFeaturesTest {

    private static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");

    private static EnvelopeFeatures features(Integer defaultDays, Integer maxDays, Integer megabytes, boolean password,
                                             boolean code) {
        return new EnvelopeFeatures(true, false, true, false, defaultDays, maxDays, megabytes, password, code, true);
    }

    @Test
    void everyProblemIsNamedAtOnceAndNothingChanges() {
        AccountFeatures stored = new AccountFeatures(TestAccounts.account());
        stored.change(EnvelopeFeatures.DEFAULTS, 25, "ada", T0);
        RejectedValuesException refused = assertThrows(RejectedValuesException.class,
                () -> stored.change(features(0, 4000, 26, false, false), 25, "bob", T0));
        assertEquals(List.of("defaultExpiryDays", "maxExpiryDays", "maxMessageMegabytes", "codeSignIn"),
                refused.problems().stream().map(ValueProblem::field).toList());
        assertEquals(EnvelopeFeatures.DEFAULTS, stored.features(), "nothing changed");
        assertEquals("ada", stored.getUpdatedBy());
    }

    @Test
    void aLongestExpiryNeedsADefaultWithinIt() {
        AccountFeatures stored = new AccountFeatures(TestAccounts.account());
        assertEquals("defaultExpiryDays", assertThrows(RejectedValuesException.class,
                () -> stored.change(features(null, 30, null, true, true), 25, "ada", T0)).problems().get(0).field());
        assertEquals("defaultExpiryDays", assertThrows(RejectedValuesException.class,
                () -> stored.change(features(31, 30, null, true, true), 25, "ada", T0)).problems().get(0).field());
        stored.change(features(30, 30, 25, true, false), 25, "ada", T0);
        assertEquals(30, stored.features().maxExpiryDays());
    }

    @Test
    void theFeaturesSayWhatIsAllowed() {
        EnvelopeFeatures f = features(7, 30, null, true, false);
        assertTrue(f.allows(ReplyKind.REPLY) && !f.allows(ReplyKind.REPLY_ALL) && f.allows(ReplyKind.FORWARD));
        assertTrue(f.allows(EnvelopeFeatures.SignIn.PASSWORD) && !f.allows(EnvelopeFeatures.SignIn.CODE)
                && f.allows(EnvelopeFeatures.SignIn.SSO));
        assertEquals(T0.plusSeconds(7 * 86400), f.expiryFrom(T0));
        assertEquals(T0.plusSeconds(30 * 86400), f.latestExpiry(T0));
        assertNull(EnvelopeFeatures.DEFAULTS.expiryFrom(T0), "the defaults: envelopes do not expire");
        assertNull(EnvelopeFeatures.DEFAULTS.latestExpiry(T0));
        assertFalse(features(null, null, null, true, true).equals(EnvelopeFeatures.DEFAULTS));
    }
}
