package org.openenvelope.saml;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.openenvelope.api.ApiResponses;
import org.openenvelope.api.RequestBodies;
import org.openenvelope.error.InvalidValueException;
import org.openenvelope.error.RejectedValuesException;
import org.openenvelope.error.ValueProblem;
import org.openenvelope.http.BaseUrl;
import org.openenvelope.saml.binding.SamlBinding;
import org.openenvelope.saml.keys.UploadedKeyPair;
import org.openenvelope.saml.metadata.MetadataTrust;
import org.openenvelope.saml.xml.Certificates;

/**
 * {@code /api/v1/accounts/{number}/saml}: the account's SP, and its identity provider as on the Details tab: edit
 * the draft (by hand or from metadata), test it with a real sign-in, enable it.
 */
@Path("/v1/accounts/{number}/saml")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(ref = "SAML")
@APIResponse(responseCode = "401", ref = ApiResponses.UNAUTHORIZED)
@APIResponse(responseCode = "404", ref = ApiResponses.ACCOUNT_NOT_FOUND)
public class FederationResource {

    /**
     * One identity provider: {@code identity-provider} is the account's default (the first created; {@code primary}
     * before there is one), {@code identity-providers/{name}} any of them, a new name adding one.
     */
    private static final String IDP = "{idp: identity-provider|identity-providers/[a-z0-9-]{1,40}}";

    @EJB
    ServiceProviderService serviceProviders;

    @EJB
    IdentityProviderService identityProviders;

    @EJB
    SsoActivation activation;

    @EJB
    IdentityProviderDomains domains;

    @Inject
    BaseUrl baseUrl;

    @Inject
    Clock clock;

    @Context
    HttpServletRequest request;

    @GET
    @Operation(summary = "The SP (entity ID, endpoints, keys), the authentication method, the active and draft identity provider, the latest Test SSO")
    public FederationJson federation(@PathParam("number") String number) {
        return new FederationJson(serviceProviders.serviceProvider(number, baseUrl.of(request)), activation.status(number));
    }

    @PUT
    @Path("service-provider")
    @Operation(summary = "Change the SP entity ID", description = "The IdP must be told the new entity ID too.")
    @APIResponse(responseCode = "200", description = "The service provider as it is now")
    @APIResponse(responseCode = "400", description = "invalid_value")
    public ServiceProviderView changeServiceProvider(@PathParam("number") String number, ServiceProviderRequest body) {
        RequestBodies.required(body);
        return serviceProviders.changeServiceProviderEntityId(number, baseUrl.of(request), body.entityId());
    }

    @POST
    @Path("service-provider/keys")
    @Operation(summary = "Key rollover 1: publish a new (next) SP key", description = "Published in the SP metadata at once; signs only once activated.")
    @APIResponse(responseCode = "200", description = "The service provider as it is now")
    @APIResponse(responseCode = "409", description = "conflict: a next key is already waiting")
    public ServiceProviderView addNextKey(@PathParam("number") String number) {
        return serviceProviders.addNextServiceProviderKey(number, baseUrl.of(request));
    }

    @POST
    @Path("service-provider/keys/upload")
    @Operation(summary = "Key rollover 1 with a CA-issued certificate: upload a key pair as the next SP key",
            description = "PKCS#12 or PEM (certificate and private key), RSA of at least 2048 bits, valid now, key usage"
                    + " allowing signature and key encipherment. Published in the SP metadata at once; signs only once activated.")
    @APIResponse(responseCode = "200", description = "The SP with the uploaded key as NEXT")
    @APIResponse(responseCode = "400", description = "invalid_value on keyFile or keyPassword")
    @APIResponse(responseCode = "409", description = "conflict: a next key is already published")
    public ServiceProviderView uploadNextKey(@PathParam("number") String number, KeyUploadRequest body) {
        RequestBodies.required(body);
        byte[] keyFile;
        try {
            keyFile = Base64.getMimeDecoder().decode(Objects.requireNonNullElse(body.keyFile(), ""));
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException(UploadedKeyPair.FILE, "keyFile must be the file's content in base64.");
        }
        char[] password = Objects.requireNonNullElse(body.keyPassword(), "").toCharArray();
        try {
            return serviceProviders.addUploadedServiceProviderKey(number, baseUrl.of(request), keyFile, password);
        } finally {
            java.util.Arrays.fill(password, '\0');
        }
    }

    @POST
    @Path("service-provider/keys/withdraw-next")
    @Operation(summary = "Withdraw the next SP key before it signs (it leaves the metadata)")
    public ServiceProviderView withdrawNextKey(@PathParam("number") String number) {
        return serviceProviders.withdrawNextServiceProviderKey(number, baseUrl.of(request));
    }

    @POST
    @Path("service-provider/keys/activate-next")
    @Operation(summary = "Key rollover 2: the next key signs from now on; the replaced key still decrypts")
    @APIResponse(responseCode = "409", description = "conflict: there is no next key")
    public ServiceProviderView activateNextKey(@PathParam("number") String number) {
        return serviceProviders.activateNextServiceProviderKey(number, baseUrl.of(request));
    }

    @POST
    @Path("service-provider/keys/retire-previous")
    @Operation(summary = "Key rollover 3: stop publishing the replaced key")
    @APIResponse(responseCode = "409", description = "conflict: there is no previous key")
    public ServiceProviderView retirePreviousKey(@PathParam("number") String number) {
        return serviceProviders.retirePreviousServiceProviderKey(number, baseUrl.of(request));
    }

    @PUT
    @Path(IDP)
    @Operation(summary = "Save the identity provider (manual entry) as the draft",
            description = "Replaces the draft; the active configuration stays in force until a passed Test SSO and Enable."
                    + " Every problem is listed at once; nothing is saved unless all values are valid.")
    @APIResponse(responseCode = "200", description = "The draft as it is now")
    @APIResponse(responseCode = "400", description = "rejected_values (with problems), invalid_value, bad JSON")
    public IdentityProviderView configureIdentityProvider(@PathParam("number") String number, @PathParam("idp") String idp,
                                                          IdentityProviderRequest body) {
        RequestBodies.required(body);
        List<ValueProblem> unreadable = new ArrayList<>();
        IdentityProviderSettings settings = new IdentityProviderSettings(body.entityId(), body.ssoUrl(),
                binding("ssoBinding", body.ssoBinding()), !Boolean.FALSE.equals(body.signAuthnRequests()), body.sloUrl(),
                binding("sloBinding", body.sloBinding()),
                Objects.requireNonNullElse(body.clockSkewSeconds(), IdentityProviderSettings.DEFAULT_CLOCK_SKEW_SECONDS),
                Boolean.TRUE.equals(body.allowSha1()), Boolean.TRUE.equals(body.allowIdpInitiated()),
                Boolean.TRUE.equals(body.justInTimeUsers()), body.alternateEmailAttribute(),
                IdentityProviderOptionsRequest.federationIdSource(body.federationIdSource()), body.federationIdAttribute(),
                readableCertificates("certificates", body.certificates(), unreadable));
        if (!unreadable.isEmpty()) {
            // an unreadable certificate is one problem among the others, all reported at once
            throw new RejectedValuesException(Stream.concat(unreadable.stream(), problemsOf(settings).stream()
                    .filter(p -> !p.field().equals("certificates") || body.certificates().size() > unreadable.size()))
                    .toList());
        }
        return identityProviders.configureIdentityProvider(number, name(number, idp), settings);
    }

    private List<ValueProblem> problemsOf(IdentityProviderSettings settings) {
        try {
            settings.validated(clock.instant());
            return List.of();
        } catch (RejectedValuesException e) {
            return e.problems();
        }
    }

    @PATCH
    @Path(IDP)
    @Operation(summary = "Change the account's own choices on the identity provider",
            description = "Clock skew, SHA-1, IdP-initiated sign-in, just-in-time users, the attributes and signing"
                    + " AuthnRequests, each kept when left out. Saved in the draft (made from the configuration in force when there is none), which"
                    + " keeps where the rest came from: an imported configuration stays imported and refreshed.")
    @APIResponse(responseCode = "200", description = "The draft as it is now")
    @APIResponse(responseCode = "400", description = "rejected_values (with problems), invalid_value (signAuthnRequests"
            + " false for an identity provider whose metadata accepts only signed requests)")
    @APIResponse(responseCode = "409", description = "conflict: there is no identity provider yet")
    public IdentityProviderView changeIdentityProviderOptions(@PathParam("number") String number,
                                                              @PathParam("idp") String idp,
                                                              IdentityProviderOptionsRequest body) {
        RequestBodies.required(body);
        return identityProviders.changeIdentityProviderOptions(number, name(number, idp), body.options());
    }

    @POST
    @Path(IDP + "/metadata")
    @Operation(summary = "Preview or import IdP metadata into the draft",
            description = "With preview=true nothing is saved. MORE_SECURE requires a signature by one of the anchors"
                    + " (pinned signing certificates or CA certificates); LESS_SECURE accepts unsigned or self-signed metadata."
                    + " AuthnRequests are signed as the metadata's WantAuthnRequestsSigned asks unless"
                    + " options.signAuthnRequests says otherwise.")
    @APIResponse(responseCode = "200", description = "What the metadata says and what changes in the draft")
    @APIResponse(responseCode = "400", description = "invalid_value on metadata or metadataUrl: not XML, hostile, not metadata, signature fails, URL unreachable, …;"
            + " on signAuthnRequests: false for an identity provider whose metadata accepts only signed requests")
    public MetadataPreviewJson importMetadata(@PathParam("number") String number, @PathParam("idp") String idp,
                                              MetadataImportRequest body) {
        RequestBodies.required(body);
        String name = name(number, idp);
        if (body.metadataUrl() != null && body.metadata() != null) {
            throw new InvalidValueException("metadataUrl", "Give either metadata or metadataUrl, not both.");
        }
        byte[] document = body.metadata() == null ? new byte[0] : body.metadata().getBytes(StandardCharsets.UTF_8);
        List<X509Certificate> anchors = certificates("anchors", body.anchors());
        MetadataTrust trust = switch (Objects.requireNonNullElse(body.trust(), "LESS_SECURE")) {
            case "MORE_SECURE" -> MetadataTrust.moreSecure(anchors);
            case "LESS_SECURE" -> MetadataTrust.lessSecure();
            default -> throw new InvalidValueException("trust", "trust must be MORE_SECURE or LESS_SECURE.");
        };
        boolean preview = Boolean.TRUE.equals(body.preview());
        IdentityProviderOptions options = body.options() == null ? IdentityProviderOptions.KEEP : body.options().options();
        if (body.metadataUrl() != null) {
            return MetadataPreviewJson.of(preview
                    ? identityProviders.previewIdentityProviderMetadataUrl(number, name, body.metadataUrl(), trust, body.entityId(), options)
                    : identityProviders.importIdentityProviderMetadataUrl(number, name, body.metadataUrl(), trust, body.entityId(),
                    body.refreshHours(), options));
        }
        return MetadataPreviewJson.of(preview
                ? identityProviders.previewIdentityProviderMetadata(number, name, document, trust, body.entityId(), options)
                : identityProviders.importIdentityProviderMetadata(number, name, document, trust, body.entityId(), options));
    }

    @POST
    @Path(IDP + "/metadata/refresh")
    @Operation(summary = "Re-read the metadata URL of the configuration in force now",
            description = "As the scheduled refresh: verified as at import, for the same entity ID; changes apply at once."
                    + " A document that fails is not applied; active.metadataProblem says why.")
    @APIResponse(responseCode = "200", description = "The SSO status after the refresh")
    @APIResponse(responseCode = "409", description = "conflict: the configuration in force is not from a metadata URL")
    public SsoStatusView refreshMetadata(@PathParam("number") String number, @PathParam("idp") String idp) {
        return identityProviders.refreshIdentityProviderMetadata(number, name(number, idp));
    }

    @GET
    @Path(IDP)
    @Operation(summary = "The SSO status with this identity provider in full: its active and draft configuration, latest Test SSO")
    @APIResponse(responseCode = "200", description = "The account's SSO status; active and draft are null for a name not saved yet")
    public SsoStatusView identityProvider(@PathParam("number") String number, @PathParam("idp") String idp) {
        return activation.status(number, name(number, idp));
    }

    @DELETE
    @Path(IDP)
    @Operation(summary = "Remove an identity provider: its draft and configuration in force",
            description = "The sessions it signed in end; the Profiles entries assigned to it go back to the default.")
    @APIResponse(responseCode = "200", description = "The account's SSO status now")
    @APIResponse(responseCode = "409", description = "conflict: it is the only one in force while the account signs in with SAML")
    public SsoStatusView removeIdentityProvider(@PathParam("number") String number, @PathParam("idp") String idp) {
        return activation.removeIdentityProvider(number, name(number, idp));
    }

    @PUT
    @Path(IDP + "/domains")
    @Operation(summary = "Assign Profiles entries (domains, addresses) to this identity provider",
            description = "Exactly the listed entries are signed in by it from now on (once it is in force); the entries"
                    + " it held that are not listed go back to the default, which also serves every entry no other takes.")
    @APIResponse(responseCode = "200", description = "The SSO status with this identity provider")
    @APIResponse(responseCode = "400", description = "rejected_values naming each value that is not in the account's Profiles")
    public SsoStatusView assignDomains(@PathParam("number") String number, @PathParam("idp") String idp,
                                       IdentityProviderDomainsRequest body) {
        RequestBodies.required(body);
        return domains.assign(number, name(number, idp), body.domains());
    }

    @POST
    @Path("tests")
    @Operation(summary = "Start a Test SSO run of the draft", description = "Open the returned url in a browser to sign in with the draft.")
    @APIResponse(responseCode = "201", description = "The run, with the URL that performs it")
    @APIResponse(responseCode = "409", description = "conflict: there is no draft")
    public Response startTest(@PathParam("number") String number) {
        return startTest(number, "identity-provider");
    }

    @POST
    @Path(IDP + "/tests")
    @Operation(summary = "Start a Test SSO run of this identity provider's draft")
    @APIResponse(responseCode = "201", description = "The run, with the URL that performs it")
    @APIResponse(responseCode = "409", description = "conflict: there is no draft")
    public Response startTest(@PathParam("number") String number, @PathParam("idp") String idp) {
        return Response.status(Response.Status.CREATED).entity(activation.startSsoTest(number, name(number, idp), baseUrl.of(request))).build();
    }

    @GET
    @Path("tests/{id}")
    @Operation(summary = "A Test SSO run's outcome: the parsed assertion, or a diagnosis")
    public SsoTestView test(@PathParam("number") String number, @PathParam("id") long id) {
        return activation.ssoTest(number, id);
    }

    @POST
    @Path("tests/{id}/identify-users")
    @Operation(summary = "Identify users by what a Test SSO received",
            description = "The draft identifies users by the NameID (no attribute) or by one of the run's receivedAttributes;"
                    + " test the draft again afterwards.")
    @APIResponse(responseCode = "200", description = "The draft as it is now")
    @APIResponse(responseCode = "400", description = "invalid_value: the run did not receive that attribute, or only a transient NameID")
    public IdentityProviderView identifyUsers(@PathParam("number") String number, @PathParam("id") long id,
                                              IdentifyUsersRequest body) {
        RequestBodies.required(body);
        return identityProviders.identifyUsersAsTested(number, id, body.attribute());
    }

    @POST
    @Path("enable")
    @Operation(summary = "Enable SSO: the default identity provider's tested draft comes into force, users sign in with SAML 2.0")
    @APIResponse(responseCode = "200", description = "The account's SSO status now")
    @APIResponse(responseCode = "409", description = "conflict: no passed Test SSO of the current draft")
    public SsoStatusView enable(@PathParam("number") String number) {
        return enable(number, "identity-provider");
    }

    @POST
    @Path(IDP + "/enable")
    @Operation(summary = "Enable SSO with this identity provider: its tested draft comes into force")
    @APIResponse(responseCode = "200", description = "The account's SSO status now")
    @APIResponse(responseCode = "409", description = "conflict: no passed Test SSO of the current draft, or another"
            + " identity provider in force has the same entity ID")
    public SsoStatusView enable(@PathParam("number") String number, @PathParam("idp") String idp) {
        return activation.enableSingleSignOn(number, name(number, idp));
    }

    @POST
    @Path("use-password")
    @Operation(summary = "Switch the account back to password sign-in (the SSO configuration is kept)")
    public SsoStatusView usePassword(@PathParam("number") String number) {
        return activation.usePasswordSignIn(number);
    }

    private String name(String number, String idp) {
        return idp.startsWith("identity-providers/") ? idp.substring("identity-providers/".length())
                : identityProviders.defaultIdentityProvider(number);
    }

    private static SamlBinding binding(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return SamlBinding.valueOf(value.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException(field, field + " must be HTTP_REDIRECT or HTTP_POST.");
        }
    }

    /** PEM as exported by IdP consoles, or bare base64 DER as found in metadata. */
    static List<X509Certificate> certificates(String field, List<String> encoded) {
        List<ValueProblem> unreadable = new ArrayList<>();
        List<X509Certificate> certificates = readableCertificates(field, encoded, unreadable);
        if (!unreadable.isEmpty()) {
            throw new InvalidValueException(field, unreadable.get(0).message());
        }
        return certificates;
    }

    /** The certificates that can be read; each one that cannot is added to {@code unreadable}. */
    private static List<X509Certificate> readableCertificates(String field, List<String> encoded,
                                                              List<ValueProblem> unreadable) {
        if (encoded == null) {
            return List.of();
        }
        List<X509Certificate> certificates = new ArrayList<>();
        for (int i = 0; i < encoded.size(); i++) {
            String text = encoded.get(i) == null ? "" : encoded.get(i).strip();
            try {
                byte[] bytes = text.startsWith("-----BEGIN") ? text.getBytes(StandardCharsets.US_ASCII)
                        : Base64.getMimeDecoder().decode(text);
                certificates.add(Certificates.fromDer(bytes));
            } catch (IllegalArgumentException e) {
                unreadable.add(new ValueProblem(field, text.length() > 40 ? text.substring(0, 40) + "…" : text,
                        "Certificate " + (i + 1) + " of " + field + " is not an X.509 certificate (PEM or base64 DER)."));
            }
        }
        return certificates;
    }
}
