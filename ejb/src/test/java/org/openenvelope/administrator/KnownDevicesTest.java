package org.openenvelope.administrator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openenvelope.security.SecretBox;

class KnownDevicesTest {

    private static final Instant T0 = Instant.parse("2026-12-07T09:00:00Z");

    private static KnownDevices at(Instant now, SecretBox box) {
        KnownDevices devices = new KnownDevices();
        devices.secrets = box;
        devices.clock = Clock.fixed(now, ZoneOffset.UTC);
        return devices;
    }

    @Test
    void aTokenProvesItsOwnAddressForNinetyDays() {
        SecretBox box = new SecretBox(new byte[32]);
        String token = at(T0, box).issue("Admin@Example.COM");
        assertTrue(at(T0, box).proves(token, "admin@example.com"));
        assertTrue(at(T0.plus(Duration.ofDays(89)), box).proves(token, " ADMIN@example.com "));
        assertFalse(at(T0.plus(Duration.ofDays(91)), box).proves(token, "admin@example.com"), "expired");
        assertFalse(at(T0, box).proves(token, "other@example.com"), "another address");
    }

    @Test
    void anythingElseProvesNothing() {
        SecretBox box = new SecretBox(new byte[32]);
        String token = at(T0, box).issue("admin@example.com");
        assertFalse(at(T0, box).proves(token.substring(0, token.length() - 4) + "AAAA", "admin@example.com"));
        assertFalse(at(T0, new SecretBox(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18,
                19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32})).proves(token, "admin@example.com"),
                "another service's master key");
        assertFalse(at(T0, box).proves(box.seal("admin@example.com".getBytes(), "another-purpose"), "admin@example.com"));
        assertFalse(at(T0, box).proves(null, "admin@example.com"));
        assertFalse(at(T0, box).proves("garbage", "admin@example.com"));
    }

    @Test
    void unknownAddressesArePausedAsAdministratorsAre() {
        UnknownAddressPause pause = new UnknownAddressPause(UnknownAddressPauses.digest("nobody@example.com"), T0);
        for (int failure = 1; failure < SignInBackoff.FREE_ATTEMPTS; failure++) {
            assertEquals(Optional.empty(), pause.recordFailure(T0));
        }
        assertEquals(Optional.of(T0.plus(SignInBackoff.FIRST_LOCK)), pause.recordFailure(T0));
        assertEquals(Optional.of(T0.plus(SignInBackoff.FIRST_LOCK)), pause.pausedAt(T0));
        assertEquals(Optional.empty(), pause.pausedAt(T0.plus(SignInBackoff.FIRST_LOCK)));
    }

    @Test
    void unknownAddressesAreKeptAsDigestsOnly() {
        String digest = UnknownAddressPauses.digest("nobody@example.com");
        assertEquals(64, digest.length());
        assertFalse(digest.contains("nobody"));
        assertFalse(digest.equals(UnknownAddressPauses.digest("someone-else@example.com")));
    }
}
