package org.openenvelope.envelope;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.openenvelope.account.Account;
import org.openenvelope.account.AccountAccess;
import org.openenvelope.audit.AuditAction;
import org.openenvelope.audit.AuditLog;

/**
 * The account's Features tab: what its envelopes allow. Changes apply to what happens from then on (a reply, an
 * opening, a new envelope's expiry); envelopes keep the expiry they have. Every change is audited with what changed.
 */
@Stateless
public class AccountFeaturesService {

    @PersistenceContext(unitName = "openenvelope")
    EntityManager em;

    @Inject
    AccountAccess access;

    @Inject
    FeaturesOf featuresOf;

    @Inject
    EnvelopeService envelopes;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    /** The account's features, with who changed them last and the service's size limit they stay within. */
    public FeaturesView features(String accountNumber) {
        Account account = access.account(accountNumber);
        return featuresOf.stored(account).map(stored -> new FeaturesView(stored.features(), envelopes.maxMessageMegabytes(),
                        stored.getUpdatedAt(), stored.getUpdatedBy()))
                .orElseGet(() -> new FeaturesView(featuresOf.defaults(), envelopes.maxMessageMegabytes(), null, null));
    }

    /**
     * Sets every feature at once; all values are checked first and every problem reported.
     *
     * @throws org.openenvelope.error.RejectedValuesException naming each field that is not valid
     */
    public FeaturesView changeFeatures(String accountNumber, EnvelopeFeatures features) {
        Account account = access.account(accountNumber);
        EnvelopeFeatures before = featuresOf.account(account);
        AccountFeatures stored = featuresOf.stored(account).orElse(null);
        boolean added = stored == null;
        if (added) {
            stored = new AccountFeatures(account);
        }
        stored.change(features, envelopes.maxMessageMegabytes(), access.caller().getName(), clock.instant());
        if (added) {
            em.persist(stored);
        }
        List<String> changes = changes(before, features);
        audit.record(AuditAction.ACCOUNT_FEATURES_CHANGED, accountNumber, "Features changed: "
                + (changes.isEmpty() ? "nothing" : String.join("; ", changes)));
        return features(accountNumber);
    }

    static List<String> changes(EnvelopeFeatures before, EnvelopeFeatures after) {
        List<String> changes = new ArrayList<>();
        change(changes, "Secure Reply", before.secureReply(), after.secureReply());
        change(changes, "Reply All", before.replyAll(), after.replyAll());
        change(changes, "Forward", before.forward(), after.forward());
        change(changes, "read receipts", before.readReceipts(), after.readReceipts());
        change(changes, "default expiry (days)", before.defaultExpiryDays(), after.defaultExpiryDays());
        change(changes, "longest expiry (days)", before.maxExpiryDays(), after.maxExpiryDays());
        change(changes, "largest message (MB)", before.maxMessageMegabytes(), after.maxMessageMegabytes());
        change(changes, "recipients' password sign-in", before.passwordSignIn(), after.passwordSignIn());
        change(changes, "recipients' one-time code", before.codeSignIn(), after.codeSignIn());
        change(changes, "recipients' single sign-on", before.ssoSignIn(), after.ssoSignIn());
        return changes;
    }

    private static void change(List<String> changes, String what, Object before, Object after) {
        if (!java.util.Objects.equals(before, after)) {
            changes.add(what + " " + shown(before) + " → " + shown(after));
        }
    }

    private static String shown(Object value) {
        return value == null ? "none" : value instanceof Boolean on ? (on ? "on" : "off") : value.toString();
    }
}
