package org.openenvelope.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class InstantConverterTest {

    private final InstantConverter converter = new InstantConverter();
    private final Instant instant = Instant.parse("2025-06-30T23:59:59.123456Z");

    @Test
    void storesInstantsAsUtcTimestamps() {
        OffsetDateTime column = converter.convertToDatabaseColumn(instant);
        assertEquals(ZoneOffset.UTC, column.getOffset());
        assertEquals(instant, column.toInstant());
    }

    @Test
    void readsTheSameInstantWhateverOffsetTheDriverReturns() {
        assertEquals(instant, converter.convertToEntityAttribute(instant.atOffset(ZoneOffset.ofHoursMinutes(-2, -30))));
        assertEquals(instant, converter.convertToEntityAttribute(instant.atOffset(ZoneOffset.UTC)));
    }

    @Test
    void keepsNullsNull() {
        assertNull(converter.convertToDatabaseColumn(null));
        assertNull(converter.convertToEntityAttribute(null));
    }
}
