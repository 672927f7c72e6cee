package org.openenvelope.saml.validation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openenvelope.saml.xml.NameIdFormats;
import org.openenvelope.saml.xml.SamlFailure;
import org.openenvelope.saml.xml.SamlRejectedException;
import org.openenvelope.saml.xml.XmlSignatureCheck;
import org.opensaml.core.xml.XMLObject;
import org.opensaml.core.xml.schema.XSAny;
import org.opensaml.core.xml.schema.XSString;
import org.opensaml.saml.saml2.core.Assertion;
import org.opensaml.saml.saml2.core.Attribute;
import org.opensaml.saml.saml2.core.AttributeStatement;
import org.opensaml.saml.saml2.core.Audience;
import org.opensaml.saml.saml2.core.AudienceRestriction;
import org.opensaml.saml.saml2.core.AuthnStatement;
import org.opensaml.saml.saml2.core.Conditions;
import org.opensaml.saml.saml2.core.NameID;
import org.opensaml.saml.saml2.core.Response;
import org.opensaml.saml.saml2.core.Subject;
import org.opensaml.saml.saml2.core.SubjectConfirmation;
import org.opensaml.saml.saml2.core.SubjectConfirmationData;

/**
 * The assertion consumer's checks of a {@code samlp:Response}, in the order that keeps them safe: nothing from the
 * message is believed before the signature that covers it has verified, and only the verified objects are read
 * afterwards. Each check is a method named after what it checks and fails with its own {@link SamlFailure}.
 *
 * <p>Stateful checks (the outstanding request, one-time use) come last, so a forged or broken message can neither
 * consume a user's pending sign-in nor poison the replay cache.
 */
public final class ResponseValidator {

    private static final String BEARER = "urn:oasis:names:tc:SAML:2.0:cm:bearer";

    private final ServiceProviderParty sp;
    private final IdentityProviderTrust idp;
    private final RequestTracker requests;
    private final ReplayCache replays;
    private final Clock clock;

    public ResponseValidator(ServiceProviderParty sp, IdentityProviderTrust idp, RequestTracker requests,
                             ReplayCache replays, Clock clock) {
        this.sp = sp;
        this.idp = idp;
        this.requests = requests;
        this.replays = replays;
        this.clock = clock;
    }

    /**
     * Validates a Response as received at the ACS (the decoded XML bytes).
     *
     * @throws SamlRejectedException at the first check that fails
     */
    public ValidatedAssertion validate(byte[] xml) {
        return validate(parse(xml));
    }

    /** Validates a Response parsed with {@link #parse}; the caller may have read its (unverified) InResponseTo. */
    public ValidatedAssertion validate(Response response) {
        checkResponseIssuer(response);
        checkStatus(response);
        checkDestination(response);
        boolean responseSigned = response.isSigned();
        if (responseSigned) {
            XmlSignatureCheck.verify(response, "The Response", idp.signingCertificates(), idp.allowSha1());
        }
        Assertion assertion = theOneAssertion(response);
        boolean assertionSigned = assertion.isSigned();
        if (assertionSigned) {
            XmlSignatureCheck.verify(assertion, "The Assertion", idp.signingCertificates(), idp.allowSha1());
        }
        if (!responseSigned && !assertionSigned) {
            throw new SamlRejectedException(SamlFailure.SIGNATURE_MISSING,
                    "Neither the Response nor its Assertion is signed; the identity provider must sign at least one.");
        }
        Instant now = clock.instant();
        checkAssertionIssuer(assertion);
        NameID nameId = nameId(assertion);
        SubjectConfirmationData confirmation = bearerConfirmation(assertion, now);
        checkConditions(assertion.getConditions(), now);
        Authentication authn = authentication(assertion, now);
        String inResponseTo = checkInResponseTo(responseSigned ? response.getInResponseTo() : null,
                confirmation.getInResponseTo());
        checkFirstUse(assertion, confirmation);
        return new ValidatedAssertion(idp.entityId(), assertion.getID(), inResponseTo, nameId.getValue(),
                nameIdFormat(nameId), nameId.getNameQualifier(), nameId.getSPNameQualifier(),
                authn.sessionIndex(), authn.authnInstant(), authn.sessionNotOnOrAfter(),
                assertion.getConditions().getNotBefore(),
                assertion.getConditions().getNotOnOrAfter(), attributes(assertion), friendlyNames(assertion));
    }

    /**
     * Parses a Response with the hardened parser. Nothing in it is trusted until {@link #validate(Response)} passed.
     *
     * @throws SamlRejectedException MALFORMED_MESSAGE or WRONG_MESSAGE_TYPE
     */
    public static Response parse(byte[] xml) {
        return MessageChecks.parse(xml, Response.class, "samlp:Response");
    }

    /** The Response's Issuer is optional, but when present it must be the configured IdP. */
    private void checkResponseIssuer(Response response) {
        if (response.getIssuer() != null) {
            MessageChecks.requireIssuer(response.getIssuer(), "Response", idp);
        }
    }

    /** A non-success status ends the sign-in; the IdP's code and message tell the administrator why. */
    private static void checkStatus(Response response) {
        if (!IdpStatus.isSuccess(response.getStatus())) {
            throw new SamlRejectedException(SamlFailure.IDP_STATUS, IdpStatus.describe(response.getStatus()));
        }
    }

    /** Destination protects against a Response for another SP being replayed here; required once signed. */
    private void checkDestination(Response response) {
        MessageChecks.requireDestination(response.getDestination(), "Response", "assertion consumer service",
                sp.assertionConsumerUrl(), response.isSigned());
    }

    /**
     * Exactly one assertion, plain or encrypted. Several would let an attacker pair a signed assertion with an
     * unsigned one and hope the wrong one is read.
     */
    private Assertion theOneAssertion(Response response) {
        int count = response.getAssertions().size() + response.getEncryptedAssertions().size();
        if (count != 1) {
            throw new SamlRejectedException(SamlFailure.ASSERTION_COUNT,
                    "The Response carries " + count + " assertions; exactly one is required.");
        }
        return response.getAssertions().isEmpty()
                ? AssertionDecryption.decrypt(response.getEncryptedAssertions().get(0), sp.decryptionKeys())
                : response.getAssertions().get(0);
    }

    private void checkAssertionIssuer(Assertion assertion) {
        MessageChecks.requireIssuer(assertion.getIssuer(), "Assertion", idp);
    }

    private NameID nameId(Assertion assertion) {
        Subject subject = assertion.getSubject();
        if (subject == null) {
            throw new SamlRejectedException(SamlFailure.NAME_ID_MISSING, "The Assertion has no Subject.");
        }
        NameID nameId = subject.getNameID();
        if (nameId == null && subject.getEncryptedID() != null) {
            nameId = AssertionDecryption.decrypt(subject.getEncryptedID(), sp.decryptionKeys());
        }
        if (nameId == null || nameId.getValue() == null || nameId.getValue().isBlank()) {
            throw new SamlRejectedException(SamlFailure.NAME_ID_MISSING, "The Assertion's Subject has no NameID.");
        }
        if (!NameIdFormats.ACCEPTED.contains(nameIdFormat(nameId))) {
            throw new SamlRejectedException(SamlFailure.UNSUPPORTED_NAME_ID_FORMAT, "The NameID has the format "
                    + nameId.getFormat() + "; accepted are " + String.join(", ", NameIdFormats.ACCEPTED) + ".");
        }
        return nameId;
    }

    private static String nameIdFormat(NameID nameId) {
        return nameId.getFormat() == null ? NameIdFormats.UNSPECIFIED : nameId.getFormat();
    }

    /**
     * A bearer SubjectConfirmation addressed to our ACS and still valid. When none qualifies, the failure of
     * the first bearer confirmation is reported, as the most useful diagnosis.
     */
    private SubjectConfirmationData bearerConfirmation(Assertion assertion, Instant now) {
        SamlRejectedException first = null;
        for (SubjectConfirmation confirmation : assertion.getSubject().getSubjectConfirmations()) {
            if (!BEARER.equals(confirmation.getMethod())) {
                continue;
            }
            try {
                return checkBearerData(confirmation.getSubjectConfirmationData(), now);
            } catch (SamlRejectedException e) {
                first = first == null ? e : first;
            }
        }
        throw first != null ? first : new SamlRejectedException(SamlFailure.SUBJECT_CONFIRMATION_MISSING,
                "The Assertion's Subject has no bearer SubjectConfirmation.");
    }

    private SubjectConfirmationData checkBearerData(SubjectConfirmationData data, Instant now) {
        if (data == null) {
            throw new SamlRejectedException(SamlFailure.SUBJECT_CONFIRMATION_MISSING,
                    "The bearer SubjectConfirmation has no SubjectConfirmationData.");
        }
        if (!sp.assertionConsumerUrl().equals(data.getRecipient())) {
            throw new SamlRejectedException(SamlFailure.RECIPIENT_MISMATCH, "The bearer confirmation names the "
                    + "recipient " + data.getRecipient() + ", but this account's assertion consumer service is "
                    + sp.assertionConsumerUrl() + ".");
        }
        if (data.getNotOnOrAfter() == null) {
            throw new SamlRejectedException(SamlFailure.SUBJECT_CONFIRMATION_EXPIRED,
                    "The bearer confirmation has no NotOnOrAfter; a bearer assertion must expire.");
        }
        if (!now.isBefore(data.getNotOnOrAfter().plus(idp.clockSkew()))) {
            throw new SamlRejectedException(SamlFailure.SUBJECT_CONFIRMATION_EXPIRED, "The bearer confirmation "
                    + "expired at " + data.getNotOnOrAfter() + clockComparison(now, data.getNotOnOrAfter()));
        }
        if (data.getNotBefore() != null) {
            throw new SamlRejectedException(SamlFailure.SUBJECT_CONFIRMATION_INVALID, "The bearer confirmation has a"
                    + " NotBefore (" + data.getNotBefore() + "), which the SAML 2.0 Web Browser SSO profile forbids;"
                    + " the identity provider must leave it out.");
        }
        return data;
    }

    /** Validity window (with the tolerated skew) and an AudienceRestriction naming this SP. */
    private void checkConditions(Conditions conditions, Instant now) {
        if (conditions == null) {
            throw new SamlRejectedException(SamlFailure.AUDIENCE_MISMATCH,
                    "The Assertion has no Conditions, so it does not say which service it is for.");
        }
        if (conditions.getNotBefore() != null && now.plus(idp.clockSkew()).isBefore(conditions.getNotBefore())) {
            throw new SamlRejectedException(SamlFailure.NOT_YET_VALID, "The Assertion is valid from "
                    + conditions.getNotBefore() + clockComparison(now, conditions.getNotBefore()));
        }
        if (conditions.getNotOnOrAfter() != null
                && !now.isBefore(conditions.getNotOnOrAfter().plus(idp.clockSkew()))) {
            throw new SamlRejectedException(SamlFailure.EXPIRED, "The Assertion expired at "
                    + conditions.getNotOnOrAfter() + clockComparison(now, conditions.getNotOnOrAfter()));
        }
        List<AudienceRestriction> restrictions = conditions.getAudienceRestrictions();
        if (restrictions.isEmpty()) {
            throw new SamlRejectedException(SamlFailure.AUDIENCE_MISMATCH,
                    "The Assertion has no AudienceRestriction; it must name " + sp.entityId() + ".");
        }
        for (AudienceRestriction restriction : restrictions) {
            List<String> audiences = restriction.getAudiences().stream().map(Audience::getURI).toList();
            if (!audiences.contains(sp.entityId())) {
                throw new SamlRejectedException(SamlFailure.AUDIENCE_MISMATCH, "The Assertion is for the audience "
                        + audiences + ", but this account's SP entity ID is \"" + sp.entityId()
                        + "\". Make both sides use the same entity ID.");
            }
        }
    }

    private String clockComparison(Instant now, Instant limit) {
        long seconds = Duration.between(limit, now).toSeconds();
        return "; this service's clock reads " + now + " (" + Math.abs(seconds) + " s "
                + (seconds >= 0 ? "after" : "before") + " that), and " + idp.clockSkew().toSeconds()
                + " s of clock skew are tolerated.";
    }

    /**
     * Every AuthnStatement must hold: each names when the user authenticated, and none may say that the IdP session
     * is over. The first names the session (its SessionIndex, for logout); the earliest session end bounds ours.
     */
    private Authentication authentication(Assertion assertion, Instant now) {
        List<AuthnStatement> statements = assertion.getAuthnStatements();
        if (statements.isEmpty()) {
            throw new SamlRejectedException(SamlFailure.AUTHN_STATEMENT_MISSING,
                    "The Assertion has no AuthnStatement.");
        }
        Instant sessionEnd = null;
        for (int i = 0; i < statements.size(); i++) {
            AuthnStatement statement = statements.get(i);
            String which = statements.size() == 1 ? "The AuthnStatement" : "AuthnStatement " + (i + 1);
            if (statement.getAuthnInstant() == null) {
                throw new SamlRejectedException(SamlFailure.MALFORMED_MESSAGE, which + " has no AuthnInstant.");
            }
            Instant end = statement.getSessionNotOnOrAfter();
            if (end != null && !now.isBefore(end.plus(idp.clockSkew()))) {
                throw new SamlRejectedException(SamlFailure.EXPIRED, which + " says the identity provider's session"
                        + " ended at " + end + clockComparison(now, end));
            }
            if (end != null && (sessionEnd == null || end.isBefore(sessionEnd))) {
                sessionEnd = end;
            }
        }
        AuthnStatement first = statements.get(0);
        return new Authentication(first.getSessionIndex(), first.getAuthnInstant(), sessionEnd);
    }

    private record Authentication(String sessionIndex, Instant authnInstant, Instant sessionNotOnOrAfter) {
    }

    /**
     * Ties the answer to a request we sent. Only signed values count: the Response's InResponseTo when the
     * Response is signed, otherwise the bearer confirmation's (inside the signed assertion).
     */
    private String checkInResponseTo(String signedResponseValue, String confirmationValue) {
        if (signedResponseValue != null && confirmationValue != null && !signedResponseValue.equals(confirmationValue)) {
            throw new SamlRejectedException(SamlFailure.UNKNOWN_REQUEST, "The Response answers " + signedResponseValue
                    + " but its assertion's confirmation answers " + confirmationValue + ".");
        }
        String inResponseTo = signedResponseValue != null ? signedResponseValue : confirmationValue;
        if (inResponseTo == null) {
            if (!idp.allowUnsolicited()) {
                throw new SamlRejectedException(SamlFailure.UNSOLICITED_RESPONSE, "The Response answers no request "
                        + "(IdP-initiated sign-in), which is not enabled for this identity provider.");
            }
            return null;
        }
        if (!requests.consume(inResponseTo)) {
            throw new SamlRejectedException(SamlFailure.UNKNOWN_REQUEST, "The Response answers the request "
                    + inResponseTo + ", which is not an outstanding sign-in of this account (unknown, expired or "
                    + "already answered).");
        }
        return inResponseTo;
    }

    /** One-time use: remembered until the assertion would be refused on its dates anyway. */
    private void checkFirstUse(Assertion assertion, SubjectConfirmationData confirmation) {
        if (assertion.getID() == null || assertion.getID().isBlank()) {
            throw new SamlRejectedException(SamlFailure.MALFORMED_MESSAGE, "The Assertion has no ID.");
        }
        Instant expiry = confirmation.getNotOnOrAfter();
        Instant conditionsEnd = assertion.getConditions().getNotOnOrAfter();
        if (conditionsEnd != null && conditionsEnd.isAfter(expiry)) {
            expiry = conditionsEnd;
        }
        if (!replays.firstUse(idp.entityId(), assertion.getID(), expiry.plus(idp.clockSkew()))) {
            throw new SamlRejectedException(SamlFailure.REPLAYED_ASSERTION,
                    "The Assertion " + assertion.getID() + " was already used to sign in.");
        }
    }

    private static Map<String, String> friendlyNames(Assertion assertion) {
        Map<String, String> names = new LinkedHashMap<>();
        for (AttributeStatement statement : assertion.getAttributeStatements()) {
            for (Attribute attribute : statement.getAttributes()) {
                if (attribute.getName() != null && attribute.getFriendlyName() != null && !attribute.getFriendlyName().isBlank()) {
                    names.putIfAbsent(attribute.getName(), attribute.getFriendlyName().strip());
                }
            }
        }
        return names;
    }

    private static Map<String, List<String>> attributes(Assertion assertion) {
        Map<String, List<String>> attributes = new LinkedHashMap<>();
        for (AttributeStatement statement : assertion.getAttributeStatements()) {
            for (Attribute attribute : statement.getAttributes()) {
                List<String> values = attributes.computeIfAbsent(attribute.getName(), name -> new ArrayList<>());
                for (XMLObject value : attribute.getAttributeValues()) {
                    String text = value instanceof XSString string ? string.getValue()
                            : value instanceof XSAny any ? any.getTextContent()
                            : value.getDOM() != null ? value.getDOM().getTextContent() : null;
                    if (text != null) {
                        values.add(text.strip());
                    }
                }
            }
        }
        return attributes;
    }
}
