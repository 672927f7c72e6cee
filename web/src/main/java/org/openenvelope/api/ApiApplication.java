package org.openenvelope.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The REST API: everything below {@code /api}, versioned in the path ({@code /api/v1/...}). Resources live in
 * their feature packages ({@code account}, {@code profile}, {@code administrator}, {@code audit}); this package
 * holds what they share: the error shape and its exception mappers, strict JSON binding, paging.
 *
 * <p>Security: {@code web.xml} requires a signed-in role for {@code /api/v1/*}, and the authentication mechanism
 * accepts only bearer tokens there (never the portal's session cookie). Which account a token may touch is
 * decided by the services, exactly as for the portal.
 */
@ApplicationPath("/api")
@OpenAPIDefinition(
        info = @Info(title = "OpenEnvelope API", version = "1",
                description = "Accounts, profiles (domains and email addresses), administrators (groups), SAML"
                        + " federation, users and the audit trail. Every request needs \"Authorization: Bearer <token>\"; create tokens on an"
                        + " account's Tokens tab (account scope) or on the service tokens page (service scope)."
                        + " Errors are JSON objects with a machine-readable \"code\" and a human \"message\"."),
        security = @SecurityRequirement(name = ApiApplication.BEARER),
        components = @Components(
                schemas = @Schema(name = ApiResponses.ERROR_SCHEMA, implementation = ApiError.class),
                responses = {
                        @APIResponse(name = ApiResponses.UNAUTHORIZED, description = "No or an invalid bearer token"),
                        @APIResponse(name = ApiResponses.ACCOUNT_NOT_FOUND,
                                description = "No such account, or not this token's account (not_found)"),
                        @APIResponse(name = ApiResponses.NOT_A_SERVICE_TOKEN, description = "Not a service token"),
                        @APIResponse(name = ApiResponses.PAGING_OUT_OF_RANGE,
                                description = "page or size out of range (invalid_value)")
                }),
        tags = {
                @Tag(name = "Accounts", description = "Accounts → Manage Accounts"),
                @Tag(name = "Profiles", description = "The domains and email addresses of an account"),
                @Tag(name = "Administrators", description = "The Groups tab: an account's administrators"),
                @Tag(name = "Tokens", description = "API tokens, to read: they are created and revoked in the portal"),
                @Tag(name = "Audit", description = "What changed, who changed it, and when"),
                @Tag(name = "Database", description = "Online backups of the embedded database"),
                @Tag(name = "SAML", description = "The account's SAML 2.0 service provider and the identity provider it trusts"),
                @Tag(name = "Users", description = "The people who sign in to the account's user portal"),
                @Tag(name = "Microsoft 365", description = "Addin Config: the account's Entra ID app registration for Microsoft Graph"),
                @Tag(name = "Envelopes", description = "Encrypting messages (for gateways and automation) and controlling them afterwards")
        })
@SecurityScheme(securitySchemeName = ApiApplication.BEARER, type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "An API token (oe_…) from the portal's Tokens tab")
public class ApiApplication extends Application {

    public static final String BEARER = "bearer";

    /**
     * Jersey would describe every resource to anyone as WADL ({@code /api/application.wadl}, and OPTIONS bodies),
     * outside the signed-in {@code /api/v1/*}; the OpenAPI document is the API's description.
     */
    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.wadl.disableWadl", true);
    }
}
