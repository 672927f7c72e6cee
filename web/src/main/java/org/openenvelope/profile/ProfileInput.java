package org.openenvelope.profile;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.openenvelope.error.InvalidValueException;

/**
 * The text an administrator types or pastes into "Add Entries" (or sends as one JSON string): values separated
 * by commas, semicolons or line breaks (as Outlook and spreadsheets produce them), with blanks around them
 * ignored. Splitting text is the web edge's job; the service takes the list.
 */
public final class ProfileInput {

    public static final int MAX_VALUES = ProfileValues.MAX_VALUES;
    public static final int MAX_LENGTH = 64 * 1024;
    private static final Pattern SEPARATORS = Pattern.compile("[,;\\r\\n]");

    private ProfileInput() {
    }

    public static List<String> split(String field, String input) {
        if (input != null && input.length() > MAX_LENGTH) {
            throw new InvalidValueException(field, "The list is longer than " + MAX_LENGTH / 1024
                    + " KB; add the entries in smaller batches.");
        }
        return ProfileValues.of(field, input == null ? List.of() : Arrays.asList(SEPARATORS.split(input)));
    }

    /** Whether {@code value} would be several values as text: an array element must not be. */
    public static boolean containsSeparator(String value) {
        return SEPARATORS.matcher(value).find();
    }
}
