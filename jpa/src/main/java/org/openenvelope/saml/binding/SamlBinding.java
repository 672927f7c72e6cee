package org.openenvelope.saml.binding;

/** The two SAML bindings of the web-browser SSO and logout profiles the service speaks. */
public enum SamlBinding {

    HTTP_REDIRECT("urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect"),
    HTTP_POST("urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST");

    private final String uri;

    SamlBinding(String uri) {
        this.uri = uri;
    }

    public String uri() {
        return uri;
    }

    public static SamlBinding fromUri(String uri) {
        for (SamlBinding binding : values()) {
            if (binding.uri.equals(uri)) {
                return binding;
            }
        }
        throw new IllegalArgumentException("unsupported binding " + uri);
    }
}
