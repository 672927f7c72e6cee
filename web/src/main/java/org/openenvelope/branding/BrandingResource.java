package org.openenvelope.branding;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.openenvelope.api.ApiError;
import org.openenvelope.api.ApiResponses;
import org.openenvelope.api.RequestBodies;
import org.openenvelope.error.ResourceNotFoundException;

/** {@code /api/v1/accounts/{number}/branding}: the Branding tab, how the account appears to its recipients. */
@Path("/v1/accounts/{number}/branding")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(ref = "Envelopes")
@APIResponse(responseCode = "401", ref = ApiResponses.UNAUTHORIZED)
@APIResponse(responseCode = "404", ref = ApiResponses.ACCOUNT_NOT_FOUND)
public class BrandingResource {

    private static final long DRAIN_BYTES = 4L * 1024 * 1024;

    @EJB
    BrandingService branding;

    @GET
    @Operation(summary = "The account's display name, colours and logo; updatedAt is null while it has the service's look")
    public BrandingView branding(@PathParam("number") String number) {
        return branding.branding(number);
    }

    @PUT
    @Operation(summary = "Set the display name and both colours at once",
            description = "Applies to envelopes sealed from now on (their attachment and notification) and to every"
                    + " recipient page at once.")
    @APIResponse(responseCode = "400", description = "rejected_values naming displayName, brandColour or backgroundColour")
    public BrandingView changeBranding(@PathParam("number") String number, BrandingRequest body) {
        RequestBodies.required(body);
        return branding.changeBranding(number, body.choice());
    }

    @DELETE
    @Operation(summary = "Back to the service's look: the account's name, the standard colours, no logo")
    public BrandingView restoreStandard(@PathParam("number") String number) {
        return branding.restoreStandard(number);
    }

    @GET
    @Path("logo")
    @Produces({Logo.PNG, Logo.SVG})
    @Operation(summary = "The logo as it is kept (made safe on upload)")
    @APIResponse(responseCode = "404", description = "not_found: the account has no logo")
    public Response logo(@PathParam("number") String number) {
        Logo logo = branding.logo(number).orElseThrow(() -> new ResourceNotFoundException("The account has no logo."));
        return Response.ok(logo.bytes(), logo.mediaType()).build();
    }

    @PUT
    @Path("logo")
    @Consumes({Logo.PNG, Logo.SVG})
    @Operation(summary = "Replace the logo with a PNG or SVG file (the body), at most 100 KiB",
            description = "A PNG is decoded and written again (at most 2000 pixels a side); an SVG is rebuilt from its"
                    + " drawing, and refused naming what it may not have: scripts, event handlers, links, animation,"
                    + " embedded images or HTML, anything loaded from elsewhere, a DOCTYPE. Mail programs do not show"
                    + " SVG: notifications then show the display name instead.")
    @APIResponse(responseCode = "400", description = "invalid_value on logo, saying what is wrong with the file")
    @APIResponse(responseCode = "413", description = "logo_too_large: more than 100 KiB")
    public Response replaceLogo(@PathParam("number") String number,
                                @HeaderParam(HttpHeaders.CONTENT_TYPE) MediaType type, InputStream body)
            throws IOException {
        byte[] upload = body.readNBytes(Logo.MAX_BYTES + 1);
        if (upload.length > Logo.MAX_BYTES) {
            drain(body);
            return new ApiError("logo_too_large", "The logo is larger than " + Logo.MAX_BYTES + " bytes (100 KiB), the"
                    + " most a logo may be, as it travels in every message.", LogoImages.FIELD, null)
                    .response(Response.Status.REQUEST_ENTITY_TOO_LARGE);
        }
        String declared = type == null ? null : type.getType() + "/" + type.getSubtype();
        return Response.ok(branding.replaceLogo(number, upload, null, declared), MediaType.APPLICATION_JSON_TYPE)
                .build();
    }

    /** Reads on a little, so that a client still sending a somewhat larger file gets the 413, not a reset. */
    private static void drain(InputStream body) throws IOException {
        byte[] buffer = new byte[8192];
        long left = DRAIN_BYTES;
        int read;
        while (left > 0 && (read = body.read(buffer, 0, (int) Math.min(buffer.length, left))) >= 0) {
            left -= read;
        }
    }

    @DELETE
    @Path("logo")
    @Operation(summary = "Remove the logo; recipients see the display name instead")
    public BrandingView removeLogo(@PathParam("number") String number) {
        return branding.removeLogo(number);
    }
}
