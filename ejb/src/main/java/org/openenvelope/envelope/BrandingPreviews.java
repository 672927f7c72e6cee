package org.openenvelope.envelope;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.openenvelope.account.AccountAccess;
import org.openenvelope.branding.Brand;
import org.openenvelope.branding.BrandChoice;
import org.openenvelope.branding.BrandingService;
import org.openenvelope.template.NotificationTexts;
import org.openenvelope.template.NotificationValues;
import org.openenvelope.template.RenderedNotification;

/**
 * The attachment and the notification as a recipient would get them under a brand, with sample values: the Branding
 * tab's previews, rendered by what renders every envelope's.
 */
@Stateless
public class BrandingPreviews {

    @EJB
    BrandingService branding;

    @Inject
    AccountAccess access;

    @Inject
    NotificationTexts texts;

    @Inject
    Clock clock;

    /**
     * @param choice null for the brand as saved
     * @throws org.openenvelope.error.RejectedValuesException naming the form's fields
     */
    public BrandingPreview preview(String accountNumber, BrandChoice choice, String baseUrl) {
        Brand brand = branding.tryOn(accountNumber, choice);
        Instant sent = clock.instant();
        String fileName = SecuredocAttachment.fileName(sent);
        byte[] attachment = SecuredocAttachment.render(BrandingPreview.SAMPLE_ENVELOPE, new byte[48], baseUrl,
                BrandingPreview.SAMPLE_SENDER, brand, sent);
        RenderedNotification mail = texts.render(access.account(accountNumber), brand, new NotificationValues(
                BrandingPreview.SAMPLE_SENDER, brand.displayName(), "Quarterly figures", fileName,
                URI.create(baseUrl).getHost(), sent.plus(Duration.ofDays(30)), baseUrl + SecuredocAttachment.VIEWER_PATH
                + "?envelope=" + BrandingPreview.SAMPLE_ENVELOPE));
        return new BrandingPreview(brand, attachment, mail);
    }
}
