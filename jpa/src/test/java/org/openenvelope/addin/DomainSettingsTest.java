package org.openenvelope.addin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openenvelope.account.Account;
import org.openenvelope.error.RejectedValuesException;
import org.openenvelope.error.ValueProblem;

class DomainSettingsTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    private static List<ValueProblem> problems(DomainSettings settings) {
        return assertThrows(RejectedValuesException.class, settings::validated).problems();
    }

    private static DomainSettings header(String value) {
        return new DomainSettings(EncryptionType.FLAG, 7, FlagType.HEADER, value);
    }

    @Test
    void aHeaderFlagIsALegalXHeaderNameWithAnOptionalValue() {
        DomainSettings named = header(" X-Secure-Envelope ").validated();
        assertEquals("X-Secure-Envelope", named.headerName());
        assertEquals("true", named.headerValue());
        DomainSettings valued = header("x-encrypt: yes please").validated();
        assertEquals("x-encrypt", valued.headerName());
        assertEquals("yes please", valued.headerValue());

        for (String illegal : List.of("Secure-Envelope", "X-", "X-Secure Envelope", "X-Sécure", "X-Secure-", "X_Secure")) {
            List<ValueProblem> problems = problems(header(illegal));
            assertEquals("flagValue", problems.get(0).field(), illegal);
            assertTrue(problems.get(0).message().contains("X-"), illegal + ": " + problems.get(0).message());
        }
        assertTrue(problems(header("X-Encrypt: ja, bitte schön")).get(0).message().contains("ASCII"));
    }

    @Test
    void aSubjectFlagIsNonEmptyTextOnOneLine() {
        assertEquals("[secure]", new DomainSettings(EncryptionType.FLAG, 0, FlagType.SUBJECT, " [secure] ").validated().flagValue());
        assertEquals("flagValue", problems(new DomainSettings(EncryptionType.FLAG, 0, FlagType.SUBJECT, "  ")).get(0).field());
        assertEquals("flagValue", problems(new DomainSettings(EncryptionType.FLAG, 0, FlagType.SUBJECT, "[secure]\r\nBcc: x")).get(0).field());
    }

    @Test
    void everyWrongSettingIsNamedAtOnce() {
        List<ValueProblem> problems = problems(new DomainSettings(null, 31, null, "x".repeat(301)));
        assertEquals(List.of("encryptionType", "rememberPasswordDays", "flagType", "flagValue"),
                problems.stream().map(ValueProblem::field).toList());
        assertEquals("rememberPasswordDays", problems(new DomainSettings(EncryptionType.ENCRYPT, -1, FlagType.SUBJECT, "[s]")).get(0).field());
    }

    @Test
    void theManifestRevisionRisesOnlyWhenSomethingChanges() {
        AddinConfiguration configuration = new AddinConfiguration(new Account("12345674", "Contoso", NOW), "a", NOW);
        assertEquals(1, configuration.getRevision());
        assertTrue(configuration.configure("contoso.example", DomainSettings.DEFAULT, "a", NOW));
        assertEquals(2, configuration.getRevision());
        assertFalse(configuration.configure("contoso.example", new DomainSettings(EncryptionType.ENCRYPT, 7, FlagType.SUBJECT,
                " [secure] "), "b", NOW), "the same settings, once trimmed");
        assertEquals(2, configuration.getRevision());
        assertTrue(configuration.configure("contoso.example", header("X-Secure"), "b", NOW));
        assertEquals(3, configuration.getRevision());
        assertEquals(FlagType.HEADER, configuration.domain("contoso.example").orElseThrow().settings().flagType());
        assertThrows(RejectedValuesException.class, () -> configuration.configure("contoso.example", header("Secure"), "b", NOW));
        assertEquals(3, configuration.getRevision(), "a refused change changes nothing");
    }
}
