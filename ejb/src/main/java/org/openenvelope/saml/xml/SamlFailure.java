package org.openenvelope.saml.xml;

/**
 * Why a SAML message was refused: one value per named check, each with a stable reason code for logs and the
 * audit trail, and a sentence for the person who was trying to sign in. The person's sentence never contains
 * details from the message itself; those go to {@link SamlRejectedException#detail()}, for administrators.
 */
public enum SamlFailure {

    MALFORMED_MESSAGE("malformed_message", "The sign-in answer from your identity provider could not be read."),
    WRONG_MESSAGE_TYPE("wrong_message_type", "The identity provider sent a message of a kind that was not expected here."),
    SSO_NOT_CONFIGURED("sso_not_configured", "Single sign-on is not set up for this account."),
    ACCOUNT_SUSPENDED("account_suspended", "This account is suspended; sign-in is not possible."),
    ISSUER_MISMATCH("issuer_mismatch", "The sign-in answer came from an identity provider this account does not trust."),
    DESTINATION_MISMATCH("destination_mismatch", "The sign-in answer was addressed to another service."),
    IDP_STATUS("idp_status", "Your identity provider did not sign you in."),
    SIGNATURE_MISSING("signature_missing", "The sign-in answer was not signed by your identity provider."),
    SIGNATURE_INVALID("signature_invalid", "The signature of the sign-in answer is not valid; it may have been altered."),
    SIGNATURE_UNTRUSTED_KEY("signature_untrusted_key",
            "The sign-in answer was signed with a certificate this account does not trust."),
    WEAK_ALGORITHM("weak_algorithm", "The sign-in answer was signed with an algorithm that is no longer considered safe."),
    ASSERTION_COUNT("assertion_count", "The sign-in answer must carry exactly one assertion."),
    HOSTILE_ENCRYPTION("hostile_encryption", "The encrypted sign-in answer uses features that are refused for safety."),
    ENCRYPTION_ALGORITHM_REFUSED("encryption_algorithm_refused",
            "The sign-in answer was encrypted with an algorithm that is refused for safety."),
    DECRYPTION_FAILED("decryption_failed", "The encrypted sign-in answer could not be decrypted."),
    UNSOLICITED_RESPONSE("unsolicited_response",
            "Sign-in started at the identity provider is not allowed for this account; start it here instead."),
    OTHER_BROWSER("other_browser", "This sign-in was started in another browser, or your browser did not keep this"
            + " service's sign-in cookie while you were at your identity provider. Start signing in again here."),
    ALREADY_USED("already_used", "This sign-in answer has already been used. Start signing in again."),
    UNKNOWN_REQUEST("unknown_request",
            "The sign-in answer does not belong to a sign-in started here, or it was already used or has expired."),
    SUBJECT_CONFIRMATION_MISSING("subject_confirmation_missing", "The sign-in answer does not say who may use it."),
    SUBJECT_CONFIRMATION_INVALID("subject_confirmation_invalid",
            "The sign-in answer breaks the rules for web sign-in that identity providers must follow."),
    RECIPIENT_MISMATCH("recipient_mismatch", "The sign-in answer was meant for another service."),
    SUBJECT_CONFIRMATION_EXPIRED("subject_confirmation_expired", "The sign-in answer has expired; please sign in again."),
    NOT_YET_VALID("not_yet_valid",
            "The sign-in answer is not valid yet; the clocks of the identity provider and this service disagree."),
    EXPIRED("expired", "The sign-in answer has expired; please sign in again."),
    AUDIENCE_MISMATCH("audience_mismatch", "The sign-in answer was issued for another service."),
    AUTHN_STATEMENT_MISSING("authn_statement_missing", "The sign-in answer does not say how you were authenticated."),
    REPLAYED_ASSERTION("replayed_assertion", "This sign-in answer has already been used; please sign in again."),
    NAME_ID_MISSING("name_id_missing", "The sign-in answer does not name a user."),
    UNSUPPORTED_NAME_ID_FORMAT("unsupported_name_id_format", "The identity provider names users in a format this service does not accept."),
    FEDERATION_ID_MISSING("federation_id_missing", "The sign-in answer does not carry your user name or email address."),
    UNKNOWN_USER("unknown_user", "You are not registered as a user of this account."),
    IDENTITY_PROVIDER_NOT_SERVING("identity_provider_not_serving", "This identity provider may not sign in your address"
            + " here: your organisation signs it in with another one. Start again from the sign-in page with your email"
            + " address."),
    NOT_AN_ADMINISTRATOR("not_an_administrator", "Your organisation signed you in, but not as an administrator of this"
            + " account in OpenEnvelope, or its administrators may not sign in this way. Sign in with your password"
            + " instead, or ask another administrator of the account."),
    RECIPIENT_ADDRESS_NOT_SERVED("recipient_address_not_served", "Your organisation signed you in without an email"
            + " address it may vouch for here, so it cannot open the message for you. Go back to the message and ask"
            + " for a one-time code instead.");

    private final String code;
    private final String personMessage;

    SamlFailure(String code, String personMessage) {
        this.code = code;
        this.personMessage = personMessage;
    }

    public String code() {
        return code;
    }

    public String personMessage() {
        return personMessage;
    }
}
