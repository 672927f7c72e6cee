package org.openenvelope.branding;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.Optional;
import org.openenvelope.account.Account;
import org.openenvelope.account.AccountAccess;
import org.openenvelope.audit.AuditAction;
import org.openenvelope.audit.AuditLog;
import org.openenvelope.error.InvalidValueException;

/**
 * The account's Branding tab: the name, colours and logo its recipients see in the securedoc attachment, the
 * notification mail and the recipient pages. Every change audited.
 */
@Stateless
public class BrandingService {

    @PersistenceContext(unitName = "openenvelope")
    EntityManager em;

    @Inject
    AccountAccess access;

    @Inject
    BrandOf brandOf;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    public BrandingView branding(String accountNumber) {
        Account account = access.account(accountNumber);
        return brandOf.stored(account)
                .map(b -> BrandingView.of(b.brand(), b.getDisplayName(), b.getUpdatedAt(), b.getUpdatedBy()))
                .orElseGet(() -> BrandingView.of(Brand.standard(account.getName()), null, null, null));
    }

    /**
     * Sets the display name and both colours at once; every value is checked first.
     *
     * @throws org.openenvelope.error.RejectedValuesException naming {@code displayName}, {@code brandColour} or
     *                                                        {@code backgroundColour}
     */
    public BrandingView changeBranding(String accountNumber, BrandChoice choice) {
        Account account = access.account(accountNumber);
        Brand before = brandOf.account(account);
        AccountBranding branding = stored(account);
        branding.change(choice, access.caller().getName(), clock.instant());
        Brand after = branding.brand();
        audit.record(AuditAction.ACCOUNT_BRANDING_CHANGED, accountNumber, "Branding changed: display name \""
                + before.displayName() + "\" → \"" + after.displayName() + "\", brand colour "
                + before.brandColour().hex() + " → " + after.brandColour().hex() + ", background "
                + before.backgroundColour().hex() + " → " + after.backgroundColour().hex());
        return branding(accountNumber);
    }

    /**
     * Replaces the logo with this upload once it is made safe ({@link LogoImages}).
     *
     * @param declaredType the type the upload claimed (the API's Content-Type); null when it claims none
     * @throws InvalidValueException on field {@code logo}, saying what is wrong with the file
     */
    public BrandingView replaceLogo(String accountNumber, byte[] upload, String fileName, String declaredType) {
        Account account = access.account(accountNumber);
        Logo logo = LogoImages.read(upload, fileName);
        if (declaredType != null && !declaredType.equals(logo.mediaType())) {
            throw new InvalidValueException(LogoImages.FIELD, "The logo was sent as " + declaredType + " but is "
                    + logo.mediaType() + ".");
        }
        stored(account).replaceLogo(logo, access.caller().getName(), clock.instant());
        audit.record(AuditAction.ACCOUNT_LOGO_CHANGED, accountNumber, "Logo replaced: " + logo
                + (fileName == null ? "" : " (uploaded as " + fileName + ")"));
        return branding(accountNumber);
    }

    public BrandingView removeLogo(String accountNumber) {
        Account account = access.account(accountNumber);
        brandOf.stored(account).filter(b -> b.logo() != null).ifPresent(b -> {
            b.replaceLogo(null, access.caller().getName(), clock.instant());
            audit.record(AuditAction.ACCOUNT_LOGO_REMOVED, accountNumber, "Logo removed");
        });
        return branding(accountNumber);
    }

    /** The service's own look again: the account's name, the standard colours, no logo. */
    public BrandingView restoreStandard(String accountNumber) {
        Account account = access.account(accountNumber);
        brandOf.stored(account).ifPresent(b -> {
            em.remove(b);
            audit.record(AuditAction.ACCOUNT_BRANDING_CHANGED, accountNumber, "Branding back to the service's look");
        });
        return branding(accountNumber);
    }

    public Optional<Logo> logo(String accountNumber) {
        return Optional.ofNullable(brandOf.account(access.account(accountNumber)).logo());
    }

    /**
     * The brand as the form has it, checked as a save checks it and kept nowhere, with the saved logo: what the
     * Branding tab previews before saving.
     *
     * @param choice null for the brand as saved
     * @throws org.openenvelope.error.RejectedValuesException as {@link #changeBranding}
     */
    public Brand tryOn(String accountNumber, BrandChoice choice) {
        Account account = access.account(accountNumber);
        Brand saved = brandOf.account(account);
        if (choice == null) {
            return saved;
        }
        AccountBranding trial = new AccountBranding(account);
        trial.change(choice, access.caller().getName(), clock.instant());
        Brand chosen = trial.brand();
        return new Brand(chosen.displayName(), chosen.brandColour(), chosen.backgroundColour(), saved.logo());
    }

    private AccountBranding stored(Account account) {
        return brandOf.stored(account).orElseGet(() -> {
            AccountBranding added = new AccountBranding(account);
            em.persist(added);
            return added;
        });
    }
}
