package org.openenvelope.saml;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.openenvelope.audit.AuditAction;
import org.openenvelope.audit.AuditLog;
import org.openenvelope.error.InvalidValueException;
import org.openenvelope.error.RejectedValuesException;
import org.openenvelope.cluster.ScheduledRuns;
import org.openenvelope.operations.ServiceLog;
import org.openenvelope.saml.metadata.IdentityProviderMetadata;
import org.openenvelope.saml.metadata.MetadataFetcher;
import org.openenvelope.saml.metadata.MetadataReader;
import org.openenvelope.saml.metadata.MetadataRejectedException;
import org.openenvelope.saml.metadata.MetadataTrust;

/**
 * Keeps configurations imported from a metadata URL current: every 15 minutes (configurable), each one whose refresh interval has
 * passed is re-read in its own transaction, so one IdP that is down delays nobody else. On a cluster one node does
 * each run ({@link ScheduledRuns}); were two to refresh the same IdP, the result would be the same document applied
 * twice.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
public class MetadataRefresher {

    private static final Logger LOG = ServiceLog.logger(MetadataRefresher.class);
    static final String ACTOR = "system (metadata refresh)";

    /** Claims each run for one node of a cluster. */
    @Inject
    ScheduledRuns runs;

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

    /** How often due refreshes are looked for; each look is one node's on a cluster. */
    @Inject
    @ConfigProperty(name = "openenvelope.saml.metadata-refresh.check-seconds", defaultValue = "900")
    long checkSeconds;

    @Resource
    TimerService timers;

    @PostConstruct
    void schedule() {
        Duration every = Duration.ofSeconds(Math.max(1, checkSeconds));
        timers.createIntervalTimer(every.toMillis(), every.toMillis(), new TimerConfig("saml-metadata-refresh", false));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void scheduled() {
        if (runs.claim("saml-metadata-refresh", Duration.ofSeconds(Math.max(1, checkSeconds)))) {
            refreshDue();
        }
    }

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
