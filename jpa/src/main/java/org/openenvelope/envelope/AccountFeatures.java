package org.openenvelope.envelope;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapsId;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.openenvelope.account.Account;
import org.openenvelope.error.RejectedValuesException;
import org.openenvelope.error.ValueProblem;

/**
 * What an account's envelopes allow (its Features tab): Secure Reply, Reply All and Forward, read receipts, the
 * default and longest expiry, the largest message, and how recipients may sign in to open them. An account without
 * a row has {@link EnvelopeFeatures#DEFAULTS}.
 */
@Entity
@Table(name = "account_features")
public class AccountFeatures {

    @Id
    @Column(name = "account_id")
    private Long accountId;

    @MapsId
    @OneToOne(optional = false)
    @JoinColumn(name = "account_id")
    private Account account;

    @Column(name = "secure_reply", nullable = false)
    private boolean secureReply;

    @Column(name = "reply_all", nullable = false)
    private boolean replyAll;

    @Column(name = "forward_allowed", nullable = false)
    private boolean forward;

    @Column(name = "read_receipts", nullable = false)
    private boolean readReceipts;

    @Column(name = "default_expiry_days")
    private Integer defaultExpiryDays;

    @Column(name = "max_expiry_days")
    private Integer maxExpiryDays;

    @Column(name = "max_message_megabytes")
    private Integer maxMessageMegabytes;

    @Column(name = "password_sign_in", nullable = false)
    private boolean passwordSignIn;

    @Column(name = "code_sign_in", nullable = false)
    private boolean codeSignIn;

    @Column(name = "sso_sign_in", nullable = false)
    private boolean ssoSignIn;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "updated_by", nullable = false, length = 254)
    private String updatedBy;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected AccountFeatures() {
    }

    public AccountFeatures(Account account) {
        this.account = account;
    }

    /**
     * Takes these features after checking them all; nothing changes unless every value is valid.
     *
     * @param serviceMaxMegabytes the service's own limit, which no account exceeds
     * @throws RejectedValuesException naming each field that is not valid
     */
    public void change(EnvelopeFeatures features, int serviceMaxMegabytes, String actor, Instant now) {
        List<ValueProblem> problems = new ArrayList<>();
        Integer expiry = features.defaultExpiryDays();
        Integer longest = features.maxExpiryDays();
        if (expiry != null && (expiry < 1 || expiry > 3650)) {
            problems.add(new ValueProblem("defaultExpiryDays", expiry.toString(), "The default expiry must be 1 to 3650"
                    + " days, or empty for envelopes that do not expire."));
        }
        if (longest != null && (longest < 1 || longest > 3650)) {
            problems.add(new ValueProblem("maxExpiryDays", longest.toString(), "The longest expiry must be 1 to 3650"
                    + " days, or empty for no limit."));
        } else if (longest != null && (expiry == null || expiry > longest)) {
            problems.add(new ValueProblem("defaultExpiryDays", String.valueOf(expiry), "With a longest expiry of "
                    + longest + " days, the default must be set and at most " + longest + " days."));
        }
        Integer megabytes = features.maxMessageMegabytes();
        if (megabytes != null && (megabytes < 1 || megabytes > serviceMaxMegabytes)) {
            problems.add(new ValueProblem("maxMessageMegabytes", megabytes.toString(), "The largest message must be 1 to "
                    + serviceMaxMegabytes + " MB (the service's limit), or empty for the service's limit."));
        }
        if (!features.passwordSignIn() && !features.codeSignIn()) {
            problems.add(new ValueProblem("codeSignIn", "false", "Allow recipients a registered password or a one-time"
                    + " code: single sign-on serves only recipients whose organisation federates, so the others would"
                    + " have no way in."));
        }
        if (!problems.isEmpty()) {
            throw new RejectedValuesException(problems);
        }
        secureReply = features.secureReply();
        replyAll = features.replyAll();
        forward = features.forward();
        readReceipts = features.readReceipts();
        defaultExpiryDays = expiry;
        maxExpiryDays = longest;
        maxMessageMegabytes = megabytes;
        passwordSignIn = features.passwordSignIn();
        codeSignIn = features.codeSignIn();
        ssoSignIn = features.ssoSignIn();
        updatedBy = actor;
        updatedAt = now;
    }

    public EnvelopeFeatures features() {
        return new EnvelopeFeatures(secureReply, replyAll, forward, readReceipts, defaultExpiryDays, maxExpiryDays,
                maxMessageMegabytes, passwordSignIn, codeSignIn, ssoSignIn);
    }

    public Account getAccount() {
        return account;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public String getUpdatedBy() {
        return updatedBy;
    }
}
