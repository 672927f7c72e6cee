package org.openenvelope.saml;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.openenvelope.api.ApiError;
import org.openenvelope.api.RequestBodies;
import org.openenvelope.error.InvalidValueException;
import org.openenvelope.saml.binding.SamlBinding;

/** {@code /api/v1/accounts/{number}/saml}: the account's SP and its identity provider, as on the Details tab. */
@Path("/v1/accounts/{number}/saml")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(ref = "SAML")
@APIResponse(responseCode = "401", description = "No or an invalid bearer token",
        content = @Content(schema = @Schema(implementation = ApiError.class)))
@APIResponse(responseCode = "404", description = "No such account (or not this token's account)",
        content = @Content(schema = @Schema(implementation = ApiError.class)))
public class FederationResource {

    @EJB
    FederationService federation;

    @Inject
    BaseUrl baseUrl;

    @Context
    HttpServletRequest request;

    @GET
    @Operation(summary = "The account's SP (entity ID, endpoints, keys) and identity provider")
    public FederationJson federation(@PathParam("number") String number) {
        return new FederationJson(federation.serviceProvider(number, baseUrl.of(request)),
                federation.identityProvider(number).orElse(null));
    }

    @PUT
    @Path("service-provider")
    @Operation(summary = "Change the SP entity ID", description = "The IdP must be told the new entity ID too.")
    @APIResponse(responseCode = "200", description = "The service provider as it is now")
    @APIResponse(responseCode = "400", description = "invalid_value", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public ServiceProviderView changeServiceProvider(@PathParam("number") String number, ServiceProviderRequest body) {
        RequestBodies.required(body);
        return federation.changeServiceProviderEntityId(number, baseUrl.of(request), body.entityId());
    }

    @PUT
    @Path("identity-provider")
    @Operation(summary = "Configure the identity provider (manual entry)",
            description = "Replaces the whole configuration. Every problem is listed at once; nothing is saved unless all values are valid.")
    @APIResponse(responseCode = "200", description = "The identity provider as it is now")
    @APIResponse(responseCode = "400", description = "rejected_values (with problems), invalid_value, bad JSON",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public IdentityProviderView configureIdentityProvider(@PathParam("number") String number, IdentityProviderRequest body) {
        RequestBodies.required(body);
        return federation.configureIdentityProvider(number, new IdentityProviderSettings(body.entityId(), body.ssoUrl(),
                binding("ssoBinding", body.ssoBinding()), body.sloUrl(), binding("sloBinding", body.sloBinding()),
                Objects.requireNonNullElse(body.clockSkewSeconds(), IdentityProviderSettings.DEFAULT_CLOCK_SKEW_SECONDS),
                Boolean.TRUE.equals(body.allowSha1()), Boolean.TRUE.equals(body.allowIdpInitiated()),
                Boolean.TRUE.equals(body.justInTimeUsers()), body.alternateEmailAttribute(),
                certificates(body.certificates())));
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
    static List<X509Certificate> certificates(List<String> encoded) {
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
                throw new InvalidValueException("certificates", "Certificate " + (i + 1) + " is not an X.509 "
                        + "certificate (PEM or base64 DER).");
            }
        }
        return certificates;
    }
}
