package org.openenvelope.addin;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import org.openenvelope.error.InvalidValueException;

/**
 * What the add-in asks a flow for: nothing for Flag (no body at all, as older add-ins send), for Encrypt
 * {@code {"messageId": "<REST id>"}}, the saved draft as {@code convertToRestId} gives it.
 */
final class FlowRequest {

    private FlowRequest() {
    }

    /** @throws InvalidValueException naming {@code messageId}, or the body, when it is not what is described */
    static String messageId(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        JsonObject object;
        try {
            object = Json.createReader(new StringReader(body)).readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new InvalidValueException("body", "The body must be a JSON object such as {\"messageId\": \"…\"}.");
        }
        JsonValue id = object.get("messageId");
        if (id == null || id == JsonValue.NULL) {
            return null;
        }
        if (id.getValueType() != JsonValue.ValueType.STRING) {
            throw new InvalidValueException("messageId", "messageId must be a text: the draft's REST id.");
        }
        return object.getString("messageId");
    }
}
