package org.openenvelope.addin;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.openenvelope.error.RejectedValuesException;
import org.openenvelope.error.ValueProblem;

/** PUT /api/v1/accounts/{number}/addin/domains[/{domain}]: Addin Config step 2. */
@Schema(name = "AddinDomainSettings")
public record DomainSettingsRequest(
        @Schema(enumeration = {"ENCRYPT", "FLAG"}, required = true) String encryptionType,
        @Schema(description = "0 (ask every time) to 30", required = true) Integer rememberPasswordDays,
        @Schema(enumeration = {"SUBJECT", "HEADER"}, required = true) String flagType,
        @Schema(description = "Subject text such as [secure], or an X- header: X-Name or X-Name: value", required = true) String flagValue) {

    /** As the service takes them; unknown choices are named per field, all at once. */
    DomainSettings settings() {
        List<ValueProblem> problems = new ArrayList<>();
        EncryptionType encryption = choice(EncryptionType.class, "encryptionType", encryptionType, problems);
        FlagType flag = choice(FlagType.class, "flagType", flagType, problems);
        if (rememberPasswordDays == null) {
            problems.add(new ValueProblem("rememberPasswordDays", "", "rememberPasswordDays is required (0 to 30)."));
        }
        if (!problems.isEmpty()) {
            throw new RejectedValuesException(problems);
        }
        return new DomainSettings(encryption, rememberPasswordDays, flag, flagValue);
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String field, String value, List<ValueProblem> problems) {
        try {
            return Enum.valueOf(type, value == null ? "" : value.strip());
        } catch (IllegalArgumentException e) {
            List<String> names = java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
            problems.add(new ValueProblem(field, value == null ? "" : value, field + " must be one of " + names + "."));
            return null;
        }
    }
}
