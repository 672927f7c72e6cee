package org.openenvelope.profile;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An email address as an account claims it or an administrator signs in with: a dot-atom local part (RFC 5322,
 * no quoted strings or comments) and a {@link DomainName}. Stored lower-cased, because mail systems in the
 * enterprise treat the local part case-insensitively and a second entry differing only in case would be a
 * duplicate in practice.
 */
public final class EmailAddress {

    private static final Pattern DOT_ATOM = Pattern.compile(
            "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
    private static final int LOCAL_PART_MAX = 64;
    private static final int MAX_LENGTH = 254;

    private final String localPart;
    private final DomainName domain;

    private EmailAddress(String localPart, DomainName domain) {
        this.localPart = localPart;
        this.domain = domain;
    }

    /**
     * @throws IllegalArgumentException with a message fit to show next to the offending value
     */
    public static EmailAddress parse(String raw) {
        String value = raw == null ? "" : raw.strip();
        if (value.isEmpty()) {
            throw new IllegalArgumentException("is empty");
        }
        int at = value.lastIndexOf('@');
        if (at < 0) {
            throw new IllegalArgumentException("has no @");
        }
        String local = value.substring(0, at);
        if (local.isEmpty()) {
            throw new IllegalArgumentException("has nothing before the @");
        }
        if (local.length() > LOCAL_PART_MAX) {
            throw new IllegalArgumentException("has more than " + LOCAL_PART_MAX + " characters before the @");
        }
        if (!DOT_ATOM.matcher(local).matches()) {
            throw new IllegalArgumentException("has characters before the @ that are not allowed in an address");
        }
        DomainName domain;
        try {
            domain = DomainName.parse(value.substring(at + 1));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("has a domain that " + e.getMessage());
        }
        EmailAddress address = new EmailAddress(local.toLowerCase(Locale.ROOT), domain);
        if (address.value().length() > MAX_LENGTH) {
            throw new IllegalArgumentException("is longer than " + MAX_LENGTH + " characters");
        }
        return address;
    }

    public String value() {
        return localPart + "@" + domain.ascii();
    }

    public DomainName domain() {
        return domain;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EmailAddress that && value().equals(that.value());
    }

    @Override
    public int hashCode() {
        return value().hashCode();
    }

    @Override
    public String toString() {
        return value();
    }
}
