package org.openenvelope.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.openenvelope.account.Account;
import org.openenvelope.error.ConflictException;
import org.openenvelope.error.InvalidValueException;
import org.openenvelope.testing.TestAccounts;

class ApiTokenTest {

    private static final Instant CREATED = Instant.parse("2025-04-01T10:00:00Z");

    private final Account account = TestAccounts.account();
    private final TokenSecret secret = TokenSecret.generate();

    private ApiToken token() {
        return new ApiToken(account, "CI pipeline", secret, "admin@example.com", CREATED, null, false);
    }

    @Test
    void keepsTheDigestAndPrefixButNeverTheSecret() {
        ApiToken token = token();
        assertSame(account, token.getAccount());
        assertEquals("CI pipeline", token.getName());
        assertEquals(secret.prefix(), token.getSecretPrefix());
        assertEquals("admin@example.com", token.getCreatedBy());
        assertEquals(CREATED, token.getCreatedAt());
        assertFalse(token.isRevoked());
        assertNull(token.getLastUsedAt());
    }

    @Test
    void serviceTokensHaveNoAccount() {
        assertNull(new ApiToken(null, "Monitoring", secret, "root@example.com", CREATED, null, false).getAccount());
    }

    @Test
    void namesAreTrimmed() {
        assertEquals("Deploy", new ApiToken(account, "  Deploy \t", secret, "a@example.com", CREATED, null, false).getName());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void refusesABlankName(String name) {
        InvalidValueException refused = assertThrows(InvalidValueException.class,
                () -> new ApiToken(account, name, secret, "a@example.com", CREATED, null, false));
        assertEquals("name", refused.field());
        assertEquals("Token name is required.", refused.getMessage());
    }

    @Test
    void refusesNamesLongerThanEightyCharacters() {
        assertEquals("t".repeat(80), ApiToken.validName("t".repeat(80)));
        assertEquals("Token name is 81 characters long; at most 80 are allowed.",
                assertThrows(InvalidValueException.class, () -> ApiToken.validName("t".repeat(81))).getMessage());
    }

    @Test
    void refusesMultiLineNames() {
        assertEquals("Token name must be a single line without control characters.",
                assertThrows(InvalidValueException.class, () -> ApiToken.validName("a\nb")).getMessage());
    }

    @Test
    void revocationRecordsWhoAndWhen() {
        ApiToken token = token();
        Instant when = CREATED.plus(Duration.ofDays(3));
        token.revoke("root@example.com", when);
        assertTrue(token.isRevoked());
        assertEquals(when, token.getRevokedAt());
        assertEquals("root@example.com", token.getRevokedBy());
    }

    @Test
    void cannotBeRevokedTwice() {
        ApiToken token = token();
        Instant first = CREATED.plus(Duration.ofDays(3));
        token.revoke("root@example.com", first);
        ConflictException refused = assertThrows(ConflictException.class,
                () -> token.revoke("other@example.com", first.plusSeconds(60)));
        assertEquals("token", refused.field());
        assertEquals("Token \"CI pipeline\" is already revoked.", refused.getMessage());
        assertEquals(first, token.getRevokedAt(), "the first revocation stands");
        assertEquals("root@example.com", token.getRevokedBy());
    }

    @Test
    void theFirstUseIsRecorded() {
        ApiToken token = token();
        Instant used = CREATED.plusSeconds(30);
        assertTrue(token.recordUse(used));
        assertEquals(used, token.getLastUsedAt());
    }

    @Test
    void usesWithinAMinuteOfTheRecordedOneDoNotWrite() {
        ApiToken token = token();
        Instant first = CREATED.plusSeconds(30);
        token.recordUse(first);
        assertFalse(token.recordUse(first.plusSeconds(59)));
        assertEquals(first, token.getLastUsedAt());
    }

    @Test
    void aUseAMinuteOrMoreLaterIsRecorded() {
        ApiToken token = token();
        Instant first = CREATED.plusSeconds(30);
        token.recordUse(first);
        assertTrue(token.recordUse(first.plus(ApiToken.LAST_USED_PRECISION)));
        assertEquals(first.plusSeconds(60), token.getLastUsedAt());
    }

    @Test
    void aTokenMayEndAndMayOnlyRead() {
        ApiToken ending = new ApiToken(null, "Reporting", TokenSecret.generate(), "a@example.com", CREATED, 30, true);
        assertEquals(CREATED.plus(java.time.Duration.ofDays(30)), ending.getExpiresAt());
        assertTrue(ending.isReadOnly());
        assertFalse(ending.isExpiredAt(CREATED.plus(java.time.Duration.ofDays(30)).minusSeconds(1)));
        assertTrue(ending.isExpiredAt(CREATED.plus(java.time.Duration.ofDays(30))));
        assertFalse(new ApiToken(null, "Forever", TokenSecret.generate(), "a@example.com", CREATED, null, false)
                .isExpiredAt(CREATED.plus(java.time.Duration.ofDays(10_000))));
        for (int days : new int[] {0, -1, ApiToken.MAX_VALID_DAYS + 1}) {
            assertEquals("validDays", assertThrows(InvalidValueException.class, () -> new ApiToken(null, "x",
                    TokenSecret.generate(), "a@example.com", CREATED, days, false)).field());
        }
    }
}
