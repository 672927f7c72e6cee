package org.openenvelope.saml.validation;

import java.util.List;
import org.opensaml.security.x509.BasicX509Credential;

/**
 * This service as the SAML service provider of one account.
 *
 * @param entityId              the SP entity ID the IdP knows us by (the Audience it must name)
 * @param assertionConsumerUrl  where Responses must be addressed (Destination, Recipient)
 * @param singleLogoutUrl       where logout messages must be addressed
 * @param signingKey            the key that signs our requests and metadata
 * @param decryptionKeys        every key an IdP may have encrypted to: the active key and the next one that
 *                              metadata already publishes during a rollover
 */
public record ServiceProviderParty(String entityId, String assertionConsumerUrl, String singleLogoutUrl,
                                   BasicX509Credential signingKey, List<BasicX509Credential> decryptionKeys) {

    public ServiceProviderParty {
        decryptionKeys = List.copyOf(decryptionKeys);
    }
}
