package org.openenvelope.api;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.openenvelope.error.InvalidValueException;

class DuplicatePropertiesRefusedTest {

    private static void scan(String json) {
        DuplicatePropertiesRefused.refuseDuplicates(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aPropertyGivenTwiceInOneObjectIsRefusedByName() {
        assertEquals("role", assertThrows(InvalidValueException.class,
                () -> scan("{\"role\":\"viewer\",\"name\":\"x\",\"role\":\"admin\"}")).field());
        assertEquals("allowSha1", assertThrows(InvalidValueException.class,
                () -> scan("{\"options\":{\"allowSha1\":true,\"allowSha1\":false}}")).field(), "nested too");
        assertEquals("id", assertThrows(InvalidValueException.class,
                () -> scan("[{\"id\":1},{\"id\":2,\"id\":3}]")).field(), "inside arrays too");
    }

    @Test
    void theSameNameInDifferentObjectsIsFine() {
        assertDoesNotThrow(() -> scan("{\"id\":1,\"child\":{\"id\":2,\"child\":{\"id\":3}},\"items\":[{\"id\":4},{\"id\":5}]}"));
    }

    @Test
    void brokenOrEmptyBodiesAreLeftForTheBindingToReport() {
        assertDoesNotThrow(() -> scan(""));
        assertDoesNotThrow(() -> scan("{\"name\": \"Broken\""));
        assertDoesNotThrow(() -> scan("not json at all"));
    }
}
