package org.openenvelope.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressTest {

    private static String rejection(String raw) {
        return assertThrows(IllegalArgumentException.class, () -> EmailAddress.parse(raw)).getMessage();
    }

    @ParameterizedTest
    @CsvSource({
            "user@example.com,                   user@example.com",
            "'  user@example.com ',              user@example.com",
            "First.Last@Example.COM,             first.last@example.com",
            "user+tag@example.com,               user+tag@example.com",
            "o'brien@example.ie,                 o'brien@example.ie",
            "x!#$%&*/=?^_`{|}~-@example.com,     x!#$%&*/=?^_`{|}~-@example.com",
            "user@mail.example.com.,             user@mail.example.com"})
    void acceptsDotAtomAddressesAndLowerCasesThem(String raw, String expected) {
        assertEquals(expected, EmailAddress.parse(raw).value());
    }

    @ParameterizedTest
    @CsvSource({
            "user@bücher.de,    user@xn--bcher-kva.de",
            "User@BÜCHER.DE,    user@xn--bcher-kva.de",
            "info@例え.テスト,    info@xn--r8jz45g.xn--zckzah"})
    void normalisesInternationalisedDomainsToPunycode(String raw, String expected) {
        EmailAddress address = EmailAddress.parse(raw);
        assertEquals(expected, address.value());
        assertEquals(expected.substring(expected.indexOf('@') + 1), address.domain().ascii());
    }

    @Test
    void comparesByNormalisedForm() {
        assertEquals(EmailAddress.parse("User@Bücher.de"), EmailAddress.parse("user@xn--bcher-kva.de"));
        assertEquals(EmailAddress.parse("User@Bücher.de").hashCode(),
                EmailAddress.parse("user@xn--bcher-kva.de").hashCode());
        assertNotEquals(EmailAddress.parse("a@example.com"), EmailAddress.parse("b@example.com"));
        assertEquals("a@example.com", EmailAddress.parse("A@example.com").toString());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void rejectsEmptyInput(String raw) {
        assertEquals("is empty", rejection(raw));
    }

    @Test
    void rejectsInputWithoutAt() {
        assertEquals("has no @", rejection("user.example.com"));
    }

    @Test
    void rejectsAnEmptyLocalPart() {
        assertEquals("has nothing before the @", rejection("@example.com"));
    }

    @Test
    void acceptsLocalPartsOfSixtyFourCharacters() {
        String local = "a".repeat(64);
        assertEquals(local + "@example.com", EmailAddress.parse(local + "@example.com").value());
    }

    @Test
    void rejectsLocalPartsLongerThanSixtyFourCharacters() {
        assertEquals("has more than 64 characters before the @", rejection("a".repeat(65) + "@example.com"));
    }

    @ParameterizedTest
    @ValueSource(strings = {".user@example.com", "user.@example.com", "us..er@example.com", "\"quoted\"@example.com",
            "us er@example.com", "user(comment)@example.com", "jörg@example.com", "user@@example.com",
            "a\\b@example.com", "a,b@example.com"})
    void rejectsLocalPartsThatAreNotDotAtoms(String raw) {
        assertEquals("has characters before the @ that are not allowed in an address", rejection(raw));
    }

    @Test
    void explainsWhatIsWrongWithTheDomain() {
        assertEquals("has a domain that is empty", rejection("user@"));
        assertEquals("has a domain that needs at least two labels, such as example.com", rejection("user@localhost"));
        assertEquals("has a domain that has an empty label (two dots in a row, or a leading dot)",
                rejection("user@bad..domain"));
        assertEquals("has a domain that contains a character that is not allowed in domain names",
                rejection("user@exa_mple.com"));
        assertEquals("has a domain that is an IP address, not a domain", rejection("user@192.168.0.1"));
    }

    @Test
    void rejectsAddressesLongerThanTwoHundredFiftyFourCharacters() {
        String local = "a".repeat(64);
        // 64 + "@" + 189 = 254 characters: the longest address that fits
        String fits = "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(58) + ".de";
        assertEquals(254, (local + "@" + fits).length());
        assertEquals(local + "@" + fits, EmailAddress.parse(local + "@" + fits).value());

        String tooLong = "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(59) + ".de";
        assertEquals("is longer than 254 characters", rejection(local + "@" + tooLong));
    }
}
