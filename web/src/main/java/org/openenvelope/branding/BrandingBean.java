package org.openenvelope.branding;

import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.openenvelope.account.AccountTab;
import org.openenvelope.account.AccountTabBean;
import org.openenvelope.error.FormErrors;
import org.openenvelope.error.InvalidValueException;
import org.openenvelope.error.ServiceException;

/**
 * The Branding tab: the display name and colours (previewed before they are saved), and the logo, uploaded on its
 * own.
 */
@Named("branding")
@ViewScoped
public class BrandingBean implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Map<String, String> FIELDS = Map.of("displayName", "brand:displayName", "brandColour",
            "brand:brandColour", "backgroundColour", "brand:backgroundColour");

    @EJB
    BrandingService service;

    @Inject
    AccountTabBean tab;

    private transient BrandingView view;
    private String displayName;
    private String brandColour;
    private String backgroundColour;
    /** The form's values the previews show before they are saved; null: the brand as saved. */
    private BrandChoice previewed;
    private transient Part logoFile;

    public void load() throws IOException {
        if (tab.open(AccountTab.BRANDING) && brandColour == null) {
            BrandingView saved = getView();
            displayName = saved.displayName();
            brandColour = saved.brandColour();
            backgroundColour = saved.backgroundColour();
        }
    }

    public BrandingView getView() {
        if (view == null) {
            view = service.branding(tab.getNumber());
        }
        return view;
    }

    public String save() {
        try {
            service.changeBranding(tab.getNumber(), choice());
            FormErrors.info("The branding is saved: recipient pages show it now, and envelopes sealed from now on"
                    + " carry it.");
            return tab.reload();
        } catch (ServiceException refusal) {
            FormErrors.showEachField(refusal, FIELDS);
            return null;
        }
    }

    /** Shows the form's values in the previews, checked as a save checks them; nothing is kept. */
    public void preview() {
        try {
            service.tryOn(tab.getNumber(), choice());
            previewed = choice();
        } catch (ServiceException refusal) {
            FormErrors.showEachField(refusal, FIELDS);
        }
    }

    public String uploadLogo() {
        try {
            if (logoFile == null || logoFile.getSize() == 0) {
                throw new InvalidValueException(LogoImages.FIELD, "Choose a PNG or SVG file for the logo.");
            }
            if (logoFile.getSize() > Logo.MAX_BYTES) {
                throw new InvalidValueException(LogoImages.FIELD, "The file " + logoFile.getSubmittedFileName() + " is "
                        + logoFile.getSize() + " bytes; a logo may be at most " + Logo.MAX_BYTES + " bytes (100 KiB).");
            }
            byte[] upload;
            try (InputStream in = logoFile.getInputStream()) {
                upload = in.readAllBytes();
            }
            service.replaceLogo(tab.getNumber(), upload, logoFile.getSubmittedFileName(), null);
            FormErrors.info("The logo is saved.");
            return tab.reload();
        } catch (ServiceException refusal) {
            FormErrors.show(refusal, Map.of(LogoImages.FIELD, "logo:logoFile"));
            return null;
        } catch (IOException e) {
            FormErrors.show(new InvalidValueException(LogoImages.FIELD, "The file could not be read: " + e.getMessage()),
                    Map.of(LogoImages.FIELD, "logo:logoFile"));
            return null;
        }
    }

    public String removeLogo() {
        service.removeLogo(tab.getNumber());
        FormErrors.info("The logo is removed; recipients see the display name instead.");
        return tab.reload();
    }

    public String restoreStandard() {
        service.restoreStandard(tab.getNumber());
        FormErrors.info("The branding is back to the service's look.");
        return tab.reload();
    }

    /** Where a preview frame loads from: {@code of} is attachment, mail or page. */
    public String previewUrl(String of) {
        StringBuilder url = new StringBuilder(FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath())
                .append(BrandingPreviewServlet.PATH).append("?account=").append(encoded(tab.getNumber()))
                .append("&of=").append(of);
        if (previewed != null) {
            url.append("&displayName=").append(encoded(previewed.displayName()))
                    .append("&brandColour=").append(encoded(previewed.brandColour()))
                    .append("&backgroundColour=").append(encoded(previewed.backgroundColour()));
        }
        return url.toString();
    }

    public boolean isPreviewingUnsaved() {
        return previewed != null;
    }

    private BrandChoice choice() {
        return new BrandChoice(displayName, brandColour, backgroundColour);
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getBrandColour() {
        return brandColour;
    }

    public void setBrandColour(String brandColour) {
        this.brandColour = brandColour;
    }

    public String getBackgroundColour() {
        return backgroundColour;
    }

    public void setBackgroundColour(String backgroundColour) {
        this.backgroundColour = backgroundColour;
    }

    public Part getLogoFile() {
        return logoFile;
    }

    public void setLogoFile(Part logoFile) {
        this.logoFile = logoFile;
    }
}
