package org.openenvelope.saml;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** POST /api/v1/accounts/{number}/saml/service-provider/keys/upload. */
@Schema(name = "KeyUpload")
public record KeyUploadRequest(
        @Schema(required = true, description = "The key pair file, base64: PKCS#12 (.p12/.pfx) or PEM with the"
                + " certificate (chain allowed) and its private key") String keyFile,
        @Schema(description = "Opens the PKCS#12 file or an encrypted PEM key; never stored", format = "password") String keyPassword) {
}
