package org.openenvelope.saml;

/**
 * The stable URLs of one account's SP, under the service's base URL (configuration, because the service runs
 * behind proxies): {@code /saml/{accountNumber}/metadata|login|acs|slo}.
 */
public record SamlEndpoints(String baseUrl, String accountNumber) {

    public SamlEndpoints {
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    private String path(String endpoint) {
        return baseUrl + "/saml/" + accountNumber + endpoint;
    }

    /** The SP entity ID unless an administrator set another. */
    public String defaultEntityId() {
        return path("");
    }

    public String metadata() {
        return path("/metadata");
    }

    public String login() {
        return path("/login");
    }

    public String assertionConsumer() {
        return path("/acs");
    }

    public String singleLogout() {
        return path("/slo");
    }

    /** Opens a Test SSO run in the administrator's browser; the key makes the URL unguessable. */
    public String test(long testId, String urlKey) {
        return path("/test/" + testId + "/" + urlKey);
    }
}
