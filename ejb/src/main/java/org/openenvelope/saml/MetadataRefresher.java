package org.openenvelope.saml;

import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;
import org.openenvelope.audit.AuditAction;
import org.openenvelope.audit.AuditLog;
import org.openenvelope.error.InvalidValueException;
import org.openenvelope.error.RejectedValuesException;
import org.openenvelope.operations.ServiceLog;
import org.openenvelope.saml.metadata.IdentityProviderMetadata;
import org.openenvelope.saml.metadata.MetadataFetcher;
import org.openenvelope.saml.metadata.MetadataReader;
import org.openenvelope.saml.metadata.MetadataRejectedException;
import org.openenvelope.saml.metadata.MetadataTrust;

/**
 * Keeps configurations imported from a metadata URL current: every 15 minutes, each one whose refresh interval has
 * passed is re-read in its own transaction, so one IdP that is down delays nobody else. Several nodes may refresh
 * the same IdP; the result is the same document applied twice.
 */
@Singleton
@DependsOn("DatabaseMigration")
public class MetadataRefresher {

    private static final Logger LOG = ServiceLog.logger(MetadataRefresher.class);
    static final String ACTOR = "system (metadata refresh)";

    @PersistenceContext(unitName = "openenvelope")
    EntityManager em;

    @Inject
    MetadataFetcher fetcher;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @Resource
    SessionContext context;

    @Schedule(hour = "*", minute = "*/15", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void refreshDue() {
        Instant now = clock.instant();
        List<Long> due = em.createNamedQuery(IdentityProvider.SUBSCRIBED, IdentityProvider.class).getResultStream()
                .filter(idp -> idp.metadataRefreshDue(now)).map(IdentityProvider::getId).toList();
        MetadataRefresher self = context.getBusinessObject(MetadataRefresher.class);
        for (Long id : due) {
            try {
                self.refresh(id);
            } catch (RuntimeException e) {
                LOG.log(java.util.logging.Level.WARNING, "Metadata refresh of identity provider " + id + " failed", e);
            }
        }
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void refresh(long identityProviderId) {
        IdentityProvider idp = em.find(IdentityProvider.class, identityProviderId);
        if (idp != null && idp.metadataRefreshDue(clock.instant())) {
            refresh(idp, ACTOR);
        }
    }

    /**
     * Re-reads one IdP's metadata URL, verified as at import and for the same entity ID. Changes come into force at
     * once and are audited; a document that cannot be fetched or verified changes nothing and is recorded as the
     * configuration's problem (shown on the SSO page). In the caller's transaction.
     */
    public void refresh(IdentityProvider idp, String actor) {
        Instant now = clock.instant();
        MetadataSource source = idp.metadataSource();
        String accountNumber = idp.getAccount().getNumber();
        IdentityProviderMetadata metadata;
        try {
            metadata = MetadataReader.read(fetcher.fetch(source.url()), new MetadataTrust(source.moreSecure(), source.anchors()),
                    idp.getEntityId(), now);
        } catch (InvalidValueException | MetadataRejectedException e) {
            idp.metadataRefreshFailed(e.getMessage(), now);
            audit.recordAs(actor, AuditAction.IDENTITY_PROVIDER_METADATA_REFRESH_FAILED, accountNumber,
                    "Metadata of identity provider " + idp.getName() + " (" + idp.getEntityId() + ") from " + source.url()
                            + " not applied: " + e.getMessage());
            LOG.warning(() -> "Metadata refresh for account " + accountNumber + ", identity provider " + idp.getName()
                    + " not applied: " + e.getMessage());
            return;
        }
        IdentityProviderSettings before = idp.settings();
        IdentityProviderSettings after = IdentityProviderChanges.fromMetadata(before, metadata).withSignAuthnRequests(
                AuthnRequestSigning.atRefresh(before.signAuthnRequests(), idp.getMetadataWantsSignedRequests(), metadata));
        List<String> changes = IdentityProviderChanges.between(before, after);
        try {
            if (!changes.isEmpty()) {
                idp.configure(after, actor, now);
            }
        } catch (InvalidValueException | RejectedValuesException e) {
            idp.metadataRefreshFailed("The metadata no longer gives a usable configuration: " + e.getMessage(), now);
            audit.recordAs(actor, AuditAction.IDENTITY_PROVIDER_METADATA_REFRESH_FAILED, accountNumber,
                    "Metadata of identity provider " + idp.getName() + " (" + idp.getEntityId()
                            + ") not applied: " + e.getMessage());
            return;
        }
        idp.readFromMetadata(source, metadata.signature().name(), metadata.validUntil(),
                metadata.wantAuthnRequestsSigned(), now);
        audit.recordAs(actor, AuditAction.IDENTITY_PROVIDER_METADATA_REFRESHED, accountNumber, "Metadata of identity provider "
                + idp.getName() + " (" + idp.getEntityId() + ")" + " re-read from " + source.url() + (changes.isEmpty() ? ": unchanged"
                : ": " + String.join("; ", changes)));
    }

}
