package org.openenvelope.saml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class IdentifierGeneratorTest {

    @Test
    void generatesUnguessableHexIdentifiers() {
        String first = IdentifierGenerator.next();
        assertEquals(40, first.length());
        assertTrue(first.matches("[0-9a-f]{40}"));
        assertNotEquals(first, IdentifierGenerator.next());
    }
}
