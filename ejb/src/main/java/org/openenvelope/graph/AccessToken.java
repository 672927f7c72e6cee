package org.openenvelope.graph;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An app-only Graph access token. {@code roles} are the application permissions granted to the app (the token's
 * {@code roles} claim); the service reads them only to report what is granted, and never checks the signature,
 * which is Graph's to verify.
 */
public record AccessToken(String value, Instant expiresAt, Set<String> roles) {

    /** From the token endpoint's answer ({@code access_token}, {@code expires_in}), received at {@code now}. */
    static AccessToken of(JsonObject answer, Instant now) {
        String token = answer.getString("access_token");
        long lifetime = answer.getJsonNumber("expires_in") != null ? answer.getJsonNumber("expires_in").longValue()
                : Long.parseLong(answer.getString("expires_in", "0"));
        return new AccessToken(token, now.plusSeconds(lifetime), roles(token));
    }

    /** Whether the token still serves for {@code margin} seconds beyond {@code now}. */
    boolean usableAt(Instant now, long margin) {
        return now.plusSeconds(margin).isBefore(expiresAt);
    }

    private static Set<String> roles(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length < 2) {
            return Set.of();
        }
        try {
            String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
            JsonObject claims = Json.createReader(new StringReader(payload)).readObject();
            JsonValue roles = claims.get("roles");
            if (roles == null || roles.getValueType() != JsonValue.ValueType.ARRAY) {
                return Set.of();
            }
            return roles.asJsonArray().stream().filter(v -> v instanceof JsonString)
                    .map(v -> ((JsonString) v).getString()).collect(Collectors.toUnmodifiableSet());
        } catch (RuntimeException e) {
            return Set.of();
        }
    }

    @Override
    public String toString() {
        return "AccessToken[expiresAt=" + expiresAt + ", roles=" + roles + "]";
    }
}
