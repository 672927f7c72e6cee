package org.openenvelope.profile;

import com.ibm.icu.text.IDNA;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A DNS domain name as an account claims it: internationalised names are converted to their ASCII (punycode)
 * form by UTS #46 non-transitional processing (IDNA2008, what browsers and mail systems use today), the result is
 * lower-cased, and only host names that can receive mail are accepted (at least two labels, no IP addresses).
 */
public final class DomainName {

    private static final IDNA UTS46 = IDNA.getUTS46Instance(IDNA.NONTRANSITIONAL_TO_ASCII
            | IDNA.NONTRANSITIONAL_TO_UNICODE | IDNA.CHECK_BIDI | IDNA.CHECK_CONTEXTJ | IDNA.USE_STD3_RULES);
    private static final Pattern LDH_LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final int MAX_LENGTH = 253;
    private static final String EMPTY_LABEL = "has an empty label (two dots in a row, or a leading dot)";

    private final String ascii;

    private DomainName(String ascii) {
        this.ascii = ascii;
    }


    /**
     * @throws IllegalArgumentException with a message fit to show next to the offending value
     */
    public static DomainName parse(String raw) {
        String value = raw == null ? "" : raw.strip();
        if (value.endsWith(".")) {
            value = value.substring(0, value.length() - 1);
        }
        if (value.isEmpty()) {
            throw new IllegalArgumentException("is empty");
        }
        if (value.contains("@")) {
            throw new IllegalArgumentException("is an email address, not a domain");
        }
        if (value.startsWith("*.")) {
            throw new IllegalArgumentException("is a wildcard; enter the domain itself");
        }
        if (value.contains("://") || value.contains("/")) {
            throw new IllegalArgumentException("looks like a URL; enter only the domain name");
        }
        if (value.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("contains a space");
        }
        StringBuilder ascii = new StringBuilder();
        IDNA.Info info = new IDNA.Info();
        UTS46.nameToASCII(value, ascii, info);
        if (info.hasErrors()) {
            throw new IllegalArgumentException(describe(info.getErrors()));
        }
        String result = ascii.toString().toLowerCase(Locale.ROOT);
        if (result.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("is longer than " + MAX_LENGTH + " characters");
        }
        String[] labels = result.split("\\.", -1);
        if (labels.length < 2) {
            throw new IllegalArgumentException("needs at least two labels, such as example.com");
        }
        for (String label : labels) {
            // UTS #46 accepts one trailing dot (the root), so "example.com.." arrives here with an empty last label
            if (label.isEmpty()) {
                throw new IllegalArgumentException(EMPTY_LABEL);
            }
            if (!LDH_LABEL.matcher(label).matches()) {
                throw new IllegalArgumentException("has an invalid label \"" + label + "\"");
            }
        }
        String topLevel = labels[labels.length - 1];
        if (topLevel.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("is an IP address, not a domain");
        }
        if (topLevel.length() < 2) {
            throw new IllegalArgumentException("has a one-letter top-level domain");
        }
        return new DomainName(result);
    }

    /** The name as people read it (Unicode for internationalised names). */
    public String unicode() {
        StringBuilder unicode = new StringBuilder();
        UTS46.nameToUnicode(ascii, unicode, new IDNA.Info());
        return unicode.toString();
    }

    /** The name as stored and compared: ASCII, lower case. */
    public String ascii() {
        return ascii;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DomainName that && ascii.equals(that.ascii);
    }

    @Override
    public int hashCode() {
        return ascii.hashCode();
    }

    @Override
    public String toString() {
        return ascii;
    }

    private static String describe(Set<IDNA.Error> errors) {
        if (errors.contains(IDNA.Error.EMPTY_LABEL)) {
            return EMPTY_LABEL;
        }
        if (errors.contains(IDNA.Error.LABEL_TOO_LONG)) {
            return "has a label longer than 63 characters";
        }
        if (errors.contains(IDNA.Error.DOMAIN_NAME_TOO_LONG)) {
            return "is longer than " + MAX_LENGTH + " characters";
        }
        if (errors.contains(IDNA.Error.LEADING_HYPHEN) || errors.contains(IDNA.Error.TRAILING_HYPHEN)) {
            return "has a label that starts or ends with a hyphen";
        }
        if (errors.contains(IDNA.Error.DISALLOWED)) {
            return "contains a character that is not allowed in domain names";
        }
        if (errors.contains(IDNA.Error.PUNYCODE) || errors.contains(IDNA.Error.INVALID_ACE_LABEL)) {
            return "has an invalid punycode (xn--) label";
        }
        if (errors.contains(IDNA.Error.BIDI)) {
            return "mixes right-to-left and left-to-right text in a way IDNA does not allow";
        }
        return "is not a valid internationalised domain name";
    }
}
