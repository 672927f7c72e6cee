package org.openenvelope.api;

import org.openenvelope.error.InvalidValueException;
import org.openenvelope.persistence.Paging;

/**
 * The {@code page} and {@code size} query parameters of a list. They are read as text and checked here, because
 * JAX-RS answers a non-numeric {@code @QueryParam int} with 404, which would tell the client the list does not
 * exist.
 */
public record PageQuery(int page, int size) {

    public static final String PAGE = "page";
    public static final String SIZE = "size";

    /** @throws InvalidValueException naming the parameter when it is not a number in range */
    public static PageQuery of(String page, String size) {
        return new PageQuery(number(PAGE, page, 0, 0, Integer.MAX_VALUE),
                number(SIZE, size, Paging.DEFAULT_SIZE, 1, Paging.MAX_SIZE));
    }

    private static int number(String name, String text, int absent, int min, int max) {
        if (text == null || text.isBlank()) {
            return absent;
        }
        try {
            int value = Integer.parseInt(text.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw new InvalidValueException(name, "Query parameter " + name + " must be a whole number "
                + (max == Integer.MAX_VALUE ? "from " + min + " up" : "from " + min + " to " + max) + ".");
    }
}
