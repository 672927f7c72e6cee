package org.openenvelope.saml;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import org.openenvelope.saml.xml.NameIdFormats;

/**
 * A Test SSO run as its result page shows it.
 *
 * @param ofCurrentDraft whether it tested the draft as it is now (only such a passed test allows Enable SSO)
 * @param diagnosis      for a failure: what is wrong and what to change, then the details
 * @param assertion      for a completed run that got that far: the parsed assertion, one "name: value" per line
 * @param receivedAttributes the names of the attributes the assertion carried: the candidates to identify users by
 * @param nameIdIdentifies whether the NameID received lasts beyond one sign-in, so it could identify users
 */
public record SsoTestView(long id, String identityProvider, SsoTestOutcome outcome, String startedBy, Instant startedAt, Instant completedAt,
                          String reasonCode, String diagnosis, List<String> assertion, boolean ofCurrentDraft,
                          String receivedNameIdFormat, List<String> receivedAttributes, boolean nameIdIdentifies) implements Serializable {

    static SsoTestView of(SsoTest test, boolean ofCurrentDraft) {
        String summary = test.getAssertionSummary();
        return new SsoTestView(test.getId(), test.getIdentityProviderName(), test.getOutcome(), test.getStartedBy(), test.getStartedAt(),
                test.getCompletedAt(), test.getReasonCode(), test.getDetail(),
                summary == null ? List.of() : summary.lines().toList(), ofCurrentDraft, test.getReceivedNameIdFormat(),
                test.getReceivedAttributes(), nameIdIdentifies(test.getReceivedNameIdFormat()));
    }

    static boolean nameIdIdentifies(String format) {
        return format != null && !NameIdFormats.TRANSIENT.equals(format);
    }
}
