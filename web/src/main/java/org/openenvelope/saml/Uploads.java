package org.openenvelope.saml;

import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.security.cert.X509Certificate;
import org.openenvelope.error.InvalidValueException;
import org.openenvelope.saml.xml.Certificates;
import org.openenvelope.saml.xml.OpenSaml;

/**
 * Reads the files the single sign-on page's forms upload (key pairs, certificates, metadata), shared by their
 * beans. A file that is too large or unreadable is refused as an invalid value of the form's field, so the
 * message shows next to it.
 */
final class Uploads {

    private static final int MAX_UPLOAD = OpenSaml.MAX_DOCUMENT_BYTES;

    private Uploads() {
    }

    static X509Certificate certificate(Part part, String field) {
        try {
            return Certificates.fromDer(read(part, field));
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException(field, "The file " + part.getSubmittedFileName() + " " + e.getMessage() + ".");
        }
    }

    static byte[] read(Part part, String field) {
        if (part.getSize() > MAX_UPLOAD) {
            throw new InvalidValueException(field, "The file " + part.getSubmittedFileName() + " is " + part.getSize()
                    + " bytes; at most " + MAX_UPLOAD + " are accepted.");
        }
        try (InputStream in = part.getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new InvalidValueException(field, "The file could not be read: " + e.getMessage());
        }
    }
}
