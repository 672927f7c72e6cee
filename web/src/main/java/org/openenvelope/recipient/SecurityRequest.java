package org.openenvelope.recipient;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.openenvelope.error.RejectedValuesException;
import org.openenvelope.error.ValueProblem;

/** PUT /api/v1/accounts/{number}/security: every setting at once. */
@Schema(name = "AccountSecurity")
public record SecurityRequest(
        @Schema(required = true, description = "12 to 64") Integer passwordMinLength,
        @Schema(required = true) Boolean rejectCommonPasswords,
        @Schema(required = true, description = "Wrong passwords in a row before a pause, 3 to 10") Integer freeAttempts,
        @Schema(required = true, description = "The first pause in minutes (1 to 30); it doubles, up to 30") Integer firstLockMinutes,
        @Schema(required = true, description = "How long a sign-in opens the account's envelopes, 5 to 1440 minutes") Integer sessionMinutes,
        @Schema(required = true) Boolean noScriptReading) {

    /** As the service takes them; every missing value is named, all at once. */
    RecipientSecurity security() {
        List<ValueProblem> problems = new ArrayList<>();
        require(problems, "passwordMinLength", passwordMinLength);
        require(problems, "rejectCommonPasswords", rejectCommonPasswords);
        require(problems, "freeAttempts", freeAttempts);
        require(problems, "firstLockMinutes", firstLockMinutes);
        require(problems, "sessionMinutes", sessionMinutes);
        require(problems, "noScriptReading", noScriptReading);
        if (!problems.isEmpty()) {
            throw new RejectedValuesException(problems);
        }
        return new RecipientSecurity(passwordMinLength, rejectCommonPasswords, freeAttempts, firstLockMinutes,
                sessionMinutes, noScriptReading);
    }

    private static void require(List<ValueProblem> problems, String field, Object value) {
        if (value == null) {
            problems.add(new ValueProblem(field, "", field + " is required."));
        }
    }
}
