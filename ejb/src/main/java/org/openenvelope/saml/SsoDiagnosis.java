package org.openenvelope.saml;

import org.openenvelope.saml.xml.SamlFailure;
/**
 * A failed Test SSO explained to the administrator who ran it: what is wrong, on which side, and what to change.
 * The failure's detail (expected and received values, the measured clock offset, the IdP's status) follows.
 */
public final class SsoDiagnosis {

    private SsoDiagnosis() {
    }

    public static String explain(SamlFailure failure, String detail, String spEntityId, String acsUrl) {
        String advice = switch (failure) {
            case SIGNATURE_UNTRUSTED_KEY -> "Wrong certificate: the identity provider signs with a certificate the draft "
                    + "does not trust. Upload its current signing certificate, or import its metadata again.";
            case SIGNATURE_INVALID -> "The signature does not verify: the draft's certificate is not the one the identity "
                    + "provider signs with, or the answer was altered on the way.";
            case SIGNATURE_MISSING -> "Nothing is signed: configure the identity provider to sign the response or the "
                    + "assertion (both is best).";
            case WEAK_ALGORITHM -> "The identity provider signs with SHA-1: switch it to RSA-SHA256 (in ADFS: the relying "
                    + "party's secure hash algorithm), or allow SHA-1 for this identity provider if it cannot.";
            case NOT_YET_VALID, EXPIRED, SUBJECT_CONFIRMATION_EXPIRED -> "Clock skew: the clocks of the identity provider "
                    + "and this service disagree by more than the tolerated skew. Synchronise both with NTP, or raise the "
                    + "draft's clock skew (at most 300 s).";
            case AUDIENCE_MISMATCH -> "Entity ID mismatch: the identity provider issued the assertion for another service. "
                    + "Its Identifier (Entity ID) for this application must be " + spEntityId + ".";
            case RECIPIENT_MISMATCH, DESTINATION_MISMATCH -> "Reply URL mismatch: the identity provider's Reply URL (ACS "
                    + "URL) for this application must be " + acsUrl + ".";
            case ISSUER_MISMATCH -> "Identity provider entity ID mismatch: the draft names another identity provider than "
                    + "the one that answered. Correct the draft's entity ID or import the right metadata.";
            case IDP_STATUS -> "The identity provider refused the sign-in. If the user is not assigned to the application "
                    + "(Entra ID, Duo), was deleted, or is not enrolled for the second factor, fix that at the identity provider."
                    + " If it found fault with the request (Requester) and sign-in requests are not signed, it may"
                    + " accept only signed ones: sign them.";
            case UNKNOWN_USER -> "Federation ID not found among users: the identity provider vouched for a user this account"
                    + " does not have (compared case-sensitively). Add the user, or identify users by another value the"
                    + " answer carries (below).";
            case IDENTITY_PROVIDER_NOT_SERVING -> "The user's domain is signed in by another of this account's identity"
                    + " providers (the details name it): assign the domain to this identity provider (its Domains), or"
                    + " test with a user of a domain it serves.";
            case FEDERATION_ID_MISSING -> "The assertion does not carry the value chosen to identify users: identify them by"
                    + " the NameID (unless it is transient) or by one of the attributes received (below), or have the"
                    + " identity provider send the chosen attribute.";
            case UNSUPPORTED_NAME_ID_FORMAT -> "Configure the identity provider to send an emailAddress, unspecified or "
                    + "transient NameID.";
            case DECRYPTION_FAILED, HOSTILE_ENCRYPTION -> "The assertion could not be decrypted: the identity provider must "
                    + "encrypt to the encryption certificate in this account's SP metadata (import it again there).";
            case ENCRYPTION_ALGORITHM_REFUSED -> "The identity provider encrypts with an algorithm this service refuses"
                    + " (the details name it): set it to encrypt assertions with AES-GCM or AES-CBC and the key with"
                    + " RSA-OAEP.";
            default -> failure.personMessage();
        };
        return advice + (detail == null || detail.isBlank() ? "" : "\n\nDetails: " + detail);
    }
}
