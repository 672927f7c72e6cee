package org.openenvelope.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RejectedValuesExceptionTest {

    private static final ValueProblem BAD_DOMAIN =
            new ValueProblem("values", "bad..domain", "\"bad..domain\" has an empty label.");
    private static final ValueProblem TAKEN =
            new ValueProblem("values", "example.com", "\"example.com\" is registered to another account.");

    @Test
    void oneProblemReadsInTheSingular() {
        RejectedValuesException rejected = new RejectedValuesException(List.of(BAD_DOMAIN));
        assertEquals("1 value was rejected; nothing was saved.", rejected.getMessage());
        assertEquals("rejected_values", rejected.code());
    }

    @Test
    void severalProblemsAreCounted() {
        assertEquals("2 values were rejected; nothing was saved.",
                new RejectedValuesException(List.of(BAD_DOMAIN, TAKEN)).getMessage());
        assertEquals("3 values were rejected; nothing was saved.",
                new RejectedValuesException(List.of(BAD_DOMAIN, TAKEN, BAD_DOMAIN)).getMessage());
    }

    @Test
    void keepsEveryProblemInOrderAndCannotBeChangedAfterwards() {
        List<ValueProblem> problems = new ArrayList<>(List.of(BAD_DOMAIN, TAKEN));
        RejectedValuesException rejected = new RejectedValuesException(problems);
        problems.clear();
        assertEquals(List.of(BAD_DOMAIN, TAKEN), rejected.problems());
        assertThrows(UnsupportedOperationException.class, () -> rejected.problems().add(BAD_DOMAIN));
    }

    @Test
    void otherRefusalsCarryTheirMachineReadableCodes() {
        assertEquals("invalid_value", new InvalidValueException("name", "x").code());
        assertEquals("conflict", new ConflictException("status", "x").code());
        assertEquals("not_found", new ResourceNotFoundException("x").code());
        assertEquals("forbidden", new AccessDeniedException("x").code());
    }
}
