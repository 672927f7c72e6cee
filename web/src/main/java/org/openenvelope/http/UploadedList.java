package org.openenvelope.http;

import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.openenvelope.error.InvalidValueException;

/**
 * A list file (CSV or plain, one value a line) uploaded to a form or sent to the API, read as UTF-8 text. A file
 * that is too large or unreadable is refused as an invalid value of the form's field, so the message shows next
 * to it.
 */
public final class UploadedList {

    public static final int MAX_BYTES = 1_048_576;

    private UploadedList() {
    }

    /** Whether a file was chosen: browsers send an empty part for a file field left empty. */
    public static boolean given(Part part) {
        return part != null && part.getSize() > 0;
    }

    /** The file's text. */
    public static String text(Part part, String field) {
        if (part.getSize() > MAX_BYTES) {
            throw new InvalidValueException(field, "The file " + part.getSubmittedFileName() + " is " + part.getSize()
                    + " bytes; at most " + MAX_BYTES + " are read.");
        }
        try (InputStream in = part.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidValueException(field, "The file could not be read: " + e.getMessage());
        }
    }

    /** A list sent as a request body, refused when larger than a file may be. */
    public static String text(String body, String field) {
        String text = body == null ? "" : body;
        if (text.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new InvalidValueException(field, "The list is larger than " + MAX_BYTES + " bytes; send it in parts.");
        }
        return text;
    }
}
