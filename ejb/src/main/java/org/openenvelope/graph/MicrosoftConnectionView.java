package org.openenvelope.graph;

import java.io.Serializable;
import java.time.Instant;

/**
 * Step 1 as the portal and the API show it: never the secret, only that one is set, its hint and when it was saved.
 */
public record MicrosoftConnectionView(String tenantId, String clientId, boolean secretSet, String secretHint,
                                      Instant secretSavedAt, String secretSavedBy, Instant testedAt, String testOutcome,
                                      String testDetail) implements Serializable {

    static final MicrosoftConnectionView NONE = new MicrosoftConnectionView(null, null, false, null, null, null, null, null, null);

    static MicrosoftConnectionView of(MicrosoftConnection connection) {
        return new MicrosoftConnectionView(connection.getTenantId(), connection.getClientId(), true,
                connection.getSecretHint(), connection.getSecretSavedAt(), connection.getSecretSavedBy(),
                connection.getTestedAt(), connection.getTestOutcome(), connection.getTestDetail());
    }
}
