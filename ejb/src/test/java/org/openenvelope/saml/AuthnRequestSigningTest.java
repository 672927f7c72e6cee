package org.openenvelope.saml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openenvelope.error.InvalidValueException;
import org.openenvelope.saml.binding.OutgoingMessage;
import org.openenvelope.saml.binding.PostBinding;
import org.openenvelope.saml.binding.RedirectBinding;
import org.openenvelope.saml.binding.SamlBinding;
import org.openenvelope.saml.metadata.IdentityProviderMetadata;
import org.openenvelope.saml.metadata.SignatureStatus;
import org.openenvelope.saml.xml.OpenSaml;
import org.openenvelope.saml.xml.XmlSignatureCheck;
import org.opensaml.saml.saml2.core.AuthnRequest;

class AuthnRequestSigningTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private static final String SSO = "https://idp.example/sso";

    private static IdentityProviderMetadata metadata(boolean wantAuthnRequestsSigned) {
        return new IdentityProviderMetadata("https://idp.example", List.of("https://idp.example"),
                Map.of(SamlBinding.HTTP_REDIRECT, SSO), wantAuthnRequestsSigned, Map.of(),
                List.of(TestKeys.IDP.getEntityCertificate()), List.of(), null, SignatureStatus.UNSIGNED, List.of());
    }

    private static IdentityProviderSettings settings(SamlBinding binding, boolean sign) {
        return new IdentityProviderSettings("https://idp.example", SSO, binding, sign, null, null, 60, false, false,
                false, null, null, null, List.of(TestKeys.IDP.getEntityCertificate()));
    }

    @Test
    void anImportSignsExactlyWhenTheMetadataAsks() {
        assertTrue(IdentityProviderChanges.fromMetadata(null, metadata(true)).signAuthnRequests());
        assertFalse(IdentityProviderChanges.fromMetadata(null, metadata(false)).signAuthnRequests(),
                "absent or false: the SAML default, no signature wanted");
        assertFalse(IdentityProviderChanges.fromMetadata(settings(SamlBinding.HTTP_REDIRECT, true), metadata(false))
                .signAuthnRequests(), "what the metadata asks, not what the configuration did before");
        assertTrue(IdentityProviderOptions.signingAuthnRequests(true).applyTo(
                IdentityProviderChanges.fromMetadata(null, metadata(false))).signAuthnRequests(), "unless the administrator chooses");
    }

    @Test
    void aRefreshSignsWheneverTheMetadataNowAsks() {
        assertTrue(AuthnRequestSigning.atRefresh(false, false, metadata(true)));
        assertTrue(AuthnRequestSigning.atRefresh(false, null, metadata(true)));
        assertTrue(AuthnRequestSigning.atRefresh(true, true, metadata(true)));
    }

    @Test
    void aRefreshFollowsTheMetadataUnlessTheAdministratorChoseToSign() {
        assertFalse(AuthnRequestSigning.atRefresh(true, true, metadata(false)), "the IdP no longer asks: signing stops");
        assertFalse(AuthnRequestSigning.atRefresh(false, false, metadata(false)));
        assertTrue(AuthnRequestSigning.atRefresh(true, false, metadata(false)), "signed by the administrator's choice");
        assertTrue(AuthnRequestSigning.atRefresh(true, null, metadata(false)), "imported before the upgrade: unchanged");
        assertFalse(AuthnRequestSigning.atRefresh(false, null, metadata(false)));
    }

    @Test
    void signingIsNeverTurnedOffForAnIdentityProviderWhoseMetadataAcceptsOnlySignedRequests() {
        InvalidValueException refused = assertThrows(InvalidValueException.class,
                () -> AuthnRequestSigning.requireAccepted(settings(SamlBinding.HTTP_REDIRECT, false), true));
        assertEquals("signAuthnRequests", refused.field());
        assertTrue(refused.getMessage().contains("its metadata says it accepts only signed requests"), refused.getMessage());

        AuthnRequestSigning.requireAccepted(settings(SamlBinding.HTTP_REDIRECT, true), true);
        AuthnRequestSigning.requireAccepted(settings(SamlBinding.HTTP_REDIRECT, false), false);
        AuthnRequestSigning.requireAccepted(settings(SamlBinding.HTTP_REDIRECT, false), null);
    }

    @Test
    void theAuthnRequestIsSignedOnlyWhenTheSettingsSaySo() {
        OpenSaml.ensureInitialized();
        String unsigned = URI.create(((OutgoingMessage.Redirect) AuthnRequestSigning.encode(
                settings(SamlBinding.HTTP_REDIRECT, false), ResponseFixture.serviceProvider(), "_r1", NOW)).url()).getRawQuery();
        assertFalse(unsigned.contains("SigAlg=") || unsigned.contains("Signature="), unsigned);

        String signed = URI.create(((OutgoingMessage.Redirect) AuthnRequestSigning.encode(
                settings(SamlBinding.HTTP_REDIRECT, true), ResponseFixture.serviceProvider(), "_r1", NOW)).url()).getRawQuery();
        RedirectBinding.decode(signed, RedirectBinding.SAML_REQUEST).verify(List.of(TestKeys.SP.getEntityCertificate()), false);

        assertFalse(posted(settings(SamlBinding.HTTP_POST, false)).isSigned());
        AuthnRequest postedSigned = posted(settings(SamlBinding.HTTP_POST, true));
        XmlSignatureCheck.verify(postedSigned, "The AuthnRequest", List.of(TestKeys.SP.getEntityCertificate()), false);
        assertEquals(SSO, postedSigned.getDestination());
    }

    private static AuthnRequest posted(IdentityProviderSettings settings) {
        OutgoingMessage.Post post = (OutgoingMessage.Post) AuthnRequestSigning.encode(settings,
                ResponseFixture.serviceProvider(), "_r1", NOW);
        return (AuthnRequest) OpenSaml.parse(PostBinding.decode(RedirectBinding.SAML_REQUEST,
                post.fields().get(RedirectBinding.SAML_REQUEST)));
    }
}
