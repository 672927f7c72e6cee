package org.openenvelope.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class SearchTermTest {

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", "\t\n"})
    void blankOrAbsentSearchIsNoFilter(String search) {
        SearchTerm term = SearchTerm.of(search);
        assertTrue(term.isEmpty());
        assertEquals("", term.text());
    }

    @Test
    void stripsAndLowerCasesTheTerm() {
        SearchTerm term = SearchTerm.of("  Ingrid.DOE@Example.COM ");
        assertFalse(term.isEmpty());
        assertEquals("ingrid.doe@example.com", term.text());
        assertEquals("%ingrid.doe@example.com%", term.contains());
        assertEquals("ingrid.doe@example.com%", term.startsWith());
    }

    @Test
    void lowerCasesTheSameInATurkishDefaultLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            assertEquals("title", SearchTerm.of("TITLE").text());
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void escapesPercentAndUnderscoreSoTheyAreLookedForAsTyped() {
        assertEquals("%50\\%\\_off%", SearchTerm.of("50%_off").contains());
        assertEquals("50\\%\\_off%", SearchTerm.of("50%_off").startsWith());
    }

    @Test
    void escapesTheEscapeCharacterItselfFirst() {
        assertEquals("%a\\\\b\\%%", SearchTerm.of("a\\b%").contains());
    }

    @Test
    void theEscapeClauseNamesTheBackslash() {
        assertEquals(" escape '\\'", SearchTerm.ESCAPE);
    }
}
