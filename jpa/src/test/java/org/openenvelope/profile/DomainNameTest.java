package org.openenvelope.profile;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class DomainNameTest {

    private static String rejection(String raw) {
        return assertThrows(IllegalArgumentException.class, () -> DomainName.parse(raw)).getMessage();
    }

    private static String label(char c, int length) {
        return String.valueOf(c).repeat(length);
    }

    @ParameterizedTest
    @CsvSource({
            "example.com,            example.com",
            "EXAMPLE.COM,            example.com",
            "Mail.Example.Co.UK,     mail.example.co.uk",
            "'  example.com  ',      example.com",
            "example.com.,           example.com",
            "a-b.example,            a-b.example",
            "123.example.com,        123.example.com",
            "xn--bcher-kva.de,       xn--bcher-kva.de",
            "XN--BCHER-KVA.DE,       xn--bcher-kva.de"})
    void acceptsAndNormalisesAsciiNames(String raw, String expected) {
        assertEquals(expected, DomainName.parse(raw).ascii());
    }

    @ParameterizedTest
    @CsvSource({
            "bücher.de,       xn--bcher-kva.de",
            "BÜCHER.DE,       xn--bcher-kva.de",
            "münchen.de,      xn--mnchen-3ya.de",
            "例え.テスト,      xn--r8jz45g.xn--zckzah",
            // UTS #46 non-transitional: ß and ς are kept (IDNA2008), not mapped to ss and σ (IDNA2003)
            "faß.de,          xn--fa-hia.de",
            // the ideographic full stop separates labels like an ASCII dot
            "bücher。de,      xn--bcher-kva.de"})
    void convertsInternationalisedNamesToPunycode(String raw, String expected) {
        assertEquals(expected, DomainName.parse(raw).ascii());
    }

    @Test
    void showsInternationalisedNamesInUnicode() {
        assertEquals("bücher.de", DomainName.parse("xn--bcher-kva.de").unicode());
        assertEquals("example.com", DomainName.parse("Example.com").unicode());
    }

    @Test
    void comparesByNormalisedForm() {
        assertEquals(DomainName.parse("BÜCHER.de."), DomainName.parse("xn--bcher-kva.de"));
        assertEquals(DomainName.parse("BÜCHER.de.").hashCode(), DomainName.parse("xn--bcher-kva.de").hashCode());
        assertNotEquals(DomainName.parse("example.com"), DomainName.parse("example.org"));
        assertEquals("xn--bcher-kva.de", DomainName.parse("bücher.de").toString());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "."})
    void rejectsEmptyNames(String raw) {
        assertEquals("is empty", rejection(raw));
    }

    @ParameterizedTest
    @ValueSource(strings = {"bad..domain", ".example.com", "example..com"})
    void rejectsEmptyLabels(String raw) {
        assertEquals("has an empty label (two dots in a row, or a leading dot)", rejection(raw));
    }

    @Test
    void rejectsAnEmptyLastLabelAfterTheOneTrailingDotIsRemoved() {
        assertEquals("has an empty label (two dots in a row, or a leading dot)", rejection("example.com.."));
    }

    @Test
    void acceptsLabelsOfSixtyThreeCharacters() {
        String name = label('a', 63) + ".example";
        assertEquals(name, DomainName.parse(name).ascii());
    }

    @Test
    void rejectsLabelsLongerThanSixtyThreeCharacters() {
        assertEquals("has a label longer than 63 characters", rejection(label('a', 64) + ".example"));
    }

    @Test
    void rejectsInternationalisedLabelsWhosePunycodeIsTooLong() {
        // 60 umlauts encode to far more than 63 ASCII characters
        assertEquals("has a label longer than 63 characters", rejection(label('ü', 60) + ".de"));
    }

    @Test
    void acceptsNamesOfTwoHundredFiftyThreeCharacters() {
        String name = label('a', 63) + "." + label('b', 63) + "." + label('c', 63) + "." + label('d', 61);
        assertEquals(253, name.length());
        assertEquals(name, DomainName.parse(name).ascii());
        assertEquals(name, DomainName.parse(name + ".").ascii());
    }

    @Test
    void rejectsNamesLongerThanTwoHundredFiftyThreeCharacters() {
        String name = label('a', 63) + "." + label('b', 63) + "." + label('c', 63) + "." + label('d', 62);
        assertEquals(254, name.length());
        assertEquals("is longer than 253 characters", rejection(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-example.com", "example-.com", "mail.-example.com", "example.com-"})
    void rejectsLabelsStartingOrEndingWithAHyphen(String raw) {
        assertEquals("has a label that starts or ends with a hyphen", rejection(raw));
    }

    @ParameterizedTest
    @ValueSource(strings = {"under_score.com", "exa!mple.com", "example.c$m", "exam\"ple.com", "exa%mple.com",
            "example.com:25"})
    void rejectsCharactersNotAllowedInHostNames(String raw) {
        assertEquals("contains a character that is not allowed in domain names", rejection(raw));
    }

    @ParameterizedTest
    @ValueSource(strings = {"exa mple.com", "example.com\tmore", "example .com"})
    void rejectsSpaces(String raw) {
        assertEquals("contains a space", rejection(raw));
    }

    @Test
    void rejectsEmailAddresses() {
        assertEquals("is an email address, not a domain", rejection("user@example.com"));
    }

    @Test
    void rejectsWildcards() {
        assertEquals("is a wildcard; enter the domain itself", rejection("*.example.com"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://example.com", "example.com/path", "mailto://example.com"})
    void rejectsUrls(String raw) {
        assertEquals("looks like a URL; enter only the domain name", rejection(raw));
    }

    @Test
    void rejectsSingleLabelNames() {
        assertEquals("needs at least two labels, such as example.com", rejection("localhost"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"192.168.1.10", "10.0.0.1"})
    void rejectsIpAddresses(String raw) {
        assertEquals("is an IP address, not a domain", rejection(raw));
    }

    @Test
    void rejectsOneLetterTopLevelDomains() {
        assertEquals("has a one-letter top-level domain", rejection("example.c"));
    }

    @Test
    void rejectsMalformedPunycode() {
        assertAll(
                () -> assertEquals("has an invalid punycode (xn--) label", rejection("xn--a.com")),
                () -> assertEquals("has an invalid punycode (xn--) label", rejection("xn--ab-.com")));
    }

    @Test
    void rejectsHyphensInThirdAndFourthPositionOutsidePunycode() {
        assertEquals("is not a valid internationalised domain name", rejection("ab--cd.com"));
    }

    @Test
    void rejectsRightToLeftLabelsEndingInLeftToRightText() {
        assertEquals("mixes right-to-left and left-to-right text in a way IDNA does not allow",
                rejection("\u05d0a.com"));
    }
}
