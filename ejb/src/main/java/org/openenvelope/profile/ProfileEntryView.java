package org.openenvelope.profile;

import java.time.Instant;

/**
 * A profile entry as the Profiles tab and the API show it.
 *
 * @param value   the stored form (punycode for internationalised domains)
 * @param display the form people read (Unicode)
 */
public record ProfileEntryView(long id, ProfileEntryType type, String value, String display, Instant createdAt,
                               String createdBy) {

    static ProfileEntryView of(ProfileEntry entry) {
        return new ProfileEntryView(entry.getId(), entry.getType(), entry.getValue(), displayForm(entry),
                entry.getCreatedAt(), entry.getCreatedBy());
    }

    private static String displayForm(ProfileEntry entry) {
        return switch (entry.getType()) {
            case DOMAIN -> DomainName.parse(entry.getValue()).unicode();
            case EMAIL_ADDRESS -> {
                EmailAddress address = EmailAddress.parse(entry.getValue());
                String value = address.value();
                yield value.substring(0, value.lastIndexOf('@') + 1) + address.domain().unicode();
            }
        };
    }
}
