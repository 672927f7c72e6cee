package org.openenvelope.envelope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openenvelope.error.ConflictException;
import org.openenvelope.error.InvalidValueException;
import org.openenvelope.testing.TestAccounts;

/** Who an envelope opens for, and what lock, expiry and revocation do to it; destroying the key is final. */
class EnvelopeRulesTest {

    private static final Instant SENT = Instant.parse("2026-12-01T10:00:00Z");

    private static Envelope envelope(Instant expiresAt) {
        Envelope envelope = new Envelope("AbCdEfGhIjKlMnOpQrStUv", TestAccounts.account(), "Sender@Example.com", SENT,
                expiresAt, 1, 1234, "v2:key:sealed", "encrypted-subject");
        envelope.addRecipient("Reader@Partner.example", RecipientKind.TO);
        envelope.addRecipient("copy@partner.example", RecipientKind.CC);
        envelope.addRecipient("hidden@elsewhere.example", RecipientKind.BCC);
        envelope.addRecipient("READER@partner.example", RecipientKind.CC);
        return envelope;
    }

    @Test
    void opensForEachRecipientWhateverTheCaseOfTheAddressAndForNobodyElse() {
        Envelope envelope = envelope(null);

        assertEquals("sender@example.com", envelope.getSender());
        assertEquals(3, envelope.getRecipients().size(), "the same address is added once");
        assertEquals(RecipientKind.TO, envelope.getRecipients().get(0).getKind(), "the first addressing counts");
        assertEquals(Optional.empty(), envelope.refusalFor("reader@PARTNER.example", SENT));
        assertEquals(Optional.empty(), envelope.refusalFor(" hidden@elsewhere.example ", SENT), "Bcc recipients open it");
        assertEquals(Optional.of(EnvelopeRefusal.NOT_A_RECIPIENT), envelope.refusalFor("sender@example.com", SENT));
    }

    @Test
    void aLockShowsItsReasonAndKeepsTheKey() {
        Envelope envelope = envelope(null);

        assertEquals("reason", assertThrows(InvalidValueException.class, () -> envelope.lock("  ", SENT)).field());
        assertEquals("reason", assertThrows(InvalidValueException.class, () -> envelope.lock("x".repeat(501), SENT)).field());
        envelope.lock(" Sent to the wrong partner ", SENT);
        assertEquals("Sent to the wrong partner", envelope.getLockReason());
        assertEquals(Optional.of(EnvelopeRefusal.LOCKED), envelope.refusalFor("reader@partner.example", SENT));
        assertEquals(Optional.of(EnvelopeRefusal.NOT_A_RECIPIENT), envelope.refusalFor("stranger@partner.example", SENT),
                "a stranger learns nothing of the lock");
        assertFalse(envelope.isKeyDestroyed());

        envelope.unlock();
        assertEquals(Optional.empty(), envelope.refusalFor("reader@partner.example", SENT));
        assertNull(envelope.getLockReason());
    }

    @Test
    void expiresAtItsExpiryAndCanBeExtendedUntilTheKeyIsDestroyed() {
        Instant expiry = SENT.plus(Duration.ofDays(7));
        Envelope envelope = envelope(expiry);

        assertEquals(Optional.empty(), envelope.refusalFor("reader@partner.example", expiry.minusMillis(1)));
        assertEquals(Optional.of(EnvelopeRefusal.EXPIRED), envelope.refusalFor("reader@partner.example", expiry));
        assertFalse(envelope.isExpiredForGood(expiry.plus(Duration.ofDays(29)), Duration.ofDays(30)));
        assertTrue(envelope.isExpiredForGood(expiry.plus(Duration.ofDays(31)), Duration.ofDays(30)));

        assertEquals("expiresAt", assertThrows(InvalidValueException.class,
                () -> envelope.changeExpiry(expiry.minusSeconds(1), expiry)).field(), "a new expiry lies ahead");
        envelope.changeExpiry(null, expiry.plusSeconds(5));
        assertEquals(Optional.empty(), envelope.refusalFor("reader@partner.example", expiry.plus(Duration.ofDays(400))),
                "null: never expires");
        assertThrows(IllegalArgumentException.class, () -> new Envelope("x", TestAccounts.account(), "a@b.example",
                SENT, SENT, 1, 1, "k", null), "an envelope cannot expire before it exists");
    }

    @Test
    void revokingForTheLastRecipientDestroysTheKeyForEveryone() {
        Envelope envelope = envelope(null);

        envelope.revoke("COPY@partner.example", SENT);
        assertEquals(Optional.of(EnvelopeRefusal.REVOKED), envelope.refusalFor("copy@partner.example", SENT));
        assertEquals(Optional.empty(), envelope.refusalFor("reader@partner.example", SENT), "the others still open it");
        assertEquals("recipient", assertThrows(InvalidValueException.class,
                () -> envelope.revoke("stranger@partner.example", SENT)).field());

        envelope.revoke("reader@partner.example", SENT);
        assertFalse(envelope.isKeyDestroyed());
        envelope.revoke("hidden@elsewhere.example", SENT.plusSeconds(1));

        assertTrue(envelope.isKeyDestroyed());
        assertNull(envelope.getSealedKey());
        assertNull(envelope.getEncryptedSubject(), "the subject goes with its key");
        assertEquals(KeyDestruction.REVOKED, envelope.getKeyDestruction());
        assertEquals(SENT.plusSeconds(1), envelope.getKeyDestroyedAt());
        assertThrows(ConflictException.class, () -> envelope.lock("too late", SENT));
        assertThrows(ConflictException.class, envelope::unlock);
        assertThrows(ConflictException.class, () -> envelope.changeExpiry(null, SENT));
        assertThrows(ConflictException.class, () -> envelope.reseal("v2:other"));
    }

    @Test
    void aKeyDestroyedAtExpiryReadsAsExpiredAndRevokingForEveryoneAsRevoked() {
        Envelope expired = envelope(SENT.plusSeconds(60));
        expired.destroyKey(KeyDestruction.EXPIRED, SENT.plus(Duration.ofDays(40)));
        assertEquals(Optional.of(EnvelopeRefusal.EXPIRED), expired.refusalFor("reader@partner.example", SENT));

        Envelope revoked = envelope(null);
        revoked.revokeForEveryone(SENT);
        assertEquals(Optional.of(EnvelopeRefusal.REVOKED), revoked.refusalFor("hidden@elsewhere.example", SENT));
        assertTrue(revoked.getRecipients().stream().allMatch(EnvelopeRecipient::isRevoked));
        revoked.destroyKey(KeyDestruction.EXPIRED, SENT.plusSeconds(9));
        assertEquals(KeyDestruction.REVOKED, revoked.getKeyDestruction(), "the first destruction is the one recorded");
    }

    @Test
    void onlyTheFirstOpeningByARecipientCountsForTheReadReceipt() {
        Envelope envelope = envelope(null);

        assertTrue(envelope.openedBy("Reader@partner.example", SENT.plusSeconds(10)));
        assertFalse(envelope.openedBy("reader@partner.example", SENT.plusSeconds(20)));
        assertEquals(SENT.plusSeconds(10), envelope.getRecipients().get(0).getFirstOpenedAt());
    }
}
