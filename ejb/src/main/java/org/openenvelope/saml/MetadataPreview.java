package org.openenvelope.saml;

import java.util.List;
import org.openenvelope.saml.metadata.IdentityProviderMetadata;

/** What an IdP metadata document says, and what importing it changes in the draft (empty: nothing). */
public record MetadataPreview(IdentityProviderMetadata metadata, List<String> changes) {
}
