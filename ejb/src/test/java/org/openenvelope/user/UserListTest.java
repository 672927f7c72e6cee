package org.openenvelope.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openenvelope.error.InvalidValueException;
import org.openenvelope.error.ValueProblem;

class UserListTest {

    private static final String FIELD = "federationIds";

    @Test
    void validIdsAreKeptOnceInTheirOrderWithTheirLines() {
        UserList list = UserList.of(FIELD, List.of(new ListedUser(2, " Jane.Doe@example.com "),
                new ListedUser(3, "employee-42")));
        assertEquals(Map.of("Jane.Doe@example.com", 2, "employee-42", 3), list.ids());
        assertEquals(List.of("Jane.Doe@example.com", "employee-42"), List.copyOf(list.ids().keySet()));
        assertTrue(list.problems().isEmpty());
    }

    @Test
    void everyRefusedLineIsNamedWithItsNumberAndWhyInLineOrder() {
        UserList list = UserList.of(FIELD, List.of(new ListedUser(1, "ann@example.com"),
                new ListedUser(4, "jane doe"), new ListedUser(6, "ann@example.com"), new ListedUser(7, "x".repeat(255))));
        list.refuse(1, "ann@example.com", "already a user of this account.");
        List<ValueProblem> problems = list.problems();
        assertEquals(List.of("Line 1, \"ann@example.com\": already a user of this account.",
                "Line 4, \"jane doe\": The federation ID must not contain spaces or control characters.",
                "Line 6, \"ann@example.com\": listed on line 1 already.",
                "Line 7, \"" + "x".repeat(255) + "\": The federation ID is 255 characters long; at most 254 are"
                        + " allowed."), problems.stream().map(ValueProblem::message).toList());
        assertTrue(problems.stream().allMatch(p -> p.field().equals(FIELD)));
        assertEquals("jane doe", problems.get(1).value());
    }

    @Test
    void anIdDiffersFromAnotherInCaseAndIsNoDuplicate() {
        assertEquals(2, UserList.of(FIELD, List.of(new ListedUser(1, "Jane"), new ListedUser(2, "jane"))).ids().size());
    }

    @Test
    void anEmptyOrTooLongListIsRefusedAsAWhole() {
        assertEquals(FIELD, assertThrows(InvalidValueException.class, () -> UserList.of(FIELD, List.of())).field());
        List<ListedUser> many = new ArrayList<>();
        for (int line = 1; line <= UserList.MAX_USERS + 1; line++) {
            many.add(new ListedUser(line, "user-" + line));
        }
        InvalidValueException tooMany = assertThrows(InvalidValueException.class, () -> UserList.of(FIELD, many));
        assertTrue(tooMany.getMessage().contains("at most " + UserList.MAX_USERS), tooMany.getMessage());
    }
}
