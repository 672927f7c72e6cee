package org.openenvelope.addin;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.openenvelope.error.InvalidValueException;

/**
 * The body of a flow or decision request: nothing at all (as older add-ins send for Flag), or
 * {@code {"messageId": "<REST id>", "recipients": ["…"], "subject": "…"}}, each part optional.
 */
final class FlowRequestJson {

    static final int MAX_RECIPIENTS = 500;

    private FlowRequestJson() {
    }

    /** @throws InvalidValueException naming the part that is not what is described */
    static FlowRequest parse(String body) {
        if (body == null || body.isBlank()) {
            return FlowRequest.NOTHING;
        }
        JsonObject object;
        try {
            object = Json.createReader(new StringReader(body)).readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new InvalidValueException("body", "The body must be a JSON object such as {\"messageId\": \"…\"}.");
        }
        return new FlowRequest(text(object, "messageId", "the draft's REST id"), recipients(object),
                text(object, "subject", "the message's subject"));
    }

    private static String text(JsonObject object, String field, String what) {
        JsonValue value = object.get(field);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.STRING) {
            throw new InvalidValueException(field, field + " must be a text: " + what + ".");
        }
        return object.getString(field);
    }

    private static List<String> recipients(JsonObject object) {
        JsonValue value = object.get("recipients");
        if (value == null || value == JsonValue.NULL) {
            return List.of();
        }
        if (value.getValueType() != JsonValue.ValueType.ARRAY || value.asJsonArray().size() > MAX_RECIPIENTS) {
            throw new InvalidValueException("recipients", "recipients must be a list of at most " + MAX_RECIPIENTS
                    + " addresses.");
        }
        JsonArray array = value.asJsonArray();
        List<String> addresses = new ArrayList<>();
        for (JsonValue address : array) {
            if (address.getValueType() != JsonValue.ValueType.STRING) {
                throw new InvalidValueException("recipients", "recipients must be a list of addresses.");
            }
            addresses.add(((jakarta.json.JsonString) address).getString());
        }
        return addresses;
    }
}
