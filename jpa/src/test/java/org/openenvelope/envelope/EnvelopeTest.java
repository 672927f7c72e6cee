package org.openenvelope.envelope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.openenvelope.error.ConflictException;
import org.openenvelope.error.InvalidValueException;
import org.openenvelope.testing.TestAccounts;

class EnvelopeTest {

    private static final Instant SEALED = Instant.parse("2026-03-02T10:00:00Z");
    private static final Instant EXPIRES = SEALED.plus(Duration.ofDays(30));
    private static final Instant LATER = SEALED.plus(Duration.ofHours(1));

    /** An envelope from alice to bob (To), carol (Cc) and dave (Bcc), expiring after 30 days. */
    private static Envelope envelope() {
        return envelope(EXPIRES);
    }

    private static Envelope envelope(Instant expiresAt) {
        Envelope envelope = new Envelope("e1a2b3c4", TestAccounts.account(), " Alice@Example.COM ", SEALED, expiresAt,
                1, 1234, "sealed-key", "encrypted-subject");
        envelope.addRecipient("bob@example.net", RecipientKind.TO);
        envelope.addRecipient("carol@example.org", RecipientKind.CC);
        envelope.addRecipient("dave@example.com", RecipientKind.BCC);
        return envelope;
    }

    private static Optional<EnvelopeRefusal> refusal(Envelope envelope, String address, Instant now) {
        return envelope.refusalFor(address, now);
    }

    @Test
    void opensForEachRecipientAndKeepsThemInLowerCaseInTheOrderAdded() {
        Envelope envelope = envelope();
        assertEquals("alice@example.com", envelope.getSender());
        assertEquals(List.of("bob@example.net", "carol@example.org", "dave@example.com"),
                envelope.getRecipients().stream().map(EnvelopeRecipient::getAddress).toList());
        assertEquals(List.of(RecipientKind.TO, RecipientKind.CC, RecipientKind.BCC),
                envelope.getRecipients().stream().map(EnvelopeRecipient::getKind).toList());
        for (EnvelopeRecipient recipient : envelope.getRecipients()) {
            assertEquals(Optional.empty(), refusal(envelope, recipient.getAddress(), LATER), recipient.getAddress());
        }
        assertFalse(envelope.isKeyDestroyed());
        assertFalse(envelope.isLocked());
        assertThrows(UnsupportedOperationException.class, () -> envelope.getRecipients().clear());
    }

    @Test
    void refusesAnAddressThatIsNotARecipient() {
        Envelope envelope = envelope();
        assertEquals(Optional.of(EnvelopeRefusal.NOT_A_RECIPIENT), refusal(envelope, "mallory@example.net", LATER));
        assertEquals(Optional.of(EnvelopeRefusal.NOT_A_RECIPIENT), refusal(envelope, "alice@example.com", LATER),
                "the sender is not a recipient unless addressed");
        assertEquals("not_a_recipient", EnvelopeRefusal.NOT_A_RECIPIENT.code());
    }

    @Test
    void matchesRecipientAddressesCaseInsensitively() {
        Envelope envelope = envelope();
        assertEquals(Optional.empty(), refusal(envelope, "BOB@Example.NET", LATER));
        assertEquals(Optional.empty(), refusal(envelope, "  Dave@EXAMPLE.com ", LATER));
    }

    @Test
    void aNonRecipientLearnsNothingMoreEvenWhenTheEnvelopeIsLockedExpiredOrShredded() {
        Envelope envelope = envelope();
        envelope.lock("Sent to the wrong customer", LATER);
        assertEquals(Optional.of(EnvelopeRefusal.NOT_A_RECIPIENT), refusal(envelope, "mallory@example.net", EXPIRES));
        envelope.destroyKey(KeyDestruction.EXPIRED, EXPIRES.plus(Duration.ofDays(1)));
        assertEquals(Optional.of(EnvelopeRefusal.NOT_A_RECIPIENT),
                refusal(envelope, "mallory@example.net", EXPIRES.plus(Duration.ofDays(1))));
    }

    @Test
    void aLockedEnvelopeRefusesEveryRecipientAndKeepsItsReasonUntilUnlocked() {
        Envelope envelope = envelope();
        envelope.lock("  Sent to the wrong customer  ", LATER);

        assertTrue(envelope.isLocked());
        assertEquals(LATER, envelope.getLockedAt());
        assertEquals("Sent to the wrong customer", envelope.getLockReason(), "stripped");
        assertEquals(Optional.of(EnvelopeRefusal.LOCKED), refusal(envelope, "bob@example.net", LATER));
        assertEquals(Optional.of(EnvelopeRefusal.LOCKED), refusal(envelope, "dave@example.com", LATER));
        assertEquals("locked", EnvelopeRefusal.LOCKED.code());
        assertNotNull(envelope.getSealedKey(), "a lock keeps the key");

        envelope.unlock();
        assertFalse(envelope.isLocked());
        assertNull(envelope.getLockedAt());
        assertNull(envelope.getLockReason());
        assertEquals(Optional.empty(), refusal(envelope, "bob@example.net", LATER));
    }

    @Test
    void expiresExactlyAtItsExpiry() {
        Envelope envelope = envelope();
        assertEquals(Optional.empty(), refusal(envelope, "bob@example.net", EXPIRES.minusSeconds(1)));
        assertFalse(envelope.isExpiredAt(EXPIRES.minusSeconds(1)));
        assertEquals(Optional.of(EnvelopeRefusal.EXPIRED), refusal(envelope, "bob@example.net", EXPIRES));
        assertTrue(envelope.isExpiredAt(EXPIRES));
        assertEquals(Optional.of(EnvelopeRefusal.EXPIRED), refusal(envelope, "bob@example.net", EXPIRES.plusSeconds(1)));
        assertEquals("expired", EnvelopeRefusal.EXPIRED.code());
    }

    @Test
    void anEnvelopeWithoutExpiryNeverExpires() {
        Envelope envelope = envelope(null);
        Instant farFuture = SEALED.plus(Duration.ofDays(365 * 100));
        assertFalse(envelope.isExpiredAt(farFuture));
        assertFalse(envelope.isExpiredForGood(farFuture, Duration.ZERO));
        assertEquals(Optional.empty(), refusal(envelope, "bob@example.net", farFuture));
    }

    @Test
    void anExpiredEnvelopeSaysExpiredRatherThanLocked() {
        Envelope envelope = envelope();
        envelope.lock("Under review", LATER);
        assertEquals(Optional.of(EnvelopeRefusal.LOCKED), refusal(envelope, "bob@example.net", LATER));
        assertEquals(Optional.of(EnvelopeRefusal.EXPIRED), refusal(envelope, "bob@example.net", EXPIRES));
    }

    @Test
    void revokingForOneRecipientLeavesTheOthersOpen() {
        Envelope envelope = envelope();
        envelope.revoke("Carol@Example.org", LATER);

        assertEquals(Optional.of(EnvelopeRefusal.REVOKED), refusal(envelope, "carol@example.org", LATER));
        assertEquals("revoked", EnvelopeRefusal.REVOKED.code());
        assertEquals(Optional.empty(), refusal(envelope, "bob@example.net", LATER));
        assertEquals(Optional.empty(), refusal(envelope, "dave@example.com", LATER));
        assertEquals(LATER, envelope.getRecipients().get(1).getRevokedAt());
        assertFalse(envelope.isKeyDestroyed(), "others still need the key");
        assertNull(envelope.getKeyDestruction());

        envelope.revoke("carol@example.org", LATER.plusSeconds(60));
        assertEquals(LATER, envelope.getRecipients().get(1).getRevokedAt(), "revoked once, when first revoked");
    }

    @Test
    void aRevokedRecipientIsToldRevokedEvenWhenTheEnvelopeIsAlsoExpiredOrLocked() {
        Envelope envelope = envelope();
        envelope.revoke("bob@example.net", LATER);
        envelope.lock("Under review", LATER);
        assertEquals(Optional.of(EnvelopeRefusal.REVOKED), refusal(envelope, "bob@example.net", LATER));
        assertEquals(Optional.of(EnvelopeRefusal.REVOKED), refusal(envelope, "bob@example.net", EXPIRES));
        assertEquals(Optional.of(EnvelopeRefusal.LOCKED), refusal(envelope, "carol@example.org", LATER));
    }

    @Test
    void revokingForAnAddressThatIsNotARecipientIsRefusedNamingTheRecipient() {
        Envelope envelope = envelope();
        InvalidValueException refused = assertThrows(InvalidValueException.class,
                () -> envelope.revoke("mallory@example.net", LATER));
        assertEquals("recipient", refused.field());
        assertTrue(refused.getMessage().contains("mallory@example.net"), refused.getMessage());
        assertTrue(envelope.getRecipients().stream().noneMatch(EnvelopeRecipient::isRevoked));
    }

    @Test
    void revokingTheLastRecipientDestroysTheKeyAndThenEveryoneIsToldRevoked() {
        Envelope envelope = envelope();
        envelope.revoke("bob@example.net", LATER);
        envelope.revoke("carol@example.org", LATER);
        assertFalse(envelope.isKeyDestroyed());

        Instant last = LATER.plusSeconds(30);
        envelope.revoke("dave@example.com", last);

        assertTrue(envelope.isKeyDestroyed());
        assertNull(envelope.getSealedKey());
        assertNull(envelope.getEncryptedSubject(), "the subject is encrypted under the key: it goes with it");
        assertEquals(KeyDestruction.REVOKED, envelope.getKeyDestruction());
        assertEquals(last, envelope.getKeyDestroyedAt());
        for (String address : List.of("bob@example.net", "carol@example.org", "dave@example.com")) {
            assertEquals(Optional.of(EnvelopeRefusal.REVOKED), refusal(envelope, address, last), address);
        }
        assertEquals(3, envelope.getRecipients().size(), "the record of who and when stays");
    }

    @Test
    void revokingForEveryoneRevokesEachRecipientAndDestroysTheKey() {
        Envelope envelope = envelope();
        envelope.revoke("carol@example.org", SEALED.plusSeconds(10));
        envelope.revokeForEveryone(LATER);

        assertTrue(envelope.getRecipients().stream().allMatch(EnvelopeRecipient::isRevoked));
        assertEquals(SEALED.plusSeconds(10), envelope.getRecipients().get(1).getRevokedAt(), "the first revocation stays");
        assertEquals(LATER, envelope.getRecipients().get(0).getRevokedAt());
        assertEquals(KeyDestruction.REVOKED, envelope.getKeyDestruction());
        assertEquals(LATER, envelope.getKeyDestroyedAt());
        assertNull(envelope.getSealedKey());
        assertNull(envelope.getEncryptedSubject());
        assertEquals(Optional.of(EnvelopeRefusal.REVOKED), refusal(envelope, "bob@example.net", LATER));
        assertEquals(Optional.of(EnvelopeRefusal.REVOKED), refusal(envelope, "dave@example.com", LATER));
    }

    @Test
    void destroyingTheKeyForExpiryShredsKeyAndSubjectAndRefusesEveryoneAsExpired() {
        Envelope envelope = envelope(null);
        Instant shredded = EXPIRES.plus(Duration.ofDays(7));
        envelope.destroyKey(KeyDestruction.EXPIRED, shredded);

        assertTrue(envelope.isKeyDestroyed());
        assertNull(envelope.getSealedKey());
        assertNull(envelope.getEncryptedSubject());
        assertEquals(KeyDestruction.EXPIRED, envelope.getKeyDestruction());
        assertEquals(shredded, envelope.getKeyDestroyedAt());
        assertEquals(Optional.of(EnvelopeRefusal.EXPIRED), refusal(envelope, "bob@example.net", shredded),
                "expired even though its expiry was removed: the key is gone");
        assertEquals(Optional.of(EnvelopeRefusal.EXPIRED), refusal(envelope, "dave@example.com", SEALED));
    }

    @Test
    void theFirstDestructionOfTheKeyIsTheOneRecorded() {
        Envelope envelope = envelope();
        Instant shredded = EXPIRES.plus(Duration.ofDays(7));
        envelope.destroyKey(KeyDestruction.EXPIRED, shredded);
        envelope.destroyKey(KeyDestruction.REVOKED, shredded.plusSeconds(5));
        envelope.revokeForEveryone(shredded.plusSeconds(10));

        assertEquals(KeyDestruction.EXPIRED, envelope.getKeyDestruction());
        assertEquals(shredded, envelope.getKeyDestroyedAt());
        assertEquals(Optional.of(EnvelopeRefusal.EXPIRED), refusal(envelope, "bob@example.net", shredded));
    }

    @Test
    void aLockNeedsAReasonOfAtMostFiveHundredCharacters() {
        Envelope envelope = envelope();
        for (String blank : new String[] {null, "", "   \t "}) {
            InvalidValueException refused = assertThrows(InvalidValueException.class, () -> envelope.lock(blank, LATER));
            assertEquals("reason", refused.field(), "for " + blank);
        }
        InvalidValueException tooLong = assertThrows(InvalidValueException.class,
                () -> envelope.lock("x".repeat(Envelope.MAX_LOCK_REASON + 1), LATER));
        assertEquals("reason", tooLong.field());
        assertTrue(tooLong.getMessage().contains("500"), tooLong.getMessage());
        assertFalse(envelope.isLocked(), "a refused lock does not lock");
        assertEquals(Optional.empty(), refusal(envelope, "bob@example.net", LATER));

        String longest = "y".repeat(Envelope.MAX_LOCK_REASON);
        envelope.lock(" " + longest + " ", LATER);
        assertEquals(longest, envelope.getLockReason(), "500 characters after stripping are allowed");
    }

    @Test
    void theExpiryChangesOnlyToAMomentInTheFutureOrToNever() {
        Envelope envelope = envelope();
        InvalidValueException past = assertThrows(InvalidValueException.class,
                () -> envelope.changeExpiry(LATER.minusSeconds(1), LATER));
        assertEquals("expiresAt", past.field());
        InvalidValueException present = assertThrows(InvalidValueException.class,
                () -> envelope.changeExpiry(LATER, LATER));
        assertEquals("expiresAt", present.field());
        assertEquals(EXPIRES, envelope.getExpiresAt(), "unchanged by refused changes");

        Instant extended = EXPIRES.plus(Duration.ofDays(10));
        envelope.changeExpiry(extended, LATER);
        assertEquals(extended, envelope.getExpiresAt());
        assertEquals(Optional.empty(), refusal(envelope, "bob@example.net", EXPIRES));

        envelope.changeExpiry(null, LATER);
        assertNull(envelope.getExpiresAt());
        assertFalse(envelope.isExpiredAt(extended.plus(Duration.ofDays(1000))));
    }

    @Test
    void anExpiredEnvelopeCanBeRevivedUntilItsKeyIsDestroyed() {
        Envelope envelope = envelope();
        Instant afterExpiry = EXPIRES.plus(Duration.ofDays(2));
        assertEquals(Optional.of(EnvelopeRefusal.EXPIRED), refusal(envelope, "bob@example.net", afterExpiry));
        envelope.changeExpiry(afterExpiry.plus(Duration.ofDays(5)), afterExpiry);
        assertEquals(Optional.empty(), refusal(envelope, "bob@example.net", afterExpiry));
    }

    @Test
    void nothingCanBeChangedOnceTheKeyIsDestroyed() {
        Envelope envelope = envelope();
        envelope.revokeForEveryone(LATER);
        List<Executable> changes = List.of(
                () -> envelope.lock("Too late", LATER),
                envelope::unlock,
                () -> envelope.changeExpiry(EXPIRES.plus(Duration.ofDays(1)), LATER),
                () -> envelope.changeExpiry(null, LATER),
                () -> envelope.reseal("resealed-key"));
        for (Executable change : changes) {
            ConflictException refused = assertThrows(ConflictException.class, change);
            assertEquals("envelope", refused.field());
            assertTrue(refused.getMessage().contains("e1a2b3c4"), refused.getMessage());
        }
        assertFalse(envelope.isLocked());
        assertEquals(EXPIRES, envelope.getExpiresAt());
        assertNull(envelope.getSealedKey(), "a destroyed key is not brought back by re-sealing");
    }

    @Test
    void reSealingReplacesTheSealedKeyWhileItExists() {
        Envelope envelope = envelope();
        envelope.reseal("sealed-under-the-new-master-key");
        assertEquals("sealed-under-the-new-master-key", envelope.getSealedKey());
        assertEquals("encrypted-subject", envelope.getEncryptedSubject());
        assertEquals("envelope-key:e1a2b3c4", Envelope.keyPurpose("e1a2b3c4"));
    }

    @Test
    void isExpiredForGoodOnlyOnceTheGracePeriodAfterTheExpiryIsOver() {
        Envelope envelope = envelope();
        Duration grace = Duration.ofDays(14);
        assertFalse(envelope.isExpiredForGood(EXPIRES.minusSeconds(1), grace));
        assertFalse(envelope.isExpiredForGood(EXPIRES, grace), "expired, but still within the grace period");
        assertFalse(envelope.isExpiredForGood(EXPIRES.plus(grace), grace), "the grace period's last moment");
        assertTrue(envelope.isExpiredForGood(EXPIRES.plus(grace).plusSeconds(1), grace));
        assertTrue(envelope.isExpiredForGood(EXPIRES.plusSeconds(1), Duration.ZERO));
    }

    @Test
    void openedByIsTrueOnlyTheFirstTimeARecipientOpensIt() {
        Envelope envelope = envelope();
        assertTrue(envelope.openedBy("Bob@Example.net", LATER));
        assertEquals(LATER, envelope.getRecipients().get(0).getFirstOpenedAt());
        assertFalse(envelope.openedBy("bob@example.net", LATER.plusSeconds(60)));
        assertEquals(LATER, envelope.getRecipients().get(0).getFirstOpenedAt(), "the first opening is kept");

        assertNull(envelope.getRecipients().get(1).getFirstOpenedAt(), "each recipient on their own");
        assertTrue(envelope.openedBy("carol@example.org", LATER.plusSeconds(90)));
    }

    @Test
    void aRecipientAddedTwiceIsKeptOnceWithTheFirstKind() {
        Envelope envelope = envelope();
        envelope.addRecipient("BOB@example.net", RecipientKind.BCC);
        envelope.addRecipient(" carol@EXAMPLE.org", RecipientKind.TO);
        assertEquals(3, envelope.getRecipients().size());
        assertEquals(RecipientKind.TO, envelope.getRecipients().get(0).getKind());
        assertEquals(RecipientKind.CC, envelope.getRecipients().get(1).getKind());

        envelope.addRecipient("erin@example.net", RecipientKind.CC);
        assertEquals(4, envelope.getRecipients().size());
        assertEquals("erin@example.net", envelope.getRecipients().get(3).getAddress());
    }

    @Test
    void anEnvelopeMustExpireAfterItIsCreated() {
        assertThrows(IllegalArgumentException.class, () -> envelope(SEALED));
        assertThrows(IllegalArgumentException.class, () -> envelope(SEALED.minusSeconds(1)));
        assertEquals(SEALED.plusSeconds(1), envelope(SEALED.plusSeconds(1)).getExpiresAt());
    }

    @Test
    void anEnvelopeNeedsItsIdentityAccountAndKey() {
        assertThrows(NullPointerException.class, () -> new Envelope(null, TestAccounts.account(), "a@example.com",
                SEALED, EXPIRES, 1, 1, "key", null));
        assertThrows(NullPointerException.class, () -> new Envelope("id", null, "a@example.com",
                SEALED, EXPIRES, 1, 1, "key", null));
        assertThrows(NullPointerException.class, () -> new Envelope("id", TestAccounts.account(), "a@example.com",
                SEALED, EXPIRES, 1, 1, null, null));
        Envelope withoutSubject = new Envelope("id", TestAccounts.account(), "a@example.com", SEALED, EXPIRES, 1, 1,
                "key", null);
        assertNull(withoutSubject.getEncryptedSubject());
        assertFalse(withoutSubject.isKeyDestroyed());
    }
}
