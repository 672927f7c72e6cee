package org.openenvelope.saml;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import org.openenvelope.account.Account;
import org.openenvelope.account.AccountAccess;
import org.openenvelope.audit.AuditAction;
import org.openenvelope.audit.AuditLog;
import org.openenvelope.saml.keys.UploadedKeyPair;

/**
 * The administrator's side of the account's SAML service provider: its entity ID and the three-step key rollover
 * (publish the next key, activate it, retire the previous one), each step audited.
 */
@Stateless
public class ServiceProviderService {

    @Inject
    AccountAccess access;

    @Inject
    ServiceProviderKeys serviceProviders;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    /** The account's SP; its first key is generated on first use. */
    public ServiceProviderView serviceProvider(String accountNumber, String baseUrl) {
        return view(serviceProviders.ensure(access.account(accountNumber)), baseUrl);
    }

    /**
     * Sets the SP entity ID the IdP knows this account by; blank returns to the default derived from the base URL.
     * The IdP's configuration must be changed to match, or every sign-in fails the audience check.
     */
    public ServiceProviderView changeServiceProviderEntityId(String accountNumber, String baseUrl, String entityId) {
        Account account = access.account(accountNumber);
        SamlEndpoints endpoints = new SamlEndpoints(baseUrl, accountNumber);
        ServiceProvider provider = serviceProviders.ensure(account);
        String before = provider.entityId(endpoints.defaultEntityId());
        provider.changeEntityId(entityId);
        String after = provider.entityId(endpoints.defaultEntityId());
        if (!before.equals(after)) {
            audit.record(AuditAction.SERVICE_PROVIDER_ENTITY_ID_CHANGED, accountNumber,
                    "SP entity ID changed from " + before + " to " + after);
        }
        return ServiceProviderView.of(provider, endpoints);
    }

    /**
     * Key rollover, step 1: a new key is published in the SP metadata at once (as the next key) but does not sign
     * yet, so IdP administrators can re-import the metadata before it is used.
     */
    public ServiceProviderView addNextServiceProviderKey(String accountNumber, String baseUrl) {
        ServiceProvider provider = serviceProviders.ensure(access.account(accountNumber));
        ServiceProviderKey key = serviceProviders.generateKey(provider);
        audit.record(AuditAction.SERVICE_PROVIDER_KEY_CREATED, accountNumber, "Published the next SP key "
                + key.getFingerprint() + " (self-signed, valid until " + key.getNotAfter() + "); it signs once activated");
        return view(provider, baseUrl);
    }

    /**
     * Step 1 with a CA-issued certificate: the uploaded key pair (PKCS#12 or PEM) is checked and published as the
     * next key. The password only opens the file; neither it nor the key leaves this method unsealed.
     */
    public ServiceProviderView addUploadedServiceProviderKey(String accountNumber, String baseUrl, byte[] keyFile,
                                                             char[] password) {
        ServiceProvider provider = serviceProviders.ensure(access.account(accountNumber));
        ServiceProviderKey key = serviceProviders.uploadKey(provider, UploadedKeyPair.read(keyFile, password, clock.instant()));
        audit.record(AuditAction.SERVICE_PROVIDER_KEY_CREATED, accountNumber, "Published the next SP key "
                + key.getFingerprint() + " (uploaded, " + key.certificate().getSubjectX500Principal().getName()
                + " issued by " + key.certificate().getIssuerX500Principal().getName() + ", valid until "
                + key.getNotAfter() + "); it signs once activated");
        return view(provider, baseUrl);
    }

    /** Takes back a next key before it signs; it leaves the SP metadata at once. */
    public ServiceProviderView withdrawNextServiceProviderKey(String accountNumber, String baseUrl) {
        ServiceProvider provider = serviceProviders.ensure(access.account(accountNumber));
        ServiceProviderKey withdrawn = provider.withdrawNextKey(clock.instant());
        audit.record(AuditAction.SERVICE_PROVIDER_KEY_RETIRED, accountNumber, "Withdrew the next SP key "
                + withdrawn.getFingerprint() + " before it signed");
        return view(provider, baseUrl);
    }

    /** Step 2: the next key signs from now on; the one it replaces is still published and still decrypts. */
    public ServiceProviderView activateNextServiceProviderKey(String accountNumber, String baseUrl) {
        ServiceProvider provider = serviceProviders.ensure(access.account(accountNumber));
        provider.activateNextKey(clock.instant());
        audit.record(AuditAction.SERVICE_PROVIDER_KEY_ACTIVATED, accountNumber, "Activated the SP key "
                + provider.activeKey().orElseThrow().getFingerprint());
        return view(provider, baseUrl);
    }

    /** Step 3: the replaced key leaves the metadata; IdPs must have re-imported it by now. */
    public ServiceProviderView retirePreviousServiceProviderKey(String accountNumber, String baseUrl) {
        ServiceProvider provider = serviceProviders.ensure(access.account(accountNumber));
        provider.retirePreviousKey(clock.instant());
        audit.record(AuditAction.SERVICE_PROVIDER_KEY_RETIRED, accountNumber, "Retired the previous SP key");
        return view(provider, baseUrl);
    }

    private static ServiceProviderView view(ServiceProvider provider, String baseUrl) {
        return ServiceProviderView.of(provider, new SamlEndpoints(baseUrl, provider.getAccount().getNumber()));
    }
}
