package org.openenvelope.api;

import jakarta.annotation.PreDestroy;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * The JSON-B instance Jersey uses for every API request and response (its JSON-B provider asks the
 * {@code ContextResolver<Jsonb>} first). Reading is strict: a property the request type does not declare is an
 * error, so a misspelt optional field ({@code "displayname"}) is refused instead of silently ignored, and a value is
 * taken only from its own JSON type ({@link StrictScalars}).
 *
 * <p>{@code jsonb.fail-on-unknown-properties} is Yasson's own switch (Yasson is Payara's JSON-B
 * implementation); JSON-B 3 has no standard one. Set through the generic property map, it needs no compile-time
 * dependency on Yasson, and an implementation that does not know it would ignore it.
 */
@Provider
public class StrictJsonb implements ContextResolver<Jsonb> {

    static final String FAIL_ON_UNKNOWN_PROPERTIES = "jsonb.fail-on-unknown-properties";

    private final Jsonb jsonb = JsonbBuilder.create(new JsonbConfig()
            .setProperty(FAIL_ON_UNKNOWN_PROPERTIES, true)
            .withDeserializers(StrictScalars.all()));

    @Override
    public Jsonb getContext(Class<?> type) {
        return jsonb;
    }

    @PreDestroy
    void close() {
        try {
            jsonb.close();
        } catch (Exception e) {
            // nothing to release that matters at shutdown
        }
    }
}
