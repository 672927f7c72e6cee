package org.openenvelope.addin;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.openenvelope.error.RejectedValuesException;
import org.openenvelope.error.ValueProblem;

/**
 * What the add-in does for senders of one domain (Addin Config, step 2). A subject flag is text the gateway finds
 * in the subject; a header flag is {@code X-Name} or {@code X-Name: value} (a legal RFC 5322 field name starting
 * with {@code X-}, and a value of printable characters).
 */
public record DomainSettings(EncryptionType encryptionType, int rememberPasswordDays, FlagType flagType, String flagValue) implements Serializable {

    public static final int MAX_REMEMBER_DAYS = 30;
    public static final int MAX_FLAG = 300;
    public static final DomainSettings DEFAULT = new DomainSettings(EncryptionType.ENCRYPT, 7, FlagType.SUBJECT, "[secure]");
    private static final Pattern HEADER_NAME = Pattern.compile("[Xx]-[0-9A-Za-z-]*[0-9A-Za-z]");

    /**
     * @throws RejectedValuesException naming each wrong field: {@code encryptionType}, {@code rememberPasswordDays},
     *                                 {@code flagType}, {@code flagValue}
     */
    public DomainSettings validated() {
        List<ValueProblem> problems = new ArrayList<>();
        if (encryptionType == null) {
            problems.add(new ValueProblem("encryptionType", "", "Choose Encrypt or Flag."));
        }
        if (rememberPasswordDays < 0 || rememberPasswordDays > MAX_REMEMBER_DAYS) {
            problems.add(new ValueProblem("rememberPasswordDays", String.valueOf(rememberPasswordDays),
                    "The add-in remembers the password for 0 (ask every time) to " + MAX_REMEMBER_DAYS + " days."));
        }
        if (flagType == null) {
            problems.add(new ValueProblem("flagType", "", "Choose Subject or Header."));
        }
        String value = flagValue == null ? "" : flagValue.strip();
        if (flagType == FlagType.SUBJECT && value.isEmpty()) {
            problems.add(new ValueProblem("flagValue", "", "Enter the text the gateway looks for in the subject, such as [secure]."));
        } else if (flagType == FlagType.HEADER) {
            headerProblem(value).ifPresent(message -> problems.add(new ValueProblem("flagValue", value, message)));
        }
        if (value.length() > MAX_FLAG || value.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            problems.add(new ValueProblem("flagValue", value.length() > 40 ? value.substring(0, 40) + "…" : value,
                    "The flag value must be at most " + MAX_FLAG + " characters without line breaks or control characters."));
        }
        if (!problems.isEmpty()) {
            throw new RejectedValuesException(problems);
        }
        return new DomainSettings(encryptionType, rememberPasswordDays, flagType, value);
    }

    /** The header's name, for HEADER flags. */
    public String headerName() {
        int colon = flagValue.indexOf(':');
        return (colon < 0 ? flagValue : flagValue.substring(0, colon)).strip();
    }

    /** The header's value, for HEADER flags: what follows the colon, or {@code true}. */
    public String headerValue() {
        int colon = flagValue.indexOf(':');
        String value = colon < 0 ? "" : flagValue.substring(colon + 1).strip();
        return value.isEmpty() ? "true" : value;
    }

    private static java.util.Optional<String> headerProblem(String value) {
        int colon = value.indexOf(':');
        String name = (colon < 0 ? value : value.substring(0, colon)).strip();
        if (name.isEmpty()) {
            return java.util.Optional.of("Enter the header the gateway looks for, such as X-Secure-Envelope or X-Secure-Envelope: yes.");
        }
        if (!HEADER_NAME.matcher(name).matches()) {
            return java.util.Optional.of("\"" + name + "\" is not a legal X- header name: it must start with X- and"
                    + " contain only letters, digits and - (no spaces).");
        }
        if (colon >= 0 && value.substring(colon + 1).chars().anyMatch(c -> c > 0x7e)) {
            return java.util.Optional.of("The header's value must be plain ASCII.");
        }
        return java.util.Optional.empty();
    }
}
