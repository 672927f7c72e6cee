package org.openenvelope.audit.trail;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.openenvelope.audit.AuditAction;
import org.openenvelope.error.RejectedValuesException;
import org.openenvelope.error.ValueProblem;

/**
 * Which audit events to show: by part of the actor, by action, and by time ({@code from} inclusive, {@code until}
 * exclusive). Each is optional.
 */
public record AuditFilter(String actor, String action, Instant from, Instant until) {

    public static final AuditFilter NONE = new AuditFilter(null, null, null, null);

    /**
     * From what a person or a client typed: a date ({@code 2026-12-07}, a whole UTC day) or an instant for the
     * times, an action's code.
     *
     * @throws RejectedValuesException naming {@code action}, {@code from} or {@code until}
     */
    public static AuditFilter of(String actor, String action, String from, String until) {
        List<ValueProblem> problems = new ArrayList<>();
        String code = blank(action) ? null : action.strip();
        if (code != null && Arrays.stream(AuditAction.values()).noneMatch(a -> a.code().equals(code))) {
            problems.add(new ValueProblem("action", code, "\"" + code + "\" is not an audit action; they are named"
                    + " like sign-in.failed or account.created."));
        }
        Instant start = time(problems, "from", from, false);
        Instant end = time(problems, "until", until, true);
        if (start != null && end != null && !start.isBefore(end)) {
            problems.add(new ValueProblem("until", until, "\"until\" must be after \"from\"."));
        }
        if (!problems.isEmpty()) {
            throw new RejectedValuesException(problems);
        }
        return new AuditFilter(blank(actor) ? null : actor.strip().toLowerCase(Locale.ROOT), code, start, end);
    }

    /** The action codes there are, for a choice list. */
    public static List<String> actions() {
        return Arrays.stream(AuditAction.values()).map(AuditAction::code).sorted().toList();
    }

    public boolean isEmpty() {
        return actor == null && action == null && from == null && until == null;
    }

    /** A date stands for its whole UTC day: as {@code until} it ends at the next midnight. */
    private static Instant time(List<ValueProblem> problems, String field, String value, boolean end) {
        if (blank(value)) {
            return null;
        }
        String text = value.strip();
        try {
            LocalDate day = LocalDate.parse(text);
            return (end ? day.plusDays(1) : day).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException notADate) {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException notAnInstant) {
                problems.add(new ValueProblem(field, text, "\"" + field + "\" must be a date (2026-12-07) or an"
                        + " ISO-8601 instant (2026-12-07T09:00:00Z)."));
                return null;
            }
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
