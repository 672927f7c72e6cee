package org.openenvelope.saml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openenvelope.error.RejectedValuesException;
import org.openenvelope.error.ValueProblem;
import org.openenvelope.saml.binding.SamlBinding;
import org.openenvelope.saml.keys.SelfSignedCertificates;
import org.openenvelope.saml.xml.Certificates;

class IdentityProviderSettingsTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private static final X509Certificate CURRENT = TestKeys.IDP.getEntityCertificate();

    private static IdentityProviderSettings settings(String entityId, String ssoUrl, String sloUrl, int skew,
                                                     List<X509Certificate> certificates) {
        return new IdentityProviderSettings(entityId, ssoUrl, SamlBinding.HTTP_POST, true, sloUrl, null, skew, false,
                false, false, " mail ", null, null, certificates);
    }

    private static List<ValueProblem> problems(IdentityProviderSettings settings) {
        return assertThrows(RejectedValuesException.class, () -> settings.validated(NOW)).problems();
    }

    @Test
    void acceptsACompleteConfigurationAndTrimsItsValues() {
        IdentityProviderSettings valid = settings(" https://idp.example/realms/a ", "https://idp.example/sso", "",
                60, List.of(CURRENT)).validated(NOW);
        assertEquals("https://idp.example/realms/a", valid.entityId());
        assertEquals(null, valid.sloUrl());
        assertEquals(SamlBinding.HTTP_REDIRECT, valid.sloBinding(), "the default binding");
        assertEquals("mail", valid.alternateEmailAttribute());
    }

    @Test
    void reportsEveryProblemAtOnceEachNamingItsField() {
        List<ValueProblem> problems = problems(settings(null, "ftp://idp.example/sso", "not a url", 301, List.of()));
        assertEquals(List.of("entityId", "ssoUrl", "sloUrl", "clockSkewSeconds", "certificates"),
                problems.stream().map(ValueProblem::field).toList());
    }

    private static IdentityProviderSettings identifyingBy(FederationIdSource source, String attribute) {
        return new IdentityProviderSettings("urn:idp", "https://idp.example/sso", null, true, null, null, 60, false, false,
                false, null, source, attribute, List.of(CURRENT));
    }

    @Test
    void theFederationIdIsTheNameIdUnlessAnAttributeIsNamed() {
        assertEquals(FederationIdSource.NAME_ID, identifyingBy(null, " ").validated(NOW).federationIdSource());
        IdentityProviderSettings byUid = identifyingBy(null, " uid ").validated(NOW);
        assertEquals(FederationIdSource.ATTRIBUTE, byUid.federationIdSource());
        assertEquals("uid", byUid.federationIdAttribute());

        List<ValueProblem> unnamed = problems(identifyingBy(FederationIdSource.ATTRIBUTE, null));
        assertEquals("federationIdAttribute", unnamed.get(0).field());
        List<ValueProblem> contradictory = problems(identifyingBy(FederationIdSource.NAME_ID, "uid"));
        assertEquals("federationIdAttribute", contradictory.get(0).field());
        assertTrue(contradictory.get(0).message().contains("NAME_ID"), contradictory.get(0).message());
    }

    @Test
    void optionsChangeOnlyWhatTheyName() {
        IdentityProviderSettings before = settings("urn:idp", "https://idp.example/sso", null, 60, List.of(CURRENT));
        IdentityProviderSettings after = new IdentityProviderOptions(null, true, null, null, null, null, "uid", null).applyTo(before);
        assertTrue(after.allowSha1());
        assertEquals(FederationIdSource.ATTRIBUTE, after.federationIdSource());
        assertEquals("uid", after.federationIdAttribute());
        assertEquals(before.entityId(), after.entityId());
        assertEquals(" mail ".strip(), after.alternateEmailAttribute(), "kept");
        assertTrue(after.signAuthnRequests(), "kept");
        assertEquals(null, new IdentityProviderOptions(null, null, null, null, "", null, null, null).applyTo(before)
                .alternateEmailAttribute(), "an empty value removes it");
        IdentityProviderSettings byNameId = IdentityProviderOptions.identifyingUsersBy(null).applyTo(after);
        assertEquals(FederationIdSource.NAME_ID, byNameId.federationIdSource());
        assertEquals(null, byNameId.federationIdAttribute());
    }

    @Test
    void signingAuthnRequestsIsKeptUnlessAnOptionChangesIt() {
        IdentityProviderSettings signing = settings("urn:idp", "https://idp.example/sso", null, 60, List.of(CURRENT));
        IdentityProviderSettings unsigned = IdentityProviderOptions.signingAuthnRequests(false).applyTo(signing);
        assertFalse(unsigned.signAuthnRequests());
        assertEquals(signing, unsigned.withSignAuthnRequests(true), "nothing else changes");
        assertFalse(IdentityProviderOptions.KEEP.applyTo(unsigned).signAuthnRequests());
        assertFalse(IdentityProviderOptions.of(unsigned).signAuthnRequests(), "the manual form's values, kept as options");
        assertEquals(List.of("AuthnRequests signed true → false"), IdentityProviderChanges.between(signing, unsigned));
    }

    @Test
    void acceptsPlainHttpOnlyOnLoopback() {
        settings("urn:idp", "http://127.0.0.1:8180/realms/a/protocol/saml", null, 0, List.of(CURRENT)).validated(NOW);
        settings("urn:idp", "http://localhost/sso", null, 300, List.of(CURRENT)).validated(NOW);
        List<ValueProblem> problems = problems(settings("urn:idp", "http://idp.example/sso", null, 60, List.of(CURRENT)));
        assertTrue(problems.get(0).message().contains("https://"), problems.toString());
    }

    @Test
    void refusesExpiredAndNotYetValidCertificatesWithTheirDates() {
        X509Certificate expired = SelfSignedCertificates.generate("old.idp.example", NOW.minus(Duration.ofDays(400)),
                Duration.ofDays(365)).getEntityCertificate();
        X509Certificate future = SelfSignedCertificates.generate("future.idp.example", NOW.plus(Duration.ofDays(2)),
                Duration.ofDays(365)).getEntityCertificate();
        List<ValueProblem> problems = problems(settings("urn:idp", "https://idp.example/sso", null, 60,
                List.of(CURRENT, expired, future)));
        assertEquals(2, problems.size());
        assertTrue(problems.get(0).message().contains("expired on " + expired.getNotAfter().toInstant()), problems.toString());
        assertTrue(problems.get(1).message().contains("not valid before"), problems.toString());
        assertEquals(Certificates.fingerprint(expired), problems.get(0).value());
    }

    @Test
    void refusesEntityIdsWithSpaces() {
        assertEquals("entityId", problems(settings("https://idp.example/a b", "https://idp.example/sso", null, 60,
                List.of(CURRENT))).get(0).field());
    }
}
