package org.openenvelope.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openenvelope.account.Account;
import org.openenvelope.error.RejectedValuesException;
import org.openenvelope.error.ValueProblem;

class MicrosoftConnectionTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private static final String TENANT = "72F988BF-86F1-41AF-91AB-2D7CD011DB47";
    private static final String CLIENT = "b2a6e0b7-1f5f-4b8e-9a77-0c1d2e3f4a5b";
    private static final String SECRET = "Qx8Q~abcdefghijklmnopqrstuvwxyz0123456789";
    private static final MicrosoftConnection.SecretSealer SEALER = (secret, purpose) -> "sealed(" + purpose + ")#" + secret.length();
    private final Account account = new Account("12345674", "Contoso", NOW);

    private static List<String> fields(RejectedValuesException rejected) {
        return rejected.problems().stream().map(ValueProblem::field).toList();
    }

    @Test
    void keepsTheDetailsNormalisedAndOnlyASealedSecretWithItsHint() {
        MicrosoftConnection connection = MicrosoftConnection.create(account, " " + TENANT + " ", CLIENT, " " + SECRET + " ",
                SEALER, "admin@contoso.example", NOW);
        assertEquals(TENANT.toLowerCase(), connection.getTenantId());
        assertEquals("sealed(graph-client-secret:12345674)#" + SECRET.length(), connection.getSealedSecret());
        assertEquals("Qx8…", connection.getSecretHint());
        assertEquals(NOW, connection.getSecretSavedAt());
        MicrosoftConnection byDomain = MicrosoftConnection.create(account, "Contoso.onmicrosoft.com", CLIENT, SECRET, SEALER, "a", NOW);
        assertEquals("contoso.onmicrosoft.com", byDomain.getTenantId());
    }

    @Test
    void namesEveryWrongFieldAtOnceWithoutEchoingTheSecret() {
        RejectedValuesException rejected = assertThrows(RejectedValuesException.class, () ->
                MicrosoftConnection.create(account, "contoso", "not-a-guid", "with space inside", SEALER, "a", NOW));
        assertEquals(List.of("tenantId", "clientId", "clientSecret"), fields(rejected));
        assertTrue(rejected.problems().stream().noneMatch(p -> p.value().contains("space")), "the secret is not echoed");

        RejectedValuesException missing = assertThrows(RejectedValuesException.class, () ->
                MicrosoftConnection.create(account, "", "", "", SEALER, "a", NOW));
        assertEquals(List.of("tenantId", "clientId", "clientSecret"), fields(missing));

        RejectedValuesException secretId = assertThrows(RejectedValuesException.class, () ->
                MicrosoftConnection.create(account, TENANT, CLIENT, "0b6b6b3e-8d0c-4f7e-9a51-2c3d4e5f6a7b", SEALER, "a", NOW));
        assertTrue(secretId.problems().get(0).message().contains("secret's ID, not its Value"));
    }

    @Test
    void aBlankSecretKeepsTheOneSetAndAChangeVoidsTheLastTest() {
        MicrosoftConnection connection = MicrosoftConnection.create(account, TENANT, CLIENT, SECRET, SEALER, "a", NOW);
        connection.tested("CONNECTED", null, NOW);

        connection.change(TENANT, CLIENT, "", SEALER, "b", NOW.plusSeconds(60));
        assertEquals("CONNECTED", connection.getTestOutcome(), "nothing changed");
        assertEquals(NOW, connection.getSecretSavedAt());

        connection.change(TENANT, "c0ffee00-1f5f-4b8e-9a77-0c1d2e3f4a5b", null, SEALER, "b", NOW.plusSeconds(120));
        assertNull(connection.getTestOutcome(), "a changed client ID must be tested again");
        assertEquals(NOW, connection.getSecretSavedAt(), "the secret was kept");

        connection.change(TENANT, CLIENT, "Zz9Q~another.secret.value", SEALER, "c", NOW.plusSeconds(180));
        assertEquals("Zz9…", connection.getSecretHint());
        assertEquals("c", connection.getSecretSavedBy());
        assertFalse(connection.getSealedSecret().contains("another"));
    }
}
