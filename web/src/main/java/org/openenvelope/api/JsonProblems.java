package org.openenvelope.api;

import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParsingException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises why a request body could not be bound, wherever in a cause chain the JSON-P or JSON-B exception
 * sits. On Payara, Jersey's JSON-B reader wraps Yasson's {@link JsonbException} in a
 * {@code jakarta.ws.rs.ProcessingException}; JSON-P parse errors may arrive bare or inside a
 * {@link JsonbException}. Yasson states an unknown or mistyped property only in its message text, so the
 * property name is read from there; when the text is not recognised the error keeps its code but names no field.
 *
 * <p>Security: Yasson's messages name Java classes; none of that text is passed on, only the property name the
 * client itself sent.
 */
final class JsonProblems {

    /** Yasson 3 {@code unknownJsonProperty}: "Json property {0} can not be mapped to a class {1}." */
    private static final Pattern UNKNOWN_PROPERTY = Pattern.compile("Json property (.+?) can not be mapped to a class");
    /** Yasson 3 type mismatch: "Unable to deserialize property '{0}' because of: ...". */
    private static final Pattern MISTYPED_PROPERTY = Pattern.compile("Unable to deserialize property '(.+?)' because of");
    private static final int MAX_NAME = 64;
    private static final int MAX_DEPTH = 16;

    private JsonProblems() {
    }

    /** The error to report when {@code thrown} (or one of its causes) is a JSON binding failure. */
    static Optional<ApiError> of(Throwable thrown) {
        JsonbException binding = null;
        Throwable cause = thrown;
        for (int depth = 0; cause != null && depth < MAX_DEPTH; depth++, cause = cause.getCause()) {
            if (cause instanceof JsonParsingException parsing) {
                return Optional.of(malformed(parsing.getLocation()));
            }
            if (cause instanceof JsonbException jsonb && binding == null) {
                binding = jsonb;
            }
        }
        if (binding == null) {
            return Optional.empty();
        }
        cause = binding;
        for (int depth = 0; cause != null && depth < MAX_DEPTH; depth++, cause = cause.getCause()) {
            Matcher unknown = UNKNOWN_PROPERTY.matcher(String.valueOf(cause.getMessage()));
            if (unknown.find()) {
                String name = printable(unknown.group(1));
                return Optional.of(ApiError.of("unknown_field", "The request has a property \"" + name
                        + "\" that this operation does not know; remove it (check its spelling).", name));
            }
        }
        Matcher mistyped = MISTYPED_PROPERTY.matcher(String.valueOf(binding.getMessage()));
        if (mistyped.find()) {
            String name = printable(mistyped.group(1));
            return Optional.of(ApiError.of("invalid_value", "Property \"" + name
                    + "\" has a value of the wrong JSON type.", name));
        }
        return Optional.of(ApiError.of("bad_json",
                "The request body does not have the JSON structure this operation expects."));
    }

    private static ApiError malformed(JsonLocation location) {
        String where = location == null || location.getLineNumber() < 0 ? ""
                : " at line " + location.getLineNumber() + ", column " + location.getColumnNumber();
        return ApiError.of("bad_json", "The request body is not well-formed JSON" + where + ".");
    }

    private static String printable(String name) {
        String cleaned = name.replaceAll("\\p{Cntrl}", "?");
        return cleaned.length() > MAX_NAME ? cleaned.substring(0, MAX_NAME) + "…" : cleaned;
    }
}
