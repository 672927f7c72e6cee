package org.openenvelope.api;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.stream.JsonParser;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import org.openenvelope.error.InvalidValueException;

/**
 * Refuses a JSON body in which one object names a property twice: JSON-B would silently keep the last value, so
 * {@code {"role": "viewer", "role": "admin"}} would mean whatever the last one says. The body is scanned with a
 * streaming parser (no tree is built) before it is bound; malformed JSON is left to the binding to report.
 */
@Provider
public class DuplicatePropertiesRefused implements ReaderInterceptor {

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        MediaType type = context.getMediaType();
        if (type == null || !type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
            return context.proceed();
        }
        byte[] body = context.getInputStream().readAllBytes();
        refuseDuplicates(body);
        context.setInputStream(new ByteArrayInputStream(body));
        return context.proceed();
    }

    static void refuseDuplicates(byte[] body) {
        Deque<Set<String>> objects = new ArrayDeque<>();
        // JSON bodies are UTF-8 (RFC 8259); an empty one is left for the binding to report as missing
        try (JsonParser parser = Json.createParser(new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8))) {
            while (parser.hasNext()) {
                switch (parser.next()) {
                    case START_OBJECT -> objects.push(new HashSet<>());
                    case END_OBJECT -> objects.pop();
                    case KEY_NAME -> {
                        String name = parser.getString();
                        if (!objects.peek().add(name)) {
                            String shown = name.length() > 64 ? name.substring(0, 64) + "…" : name;
                            throw new InvalidValueException(shown, "Property \"" + shown + "\" appears more than once"
                                    + " in one JSON object; send it once.");
                        }
                    }
                    default -> {
                        // values and arrays need no bookkeeping
                    }
                }
            }
        } catch (JsonException malformed) {
            // the binding reports where the JSON is broken, or that there is none
        }
    }
}
