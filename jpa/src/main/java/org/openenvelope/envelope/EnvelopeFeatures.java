package org.openenvelope.envelope;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;

/**
 * What an account's envelopes allow, as values (see {@link AccountFeatures}).
 *
 * @param defaultExpiryDays   days until a new envelope expires; null: it does not
 * @param maxExpiryDays       the longest expiry a sender or administrator may set, from sealing; null: no limit
 * @param maxMessageMegabytes the largest message; null: the service's limit
 */
public record EnvelopeFeatures(boolean secureReply, boolean replyAll, boolean forward, boolean readReceipts,
                               Integer defaultExpiryDays, Integer maxExpiryDays, Integer maxMessageMegabytes,
                               boolean passwordSignIn, boolean codeSignIn, boolean ssoSignIn) implements Serializable {

    /** How a recipient proved their address before a key is released. */
    public enum SignIn { PASSWORD, CODE, SSO }

    /** Everything allowed, nothing expires, the service's size limit: how accounts worked before the tab. */
    public static final EnvelopeFeatures DEFAULTS = new EnvelopeFeatures(true, true, true, true, null, null, null,
            true, true, true);

    /** Whether a recipient may answer an envelope this way. */
    public boolean allows(ReplyKind kind) {
        return switch (kind) {
            case REPLY -> secureReply;
            case REPLY_ALL -> replyAll;
            case FORWARD -> forward;
        };
    }

    /** Whether a recipient signed in this way may open the account's envelopes. */
    public boolean allows(SignIn method) {
        return switch (method) {
            case PASSWORD -> passwordSignIn;
            case CODE -> codeSignIn;
            case SSO -> ssoSignIn;
        };
    }

    /** When a new envelope sealed at {@code now} expires; null when the account's envelopes do not. */
    public Instant expiryFrom(Instant now) {
        return defaultExpiryDays == null ? null : now.plus(Duration.ofDays(defaultExpiryDays));
    }

    /** The latest expiry allowed for an envelope sealed at {@code sealedAt}; null when there is no limit. */
    public Instant latestExpiry(Instant sealedAt) {
        return maxExpiryDays == null ? null : sealedAt.plus(Duration.ofDays(maxExpiryDays));
    }
}
