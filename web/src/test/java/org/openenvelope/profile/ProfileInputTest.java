package org.openenvelope.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.openenvelope.error.InvalidValueException;

class ProfileInputTest {

    private static List<String> split(String input) {
        return ProfileInput.split("values", input);
    }

    private static String values(int count) {
        return IntStream.range(0, count).mapToObj(i -> "d" + i + ".example").collect(Collectors.joining(","));
    }

    @Test
    void splitsOnCommasSemicolonsAndLineBreaks() {
        assertEquals(List.of("a.com", "b.com", "c.com", "d.com", "e.com"),
                split("a.com,b.com;c.com\nd.com\r\ne.com"));
    }

    @Test
    void stripsBlanksAroundValues() {
        assertEquals(List.of("a.com", "b.com", "c.com"), split("  a.com ,\tb.com\t;\n   c.com   "));
    }

    @Test
    void ignoresEmptyPieces() {
        assertEquals(List.of("a.com", "b.com"), split(",,a.com;;  ; ,\n\n\r\nb.com,;"));
    }

    @Test
    void keepsTheOrderAndDuplicatesForTheCallerToReport() {
        assertEquals(List.of("b.com", "a.com", "b.com"), split("b.com, a.com, b.com"));
    }

    @Test
    void spacesInsideAValueDoNotSeparate() {
        // a pasted "a.com b.com" is one (invalid) value, reported as such rather than silently split
        assertEquals(List.of("a.com b.com"), split("a.com b.com"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", ",;,", "\n \r\n ; ,"})
    void requiresAtLeastOneValue(String input) {
        InvalidValueException refused = assertThrows(InvalidValueException.class, () -> split(input));
        assertEquals("values", refused.field());
        assertEquals("Enter at least one value.", refused.getMessage());
    }

    @Test
    void acceptsFiveHundredValues() {
        assertEquals(ProfileInput.MAX_VALUES, split(values(500)).size());
    }

    @Test
    void refusesMoreThanFiveHundredValues() {
        InvalidValueException refused = assertThrows(InvalidValueException.class, () -> split(values(501)));
        assertEquals("values", refused.field());
        assertEquals("The list has 501 values; at most 500 can be added at once.", refused.getMessage());
    }

    @Test
    void refusesInputLongerThanSixtyFourKilobytes() {
        assertEquals(1, split("a".repeat(ProfileInput.MAX_LENGTH)).size());
        InvalidValueException refused = assertThrows(InvalidValueException.class,
                () -> split("a".repeat(ProfileInput.MAX_LENGTH + 1)));
        assertEquals("values", refused.field());
        assertEquals("The list is longer than 64 KB; add the entries in smaller batches.", refused.getMessage());
    }
}
