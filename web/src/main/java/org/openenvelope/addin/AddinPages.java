package org.openenvelope.addin;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.openenvelope.security.FramedPages;

/**
 * How the add-in's pages are served. Outlook on the web shows the task pane in a frame of its own pages, so
 * {@code /addin/} may be framed by Outlook's origins ({@code openenvelope.addin.frame-ancestors}) and nobody else;
 * Office.js comes from Microsoft's CDN ({@code openenvelope.addin.office-js-url}, as Microsoft requires for
 * published add-ins) and loads what it needs from there and from {@code openenvelope.addin.script-sources}; no
 * other script runs. Office.js's telemetry frame and inline styles stay blocked: the add-in works without them.
 */
@ApplicationScoped
public class AddinPages implements FramedPages {

    public static final String PATH = "/addin/";

    @Inject
    @ConfigProperty(name = "openenvelope.addin.office-js-url",
            defaultValue = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js")
    String officeJsUrl;

    @Inject
    @ConfigProperty(name = "openenvelope.addin.frame-ancestors", defaultValue = "https://outlook.office.com"
            + " https://outlook.office365.com https://outlook.live.com https://outlook.cloud.microsoft")
    String frameAncestors;

    /**
     * Office.js itself loads MicrosoftAjax.js from Microsoft's Ajax CDN in Outlook on the web, over the page's scheme
     * (a source without scheme: https only on https pages).
     */
    @Inject
    @ConfigProperty(name = "openenvelope.addin.script-sources", defaultValue = "ajax.aspnetcdn.com")
    String scriptSources;

    private String contentSecurityPolicy;

    @PostConstruct
    void start() {
        URI office = URI.create(officeJsUrl.strip());
        if (office.getScheme() == null || office.getRawAuthority() == null) {
            throw new IllegalStateException("openenvelope.addin.office-js-url must be an absolute URL, not " + officeJsUrl);
        }
        String officeOrigin = office.getScheme() + "://" + office.getRawAuthority();
        contentSecurityPolicy = "default-src 'self'; script-src 'self' " + officeOrigin + " " + scriptSources.strip()
                + "; style-src 'self'; "
                + "img-src 'self' data:; connect-src 'self'; frame-src 'self' " + officeOrigin + "; object-src 'none'; "
                + "base-uri 'self'; form-action 'self'; frame-ancestors 'self' " + frameAncestors.strip();
    }

    public String officeJsUrl() {
        return officeJsUrl.strip();
    }

    @Override
    public boolean covers(String path) {
        return path.startsWith(PATH);
    }

    @Override
    public String contentSecurityPolicy() {
        return contentSecurityPolicy;
    }
}
