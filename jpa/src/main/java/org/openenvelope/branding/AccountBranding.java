package org.openenvelope.branding;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapsId;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.openenvelope.account.Account;
import org.openenvelope.error.RejectedValuesException;
import org.openenvelope.error.ValueProblem;

/** An account's Branding tab; without a row, {@link Brand#standard}. */
@Entity
@Table(name = "account_branding")
@NamedQuery(name = AccountBranding.BY_LOGO, query = "SELECT b FROM AccountBranding b WHERE b.logoDigest = :digest")
public class AccountBranding {

    public static final String BY_LOGO = "AccountBranding.byLogo";
    public static final int DISPLAY_NAME_MAX = 100;

    @Id
    @Column(name = "account_id")
    private Long accountId;

    @MapsId
    @OneToOne(optional = false)
    @JoinColumn(name = "account_id")
    private Account account;

    @Column(name = "display_name", length = DISPLAY_NAME_MAX)
    private String displayName;

    @Column(name = "brand_colour", nullable = false, length = 7)
    private String brandColour;

    @Column(name = "background_colour", nullable = false, length = 7)
    private String backgroundColour;

    @Column(name = "logo")
    private byte[] logo;

    @Column(name = "logo_type", length = 32)
    private String logoType;

    @Column(name = "logo_digest", length = 64)
    private String logoDigest;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "updated_by", nullable = false, length = 254)
    private String updatedBy;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected AccountBranding() {
    }

    /** Starts from the service's look; the caller then changes it. */
    public AccountBranding(Account account) {
        this.account = account;
        this.brandColour = Brand.STANDARD_BRAND.hex();
        this.backgroundColour = Brand.STANDARD_BACKGROUND.hex();
    }

    /**
     * Takes the display name and colours after checking them all; nothing changes unless every value is valid.
     *
     * @throws RejectedValuesException naming each field ({@code displayName}, {@code brandColour},
     *                                 {@code backgroundColour}) and its problem
     */
    public void change(BrandChoice choice, String actor, Instant now) {
        List<ValueProblem> problems = new ArrayList<>();
        String name = choice.displayName() == null ? "" : choice.displayName().strip();
        if (name.length() > DISPLAY_NAME_MAX) {
            problems.add(new ValueProblem("displayName", name.substring(0, 40) + "…", "The display name is "
                    + name.length() + " characters; at most " + DISPLAY_NAME_MAX + " are allowed."));
        } else if (name.codePoints().anyMatch(Character::isISOControl)) {
            problems.add(new ValueProblem("displayName", "", "The display name must be one line of text, without"
                    + " control characters."));
        }
        Colour brand = colour(problems, "brandColour", "The brand colour", choice.brandColour());
        if (brand != null && brand.contrastWith(Brand.BUTTON_TEXT) < Brand.MIN_CONTRAST) {
            problems.add(new ValueProblem("brandColour", brand.hex(), "The brand colour " + brand.hex() + " is too"
                    + " light: white button text on it has a contrast of " + ratio(brand.contrastWith(Brand.BUTTON_TEXT))
                    + ", and needs at least 4.5:1 (WCAG AA). Choose a darker colour."));
        }
        Colour background = colour(problems, "backgroundColour", "The background colour", choice.backgroundColour());
        if (background != null && background.contrastWith(Brand.MUTED_TEXT) < Brand.MIN_CONTRAST) {
            problems.add(new ValueProblem("backgroundColour", background.hex(), "The background colour "
                    + background.hex() + " is too dark: the grey text on it has a contrast of "
                    + ratio(background.contrastWith(Brand.MUTED_TEXT)) + ", and needs at least 4.5:1 (WCAG AA)."
                    + " Choose a lighter colour."));
        }
        if (!problems.isEmpty()) {
            throw new RejectedValuesException(problems);
        }
        displayName = name.isEmpty() ? null : name;
        brandColour = brand.hex();
        backgroundColour = background.hex();
        touch(actor, now);
    }

    /** @param logo null to go back to none */
    public void replaceLogo(Logo logo, String actor, Instant now) {
        this.logo = logo == null ? null : logo.bytes();
        this.logoType = logo == null ? null : logo.mediaType();
        this.logoDigest = logo == null ? null : logo.digest();
        touch(actor, now);
    }

    public Brand brand() {
        return new Brand(displayName == null ? account.getName() : displayName, Colour.parse(brandColour),
                Colour.parse(backgroundColour), logo());
    }

    public Logo logo() {
        return logo == null ? null : new Logo(logoType, logo, logoDigest);
    }

    /** Null while recipients see the account's own name. */
    public String getDisplayName() {
        return displayName;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public String getUpdatedBy() {
        return updatedBy;
    }

    private void touch(String actor, Instant now) {
        updatedBy = actor;
        updatedAt = now;
    }

    private static Colour colour(List<ValueProblem> problems, String field, String what, String value) {
        Colour colour = Colour.parse(value);
        if (colour == null) {
            problems.add(new ValueProblem(field, value == null ? "" : value, value == null || value.isBlank()
                    ? what + " is required." : what + " must be # and six hexadecimal digits, like #0b5cad."));
        }
        return colour;
    }

    private static String ratio(double contrast) {
        return String.format(java.util.Locale.ROOT, "%.1f:1", Math.floor(contrast * 10) / 10);
    }
}
