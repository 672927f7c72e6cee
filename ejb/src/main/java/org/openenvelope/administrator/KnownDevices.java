package org.openenvelope.administrator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.openenvelope.security.SecretBox;

/**
 * Browsers an administrator has signed in from: after a sign-in the portal gives the browser a token sealed under
 * the master key naming the address and when. A browser that shows one for the address it signs in as is not held
 * back by the pause that strangers' wrong passwords put on that address, so nobody can keep an administrator out.
 */
@ApplicationScoped
public class KnownDevices {

    static final String PURPOSE = "portal-known-device";
    public static final Duration LIFETIME = Duration.ofDays(90);

    @Inject
    SecretBox secrets;

    @Inject
    Clock clock;

    /** The token to keep in the browser of the administrator who just signed in. */
    public String issue(String email) {
        byte[] address = email.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8);
        byte[] token = ByteBuffer.allocate(Long.BYTES + address.length).putLong(clock.instant().getEpochSecond())
                .put(address).array();
        return secrets.seal(token, PURPOSE);
    }

    /** Whether the browser's token was issued to this address here within {@link #LIFETIME}. */
    public boolean proves(String token, String email) {
        if (token == null || token.isBlank() || email == null) {
            return false;
        }
        try {
            ByteBuffer opened = ByteBuffer.wrap(secrets.open(token, PURPOSE));
            Instant issued = Instant.ofEpochSecond(opened.getLong());
            String address = StandardCharsets.UTF_8.decode(opened).toString();
            return address.equals(email.strip().toLowerCase(Locale.ROOT))
                    && issued.plus(LIFETIME).isAfter(clock.instant());
        } catch (RuntimeException notOurs) {
            return false;
        }
    }
}
