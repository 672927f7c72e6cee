package org.openenvelope.profile;

/** The kinds of entries the Profiles tab holds; the name type of the source product's "Add Entries" form. */
public enum ProfileEntryType {

    DOMAIN("Domain") {
        @Override
        public String normalise(String raw) {
            return DomainName.parse(raw).ascii();
        }
    },
    EMAIL_ADDRESS("Email address") {
        @Override
        public String normalise(String raw) {
            return EmailAddress.parse(raw).value();
        }
    };

    private final String label;

    ProfileEntryType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * The stored form of one value of this type.
     *
     * @throws IllegalArgumentException with a message fit to show next to the value
     */
    public abstract String normalise(String raw);
}
