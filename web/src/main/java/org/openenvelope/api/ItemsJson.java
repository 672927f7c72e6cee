package org.openenvelope.api;

import java.util.List;

/** A whole (unpaged) list, wrapped in an object so that it can grow more properties without breaking clients. */
public record ItemsJson<T>(List<T> items) {

    public static <T> ItemsJson<T> of(List<T> items) {
        return new ItemsJson<>(List.copyOf(items));
    }
}
