package org.openenvelope.envelope;

import java.io.Serializable;
import java.time.Instant;

/**
 * An account's Features as the tab and the API show them.
 *
 * @param serviceMaxMessageMegabytes the service's own size limit, which the account's stays within
 * @param updatedAt                  null while the account has the service's defaults
 */
public record FeaturesView(EnvelopeFeatures features, int serviceMaxMessageMegabytes, Instant updatedAt,
                           String updatedBy) implements Serializable {
}
