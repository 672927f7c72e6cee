package org.openenvelope.saml;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import org.openenvelope.account.Account;
import org.openenvelope.error.ConflictException;

/**
 * One Test SSO run: a real SP-initiated sign-in with the draft configuration, whose outcome (the parsed assertion,
 * or a diagnosis) the administrator reads. It tests one version of the draft; editing the draft makes it stale.
 */
@Entity
@Table(name = "sso_test")
@NamedQuery(name = SsoTest.LATEST_OF_IDENTITY_PROVIDER, query = "select t from SsoTest t"
        + " where t.account = :account and t.identityProviderName = :name order by t.startedAt desc, t.id desc")
public class SsoTest {

    public static final String LATEST_OF_IDENTITY_PROVIDER = "SsoTest.latestOfIdentityProvider";
    public static final int DETAIL_MAX = 4000;
    public static final int SUMMARY_MAX = 8000;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sso_test_id")
    @SequenceGenerator(name = "sso_test_id", sequenceName = "sso_test_id_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "account_id", nullable = false, updatable = false)
    private Account account;

    @Column(name = "identity_provider_name", nullable = false, updatable = false, length = 40)
    private String identityProviderName;

    @Column(name = "draft_id", nullable = false, updatable = false)
    private long draftId;

    @Column(name = "draft_version", nullable = false, updatable = false)
    private long draftVersion;

    @Column(name = "url_key", nullable = false, updatable = false, length = 40)
    private String urlKey;

    @Column(name = "started_by", nullable = false, updatable = false, length = 254)
    private String startedBy;

    @Column(name = "started_at", nullable = false, updatable = false)
    private Instant startedAt;

    @Column(name = "completed_at")
    private Instant completedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "outcome", nullable = false, length = 8)
    private SsoTestOutcome outcome;

    @Column(name = "reason_code", length = 64)
    private String reasonCode;

    @Column(name = "detail", length = DETAIL_MAX)
    private String detail;

    @Column(name = "assertion_summary", length = SUMMARY_MAX)
    private String assertionSummary;

    @Column(name = "received_name_id_format", length = 256)
    private String receivedNameIdFormat;

    /** The attribute names the assertion carried, one per line. */
    @Column(name = "received_attributes", length = SUMMARY_MAX)
    private String receivedAttributes;

    protected SsoTest() {
    }

    /** @param urlKey a random secret for the run's URL, so that nobody else can perform (or spoil) the run */
    public SsoTest(IdentityProvider draft, String urlKey, String startedBy, Instant now) {
        if (draft.getStage() != IdpStage.DRAFT) {
            throw new IllegalArgumentException("only a draft is tested");
        }
        this.account = draft.getAccount();
        this.identityProviderName = draft.getName();
        this.draftId = draft.getId();
        this.draftVersion = draft.getVersion();
        this.urlKey = urlKey;
        this.startedBy = startedBy;
        this.startedAt = now;
        this.outcome = SsoTestOutcome.PENDING;
    }

    /** What the answer carried that could identify users, kept whether the test passes or fails. */
    public void received(String nameIdFormat, List<String> attributeNames) {
        receivedNameIdFormat = clip(nameIdFormat, 256);
        StringBuilder lines = new StringBuilder();
        for (String name : attributeNames) {
            if (lines.length() + name.length() + 1 > SUMMARY_MAX) {
                break;
            }
            lines.append(lines.length() == 0 ? "" : "\n").append(name);
        }
        receivedAttributes = lines.length() == 0 ? null : lines.toString();
    }

    public String getIdentityProviderName() {
        return identityProviderName;
    }

    public String getReceivedNameIdFormat() {
        return receivedNameIdFormat;
    }

    public List<String> getReceivedAttributes() {
        return receivedAttributes == null ? List.of() : receivedAttributes.lines().toList();
    }

    public void passed(String summary, Instant now) {
        complete(SsoTestOutcome.PASSED, null, null, summary, now);
    }

    public void failed(String code, String why, String summary, Instant now) {
        complete(SsoTestOutcome.FAILED, code, why, summary, now);
    }

    private void complete(SsoTestOutcome result, String code, String why, String summary, Instant now) {
        if (outcome != SsoTestOutcome.PENDING) {
            throw new ConflictException("test", "This Test SSO run is already complete; start a new one.");
        }
        outcome = result;
        reasonCode = code;
        detail = clip(why, DETAIL_MAX);
        assertionSummary = clip(summary, SUMMARY_MAX);
        completedAt = now;
    }

    /** Whether {@code candidate} is this run's URL key (compared in constant time). */
    public boolean opensWith(String candidate) {
        return candidate != null && java.security.MessageDigest.isEqual(urlKey.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                candidate.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    public String getUrlKey() {
        return urlKey;
    }

    /** Whether this run tested exactly the draft as it is now. */
    public boolean tested(IdentityProvider draft) {
        return draft.getId() == draftId && draft.getVersion() == draftVersion;
    }

    private static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    public Long getId() {
        return id;
    }

    public Account getAccount() {
        return account;
    }

    public String getStartedBy() {
        return startedBy;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Instant getCompletedAt() {
        return completedAt;
    }

    public SsoTestOutcome getOutcome() {
        return outcome;
    }

    public String getReasonCode() {
        return reasonCode;
    }

    public String getDetail() {
        return detail;
    }

    public String getAssertionSummary() {
        return assertionSummary;
    }
}
