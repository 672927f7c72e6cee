package org.openenvelope.envelope;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openenvelope.account.AccountSummary;
import org.openenvelope.error.ConflictException;
import org.openenvelope.error.ResourceNotFoundException;
import org.openenvelope.profile.ProfileEntryType;
import org.openenvelope.profile.ProfileService;
import org.openenvelope.security.SecretBox;
import org.openenvelope.testing.AccountCallers;
import org.openenvelope.testing.ActingCaller;
import org.openenvelope.testing.Deployments;
import org.openenvelope.testing.Fixtures;
import org.openenvelope.testing.MovableClock;
import org.openenvelope.testing.StoredRows;
import org.openenvelope.testing.TestMessages;

/**
 * The envelope service in the container: the ciphertext in the attachment opens with the stored key and only for
 * its own record, no column of any table and no log record holds the subject or body, expired envelopes lose
 * their key for good after the grace period, and one account's administrator never reaches another's envelopes.
 */
@ExtendWith(ArquillianExtension.class)
class EnvelopeServiceIT {

    private static final String BASE_URL = "https://envelope.example";

    @Deployment
    static WebArchive deployment() {
        return Deployments.applicationActingAs().addClasses(MovableClock.class, StoredRows.class, TestMessages.class);
    }

    @Inject
    ActingCaller acting;

    @Inject
    AccountCallers callers;

    @Inject
    ProfileService profiles;

    @Inject
    EnvelopeService envelopes;

    @Inject
    EnvelopeHousekeeping housekeeping;

    @Inject
    SecretBox secrets;

    @Inject
    StoredRows stored;

    @Inject
    MovableClock clock;

    /** A new account with a domain; its administrator is left acting. */
    private String senderOfNewAccount(String label) {
        AccountSummary account = callers.newAccount(label);
        String domain = Fixtures.uniqueDomain();
        long entry = profiles.addEntries(account.number(), ProfileEntryType.DOMAIN, List.of(domain)).get(0).id();
        profiles.verifyByAdministrator(account.number(), entry);
        acting.actAs(callers.administratorOf(account.number()));
        return account.number() + " sender@" + domain;
    }

    private SealedEnvelope seal(String numberAndSender, String marker) {
        String[] parts = numberAndSender.split(" ");
        return envelopes.seal(parts[0], TestMessages.multipart(parts[1], "reader@partner.example", null,
                "hidden@elsewhere.example", marker, ("attached " + marker).getBytes(StandardCharsets.UTF_8)), BASE_URL);
    }

    @Test
    void theAttachmentsCiphertextOpensWithTheStoredKeyForItsOwnRecordOnly() throws Exception {
        String sender = senderOfNewAccount("Round trip");
        String marker = Fixtures.unique("roundtrip");
        byte[] original = TestMessages.multipart(sender.split(" ")[1], "reader@partner.example", null,
                "hidden@elsewhere.example", marker, new byte[]{4, 2});
        SealedEnvelope sealed = envelopes.seal(sender.split(" ")[0], original, BASE_URL);

        Envelope envelope = stored.findBy(Envelope.BY_PUBLIC_ID, Envelope.class, "publicId", sealed.envelope().id()).orElseThrow();
        byte[] key = secrets.open(envelope.getSealedKey(), Envelope.keyPurpose(envelope.getPublicId()));
        byte[] ciphertext = ciphertextIn(sealed);
        byte[] plaintext = EnvelopeCipher.decrypt(key, EnvelopeBinding.of(envelope), EnvelopeBinding.Part.MESSAGE, ciphertext);

        assertArrayEquals(PlainMessage.parse(original).content(), plaintext, "the whole message, Bcc field removed");
        assertTrue(new String(plaintext, StandardCharsets.UTF_8).contains("Quarterly numbers " + marker));
        assertEquals("Board pack " + marker, new String(EnvelopeCipher.decrypt(key, EnvelopeBinding.of(envelope),
                EnvelopeBinding.Part.SUBJECT, Base64.getDecoder().decode(envelope.getEncryptedSubject())), StandardCharsets.UTF_8));
        assertThrows(IllegalStateException.class, () -> secrets.open(envelope.getSealedKey(), Envelope.keyPurpose("another")),
                "the sealed key opens for its own envelope only");
        EnvelopeBinding swapped = new EnvelopeBinding(envelope.getPublicId(), envelope.getAccount().getNumber(),
                envelope.getSender(), List.of(new EnvelopeBinding.Addressee(RecipientKind.TO, "reader@partner.example")),
                envelope.getKeyVersion());
        assertThrows(EnvelopeTamperedException.class, () -> EnvelopeCipher.decrypt(key, swapped,
                EnvelopeBinding.Part.MESSAGE, ciphertext), "a record without the Bcc recipient does not open it");
    }

    @Test
    void noColumnOfAnyTableAndNoLogRecordHoldsTheSubjectOrBody() {
        List<String> logged = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record.getLoggerName() + " " + record.getMessage() + " " + List.of(record.getParameters() == null
                        ? new Object[0] : record.getParameters()) + " " + (record.getThrown() == null ? "" : record.getThrown()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        capture.setLevel(Level.ALL);
        Logger root = Logger.getLogger("");
        Logger ours = Logger.getLogger("org.openenvelope");
        Level before = ours.getLevel();
        root.addHandler(capture);
        ours.setLevel(Level.ALL);
        String marker = Fixtures.unique("secretword");
        String id;
        try {
            String sender = senderOfNewAccount("No plaintext");
            id = seal(sender, marker).envelope().id();
            String number = sender.split(" ")[0];
            envelopes.lock(number, id, "Checking");
            envelopes.unlock(number, id);
            envelopes.revoke(number, id, "reader@partner.example");
        } finally {
            root.removeHandler(capture);
            ours.setLevel(before);
        }

        List<Object[]> columns = stored.rows("select table_name, column_name, data_type from information_schema.columns"
                + " where table_schema = 'PUBLIC'");
        int searched = 0;
        for (Object[] column : columns) {
            String type = String.valueOf(column[2]);
            String value = type.startsWith("CHARACTER") ? "\"" + column[1] + "\""
                    : type.startsWith("BINARY") ? "utf8tostring(\"" + column[1] + "\")" : null;
            if (value == null) {
                continue;
            }
            searched++;
            for (String word : List.of(marker, "Quarterly numbers")) {
                List<Object[]> hits = stored.rows("select count(*) from \"" + column[0] + "\" where " + value + " like ?1",
                        "%" + word + "%");
                assertEquals(0L, ((Number) hits.get(0)[0]).longValue(), column[0] + "." + column[1] + " holds " + word);
            }
        }
        assertTrue(searched > 50, "every text column of every table was searched (" + searched + ")");
        assertEquals(1L, ((Number) stored.rows("select count(*) from envelope where public_id = ?1 and sealed_key is not null"
                + " and encrypted_subject is not null", id).get(0)[0]).longValue(), "the search did look at the envelope");
        assertTrue(logged.stream().noneMatch(line -> line.contains(marker) || line.contains("Quarterly numbers")),
                "the log holds no subject or body: " + logged);
    }

    @Test
    void anEnvelopeExpiredForGoodLosesItsKeyWhileOneInItsGracePeriodCanStillBeExtended() {
        String sender = senderOfNewAccount("Expiry");
        String number = sender.split(" ")[0];
        String id = seal(sender, Fixtures.unique("expiring")).envelope().id();
        envelopes.changeExpiry(number, id, clock.now().plus(Duration.ofDays(1)));

        clock.advance(Duration.ofDays(2));
        assertEquals("expired", envelopes.envelope(number, id).status());
        housekeeping.destroyExpiredKeys();
        assertNotNull(stored.findBy(Envelope.BY_PUBLIC_ID, Envelope.class, "publicId", id).orElseThrow().getSealedKey(),
                "within the grace period the key stays");
        assertEquals("active", envelopes.changeExpiry(number, id, clock.now().plus(Duration.ofDays(1))).status(),
                "and the sender can revive the envelope");

        clock.advance(Duration.ofDays(40));
        housekeeping.destroyExpiredKeys();
        Envelope destroyed = stored.findBy(Envelope.BY_PUBLIC_ID, Envelope.class, "publicId", id).orElseThrow();
        assertNull(destroyed.getSealedKey(), "expired for good: the key is gone");
        assertNull(destroyed.getEncryptedSubject());
        assertEquals(KeyDestruction.EXPIRED, destroyed.getKeyDestruction());
        assertEquals(EnvelopeRefusal.EXPIRED, destroyed.refusalFor("reader@partner.example", clock.now()).orElseThrow());
        assertThrows(ConflictException.class, () -> envelopes.changeExpiry(number, id, clock.now().plus(Duration.ofDays(1))));
    }

    @Test
    void anAccountAdministratorNeverReachesAnotherAccountsEnvelope() {
        String sender = senderOfNewAccount("Owner");
        String owner = sender.split(" ")[0];
        String id = seal(sender, Fixtures.unique("owned")).envelope().id();
        String other = senderOfNewAccount("Other").split(" ")[0];

        assertThrows(ResourceNotFoundException.class, () -> envelopes.envelope(owner, id));
        assertThrows(ResourceNotFoundException.class, () -> envelopes.envelope(other, id));
        assertThrows(ResourceNotFoundException.class, () -> envelopes.lock(other, id, "taken over"));
        assertThrows(ResourceNotFoundException.class, () -> envelopes.revokeForEveryone(other, id));

        acting.actAs(callers.administratorOf(owner));
        EnvelopeView untouched = envelopes.envelope(owner, id);
        assertEquals("active", untouched.status());
        assertNull(untouched.keyDestroyedAt());
    }

    private static byte[] ciphertextIn(SealedEnvelope sealed) throws Exception {
        Multipart mixed = (Multipart) sealed.notification().getContent();
        for (int i = 0; i < mixed.getCount(); i++) {
            BodyPart part = mixed.getBodyPart(i);
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                String html = new String(part.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
                Matcher value = Pattern.compile("name=\"ciphertext\" value=\"([^\"]*)\"").matcher(html);
                assertTrue(value.find(), "the attachment carries the ciphertext");
                return Base64.getDecoder().decode(value.group(1).replaceAll("\\s", ""));
            }
        }
        throw new AssertionError("no attachment");
    }
}
