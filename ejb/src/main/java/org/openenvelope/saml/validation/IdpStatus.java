package org.openenvelope.saml.validation;

import java.util.Map;
import org.opensaml.saml.saml2.core.Status;
import org.opensaml.saml.saml2.core.StatusCode;

/** An IdP's non-success Status in words an administrator can act on. */
public final class IdpStatus {

    private static final String PREFIX = "urn:oasis:names:tc:SAML:2.0:status:";
    private static final Map<String, String> EXPLANATIONS = Map.ofEntries(
            Map.entry("Requester", "the identity provider found fault with our request"),
            Map.entry("Responder", "the identity provider could not complete the sign-in"),
            Map.entry("VersionMismatch", "the identity provider does not speak SAML 2.0 as requested"),
            Map.entry("AuthnFailed", "the user could not be authenticated (wrong credentials, second factor "
                    + "failed, or the user is not enrolled)"),
            Map.entry("RequestDenied", "the identity provider refused this user for this application: in Entra ID "
                    + "or Duo, check that the user or their group is assigned to the application"),
            Map.entry("UnknownPrincipal", "the identity provider does not know this user (deleted or never "
                    + "created there)"),
            Map.entry("InvalidNameIDPolicy", "the identity provider cannot issue a NameID in the requested format; "
                    + "configure it to send emailAddress, unspecified or transient NameIDs"),
            Map.entry("NoPassive", "the user would have had to sign in interactively"),
            Map.entry("NoAuthnContext", "the identity provider cannot authenticate the user as requested"),
            Map.entry("RequestUnsupported", "the identity provider does not support this request"),
            Map.entry("UnsupportedBinding", "the identity provider does not support the binding used"),
            Map.entry("NoAvailableIDP", "no identity provider is available"),
            Map.entry("PartialLogout", "some sessions at the identity provider could not be ended"));

    private IdpStatus() {
    }

    public static boolean isSuccess(Status status) {
        return status != null && status.getStatusCode() != null
                && StatusCode.SUCCESS.equals(status.getStatusCode().getValue());
    }

    /** "RequestDenied (the identity provider refused …); the IdP says: …" */
    public static String describe(Status status) {
        if (status == null || status.getStatusCode() == null) {
            return "The message has no status code.";
        }
        StatusCode top = status.getStatusCode();
        StatusCode detailed = top.getStatusCode() != null ? top.getStatusCode() : top;
        StringBuilder text = new StringBuilder("Status ").append(shortName(top.getValue()));
        if (detailed != top) {
            text.append(" / ").append(shortName(detailed.getValue()));
        }
        String explanation = EXPLANATIONS.get(shortName(detailed.getValue()));
        if (explanation != null) {
            text.append(": ").append(explanation);
        }
        if (status.getStatusMessage() != null && status.getStatusMessage().getValue() != null) {
            text.append(". The identity provider says: \"").append(status.getStatusMessage().getValue().strip()).append('"');
        }
        return text.append('.').toString();
    }

    private static String shortName(String code) {
        return code != null && code.startsWith(PREFIX) ? code.substring(PREFIX.length()) : String.valueOf(code);
    }
}
