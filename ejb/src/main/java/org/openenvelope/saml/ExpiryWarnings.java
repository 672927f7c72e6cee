package org.openenvelope.saml;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.openenvelope.account.Account;
import org.openenvelope.account.AccountAccess;

/** IdP certificates, IdP metadata and SP keys that expire soon, so administrators act before sign-ins fail. */
@Stateless
public class ExpiryWarnings {

    /** How far ahead the portal warns. */
    static final Duration AHEAD = Duration.ofDays(30);

    @PersistenceContext(unitName = "openenvelope")
    EntityManager em;

    @Inject
    AccountAccess access;

    @Inject
    Clock clock;

    /** Certificates and metadata of this account that expire within {@link #AHEAD} (or have expired). */
    public List<ExpiryWarning> ofAccount(String accountNumber) {
        Account account = access.account(accountNumber);
        return expiring().stream().filter(w -> w.accountNumber().equals(account.getNumber())).toList();
    }

    /** The service administrator's list: every account's expiring certificates and metadata, soonest first. */
    public List<ExpiryWarning> ofService() {
        access.requireServiceAdministrator("see every account's expiring certificates");
        return expiring();
    }

    private List<ExpiryWarning> expiring() {
        Instant now = clock.instant();
        Instant limit = now.plus(AHEAD);
        List<ExpiryWarning> warnings = new ArrayList<>();
        for (IdentityProvider idp : em.createNamedQuery(IdentityProvider.EXPIRING, IdentityProvider.class)
                .setParameter("limit", limit).getResultList()) {
            Account account = idp.getAccount();
            String stage = idp.getName() + ", " + idp.getStage().name().toLowerCase();
            for (TrustedCertificate trusted : idp.getCertificates()) {
                if (trusted.getNotAfter().isBefore(limit)) {
                    X509Certificate certificate = trusted.certificate();
                    warnings.add(new ExpiryWarning(account.getNumber(), account.getName(), "IdP signing certificate (" + stage + ")",
                            certificate.getSubjectX500Principal().getName(), trusted.getFingerprint(), trusted.getNotAfter(),
                            trusted.getNotAfter().isBefore(now)));
                }
            }
            if (idp.getMetadataValidUntil() != null && idp.getMetadataValidUntil().isBefore(limit)) {
                warnings.add(new ExpiryWarning(account.getNumber(), account.getName(), "IdP metadata (" + stage + ")",
                        idp.getEntityId(), null, idp.getMetadataValidUntil(), idp.getMetadataValidUntil().isBefore(now)));
            }
        }
        for (ServiceProviderKey key : em.createNamedQuery(ServiceProviderKey.EXPIRING, ServiceProviderKey.class)
                .setParameter("limit", limit).getResultList()) {
            Account account = key.getServiceProvider().getAccount();
            warnings.add(new ExpiryWarning(account.getNumber(), account.getName(), "SP key (" + key.getStatus().name()
                    .toLowerCase() + ")", key.certificate().getSubjectX500Principal().getName(), key.getFingerprint(),
                    key.getNotAfter(), key.getNotAfter().isBefore(now)));
        }
        warnings.sort(Comparator.comparing(ExpiryWarning::expiresAt));
        return warnings;
    }
}
