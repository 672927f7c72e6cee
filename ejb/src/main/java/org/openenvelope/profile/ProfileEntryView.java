package org.openenvelope.profile;

import java.io.Serializable;
import java.time.Instant;

/**
 * A profile entry as the Profiles tab and the API show it.
 *
 * @param value        the stored form (punycode for internationalised domains)
 * @param display      the form people read (Unicode)
 * @param verification how the claim was proved, or {@code UNVERIFIED}
 * @param txtName      where the TXT record that proves it is published (an address's domain for an address)
 * @param txtValue     the TXT record's value; null for entries verified before records existed
 */
public record ProfileEntryView(long id, ProfileEntryType type, String value, String display, Instant createdAt,
                               String createdBy, DomainVerification verification, Instant verifiedAt,
                               String verifiedBy, String txtName, String txtValue) implements Serializable {

    static ProfileEntryView of(ProfileEntry entry) {
        return new ProfileEntryView(entry.getId(), entry.getType(), entry.getValue(), displayForm(entry),
                entry.getCreatedAt(), entry.getCreatedBy(), entry.getVerification(), entry.getVerifiedAt(),
                entry.getVerifiedBy(), entry.verificationDomain(), entry.txtRecord().orElse(null));
    }

    public boolean verified() {
        return verification != DomainVerification.UNVERIFIED;
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
