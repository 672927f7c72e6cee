package org.openenvelope.addin;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.openenvelope.account.Account;
import org.openenvelope.audit.AuditAction;
import org.openenvelope.audit.AuditLog;
import org.openenvelope.error.ConflictException;
import org.openenvelope.error.InvalidValueException;
import org.openenvelope.profile.DomainName;
import org.openenvelope.profile.ProfileOwners;
import org.openenvelope.account.AccountAccess;

/**
 * Addin Config step 2: what the Outlook add-in does for the senders of each of the account's Profiles domains —
 * encrypt through the service or flag for the gateway, how long the add-in remembers the password, and how it
 * flags. Saved per domain or for all domains at once; every change is audited and raises the manifest revision.
 */
@Stateless
public class AddinConfigurationService {

    @PersistenceContext(unitName = "openenvelope")
    EntityManager em;

    @Inject
    AddinConfigurations configurations;

    @Inject
    ProfileOwners profileOwners;

    @Inject
    AccountAccess access;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    public AddinConfigurationView configuration(String accountNumber) {
        Account account = access.account(accountNumber);
        Optional<AddinConfiguration> configuration = configurations.of(account);
        List<AddinConfigurationView.Domain> domains = profileOwners.domainsOf(account).stream().map(domain -> configuration
                .flatMap(c -> c.domain(domain))
                .map(d -> new AddinConfigurationView.Domain(domain, d.settings(), true, d.getUpdatedAt(), d.getUpdatedBy()))
                .orElse(new AddinConfigurationView.Domain(domain, DomainSettings.DEFAULT, false, null, null))).toList();
        return new AddinConfigurationView(configuration.map(AddinConfiguration::getManifestId).orElse(null),
                configuration.map(AddinConfiguration::getRevision).orElse(0), domains);
    }

    /**
     * @throws InvalidValueException on {@code domain} when it is not one of the account's Profiles domains
     * @throws org.openenvelope.error.RejectedValuesException naming each wrong setting; nothing is saved then
     */
    public AddinConfigurationView saveDomain(String accountNumber, String domain, DomainSettings settings) {
        Account account = access.account(accountNumber);
        String known = profileDomain(account, domain);
        AddinConfiguration configuration = ensure(account);
        if (configuration.configure(known, settings, access.caller().getName(), clock.instant())) {
            audit.record(AuditAction.ADDIN_DOMAIN_CONFIGURED, accountNumber, "Add-in for " + known + ": "
                    + describe(configuration.domain(known).orElseThrow().settings()) + " (manifest revision "
                    + configuration.getRevision() + ")");
        }
        return configuration(accountNumber);
    }

    /** The same settings for every Profiles domain of the account. */
    public AddinConfigurationView saveAllDomains(String accountNumber, DomainSettings settings) {
        Account account = access.account(accountNumber);
        List<String> domains = profileOwners.domainsOf(account);
        if (domains.isEmpty()) {
            throw new ConflictException("domain", "The account has no domains yet: add them on the Profiles tab first.");
        }
        DomainSettings valid = settings.validated();
        AddinConfiguration configuration = ensure(account);
        int changed = configuration.configureAll(domains, valid, access.caller().getName(), clock.instant());
        if (changed > 0) {
            audit.record(AuditAction.ADDIN_DOMAIN_CONFIGURED, accountNumber, "Add-in for all " + domains.size()
                    + " domains (" + changed + " changed): " + describe(valid) + " (manifest revision "
                    + configuration.getRevision() + ")");
        }
        return configuration(accountNumber);
    }

    /**
     * Step 3: the account's Outlook add-in manifest for the service at {@code baseUrl}. Its id is the account's from
     * the first download on; its version follows the configuration's revision.
     *
     * @throws ConflictException when {@code baseUrl} is not https (Outlook loads add-ins only over https)
     */
    public String manifest(String accountNumber, String baseUrl) {
        Account account = access.account(accountNumber);
        AddinConfiguration configuration = ensure(account);
        String manifest = AddinManifest.generate(configuration.getManifestId(), configuration.getRevision(),
                account.getName(), baseUrl);
        audit.record(AuditAction.ADDIN_MANIFEST_DOWNLOADED, accountNumber, "Downloaded the Outlook add-in manifest "
                + configuration.getManifestId() + " version 1.0." + configuration.getRevision() + ".0 for " + baseUrl);
        return manifest;
    }

    private static String describe(DomainSettings s) {
        return s.encryptionType() == EncryptionType.ENCRYPT
                ? "encrypt, password remembered " + s.rememberPasswordDays() + " days"
                : "flag by " + s.flagType().name().toLowerCase() + " \"" + s.flagValue() + "\", password remembered "
                + s.rememberPasswordDays() + " days";
    }

    private AddinConfiguration ensure(Account account) {
        return configurations.of(account).orElseGet(() -> {
            AddinConfiguration created = new AddinConfiguration(account, access.caller().getName(), clock.instant());
            em.persist(created);
            return created;
        });
    }

    private String profileDomain(Account account, String domain) {
        String ascii;
        try {
            ascii = DomainName.parse(domain).ascii();
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("domain", "The domain " + e.getMessage() + ".");
        }
        if (!profileOwners.domainsOf(account).contains(ascii)) {
            throw new InvalidValueException("domain", ascii + " is not one of the account's Profiles domains.");
        }
        return ascii;
    }
}
