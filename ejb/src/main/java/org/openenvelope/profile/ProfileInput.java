package org.openenvelope.profile;

import java.util.Arrays;
import java.util.List;
import org.openenvelope.error.InvalidValueException;

/**
 * The text an administrator types or pastes into "Add Entries": values separated by commas, semicolons or line
 * breaks (as Outlook and spreadsheets produce them), with blanks around them ignored.
 */
public final class ProfileInput {

    /** One submission is one transaction; bound it so a paste of a whole directory is refused up front. */
    public static final int MAX_VALUES = 500;
    public static final int MAX_LENGTH = 64 * 1024;

    private ProfileInput() {
    }

    public static List<String> split(String field, String input) {
        if (input != null && input.length() > MAX_LENGTH) {
            throw new InvalidValueException(field, "The list is longer than " + MAX_LENGTH / 1024
                    + " KB; add the entries in smaller batches.");
        }
        List<String> values = input == null ? List.of() : Arrays.stream(input.split("[,;\\r\\n]+"))
                .map(String::strip)
                .filter(value -> !value.isEmpty())
                .toList();
        if (values.isEmpty()) {
            throw new InvalidValueException(field, "Enter at least one value.");
        }
        if (values.size() > MAX_VALUES) {
            throw new InvalidValueException(field, "The list has " + values.size() + " values; at most "
                    + MAX_VALUES + " can be added at once.");
        }
        return values;
    }
}
