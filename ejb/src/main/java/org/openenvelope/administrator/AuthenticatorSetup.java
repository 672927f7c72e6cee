package org.openenvelope.administrator;

import java.io.Serializable;
/**
 * A new authenticator app secret, not stored until a code from the app proves it was set up.
 *
 * @param typedSecret the secret as one types it (Base32 in groups of four); the confirmation brings it back
 * @param keyUri      the {@code otpauth://} URI the QR code carries
 */
public record AuthenticatorSetup(String typedSecret, String keyUri) implements Serializable {
}
