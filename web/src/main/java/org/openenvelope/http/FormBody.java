package org.openenvelope.http;

import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** An application/x-www-form-urlencoded body read with a limit of our own (the container's is a few MB). */
public final class FormBody {

    private final Map<String, String> values;

    private FormBody(Map<String, String> values) {
        this.values = values;
    }

    /** The body's fields (the first value of each), or empty when it is larger than the limit. */
    public static Optional<FormBody> read(HttpServletRequest request, long limit) throws IOException {
        if (request.getContentLengthLong() > limit) {
            return Optional.empty();
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] buffer = new byte[65536];
        try (InputStream in = request.getInputStream()) {
            for (int read; (read = in.read(buffer)) != -1; ) {
                if (body.size() + read > limit) {
                    return Optional.empty();
                }
                body.write(buffer, 0, read);
            }
        }
        Map<String, String> values = new HashMap<>();
        for (String pair : body.toString(StandardCharsets.US_ASCII).split("&")) {
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            values.putIfAbsent(name, value);
        }
        return Optional.of(new FormBody(values));
    }

    public String value(String name) {
        return values.get(name);
    }
}
