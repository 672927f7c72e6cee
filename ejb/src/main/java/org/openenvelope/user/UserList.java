package org.openenvelope.user;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openenvelope.error.InvalidValueException;
import org.openenvelope.error.ValueProblem;

/**
 * A list of federation IDs to add as one change, checked line by line before anything is stored: each ID as a
 * single user's is checked, and an ID listed twice is refused at its second line. What the database must tell
 * (a user the account already has) is added with {@link #refuse}. Every problem names its line, and they are
 * reported in the order of the lines.
 */
public final class UserList {

    /** The most IDs added at once: one transaction, one audit line each. */
    public static final int MAX_USERS = 5000;

    private final Map<String, Integer> lines = new LinkedHashMap<>();
    private final List<Refusal> refusals = new ArrayList<>();
    private final String field;

    private record Refusal(int line, ValueProblem problem) {
    }

    private UserList(String field) {
        this.field = field;
    }

    /**
     * @throws InvalidValueException on {@code field} when the list names no ID, or more than {@link #MAX_USERS}
     */
    public static UserList of(String field, List<ListedUser> listed) {
        if (listed.isEmpty()) {
            throw new InvalidValueException(field, "The list names no federation ID.");
        }
        if (listed.size() > MAX_USERS) {
            throw new InvalidValueException(field, "The list names " + listed.size() + " federation IDs; at most "
                    + MAX_USERS + " are added at once.");
        }
        UserList list = new UserList(field);
        for (ListedUser each : listed) {
            String id;
            try {
                id = AccountUser.validFederationId(each.federationId());
            } catch (InvalidValueException invalid) {
                list.refuse(each.line(), each.federationId(), invalid.getMessage());
                continue;
            }
            Integer earlier = list.lines.putIfAbsent(id, each.line());
            if (earlier != null) {
                list.refuse(each.line(), id, "listed on line " + earlier + " already.");
            }
        }
        return list;
    }

    /** The valid IDs, each once, in the order listed, with their lines. */
    public Map<String, Integer> ids() {
        return lines;
    }

    /** Refuses the ID on this line, saying why. */
    public void refuse(int line, String federationId, String reason) {
        refusals.add(new Refusal(line, new ValueProblem(field, federationId,
                "Line " + line + ", \"" + federationId + "\": " + reason)));
    }

    /** Every problem, by line. */
    public List<ValueProblem> problems() {
        return refusals.stream().sorted(Comparator.comparingInt(Refusal::line)).map(Refusal::problem).toList();
    }
}
