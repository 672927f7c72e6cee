package org.openenvelope.envelope;

import java.time.Instant;
import java.util.List;

/**
 * What a recipient's browser needs to decrypt and show an envelope: the message key, the associated data the
 * service's own record gives for each part (so a ciphertext of another record fails), the encrypted subject,
 * and the record's sender, account, date and the recipients this recipient may see (never the Bcc of others), and
 * the ways of answering the sender's account allows.
 */
public record ReleasedKey(String envelopeId, String sender, String accountName, Instant sentAt, int keyVersion,
                          byte[] key, byte[] messageAssociatedData, String encryptedSubject,
                          byte[] subjectAssociatedData, List<EnvelopeBinding.Addressee> recipients, String signedInAs,
                          List<ReplyKind> replies) {
}
