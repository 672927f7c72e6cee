package org.openenvelope.addin;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * Steps 2 and 3 as the portal and the API show them: every Profiles domain with what the add-in does there (the
 * defaults until configured), and the manifest's id and revision.
 */
public record AddinConfigurationView(String manifestId, int revision, List<Domain> domains) implements Serializable {

    public record Domain(String domain, DomainSettings settings, boolean configured, Instant updatedAt, String updatedBy)
            implements Serializable {
    }
}
