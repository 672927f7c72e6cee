package org.openenvelope.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class RequestOriginTest {

    @Test
    void keepsAddressesThatFitTheColumn() {
        RequestOrigin origin = new RequestOrigin();
        origin.address("2001:db8::1");
        assertEquals("2001:db8::1", origin.address());
        origin.address(null);
        assertNull(origin.address());
    }

    @Test
    void cutsLongerValuesToSixtyFourCharacters() {
        RequestOrigin origin = new RequestOrigin();
        origin.address("x".repeat(64) + "y");
        assertEquals("x".repeat(64), origin.address());
    }
}
