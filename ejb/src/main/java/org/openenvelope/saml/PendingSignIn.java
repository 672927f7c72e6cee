package org.openenvelope.saml;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * An AuthnRequest we sent and await the answer to, kept sealed in a cookie of the browser that started it
 * ({@link PendingSignIns}) rather than in the database: starting a sign-in writes nothing.
 *
 * @param relayState the local path to go to once signed in; null for none
 * @param ssoTestId  the Test SSO run the request belongs to; null for a real sign-in
 */
public record PendingSignIn(String requestId, long accountId, String accountNumber, RequestPurpose purpose,
                            String identityProviderName, String relayState, Long ssoTestId, Instant expiresAt) {

    byte[] encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeLong(accountId);
            out.writeUTF(accountNumber);
            out.writeUTF(purpose.name());
            out.writeUTF(identityProviderName);
            out.writeUTF(relayState == null ? "" : relayState);
            out.writeLong(ssoTestId == null ? -1 : ssoTestId);
            out.writeLong(expiresAt.getEpochSecond());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** @param payload what {@link #encode} wrote for this request id, read back from its authenticated seal */
    static PendingSignIn decode(String requestId, byte[] payload) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload))) {
            long accountId = in.readLong();
            String accountNumber = in.readUTF();
            RequestPurpose purpose = RequestPurpose.valueOf(in.readUTF());
            String identityProvider = in.readUTF();
            String relayState = in.readUTF();
            long test = in.readLong();
            return new PendingSignIn(requestId, accountId, accountNumber, purpose, identityProvider,
                    relayState.isEmpty() ? null : relayState, test < 0 ? null : test,
                    Instant.ofEpochSecond(in.readLong()));
        } catch (IOException e) {
            throw new IllegalStateException("not a pending sign-in", e);
        }
    }
}
