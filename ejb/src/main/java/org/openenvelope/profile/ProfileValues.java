package org.openenvelope.profile;

import java.util.List;
import org.openenvelope.error.InvalidValueException;

/**
 * The values of one "Add Entries", however they arrived (the portal's text area, a JSON array): blanks around
 * them ignored, at least one, and a bound on how many one transaction adds.
 */
public final class ProfileValues {

    /** One submission is one transaction; bound it so a paste of a whole directory is refused up front. */
    public static final int MAX_VALUES = 500;

    private ProfileValues() {
    }

    /**
     * @param field the field the values came from, named in a refusal
     * @throws InvalidValueException for no value at all or more than {@value #MAX_VALUES}
     */
    public static List<String> of(String field, List<String> values) {
        List<String> cleaned = values == null ? List.of() : values.stream()
                .map(value -> value == null ? "" : value.strip())
                .filter(value -> !value.isEmpty())
                .toList();
        if (cleaned.isEmpty()) {
            throw new InvalidValueException(field, "Enter at least one value.");
        }
        if (cleaned.size() > MAX_VALUES) {
            throw new InvalidValueException(field, "The list has " + cleaned.size() + " values; at most "
                    + MAX_VALUES + " can be added at once.");
        }
        return cleaned;
    }
}
