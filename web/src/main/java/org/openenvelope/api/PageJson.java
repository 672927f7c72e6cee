package org.openenvelope.api;

import java.util.List;
import org.openenvelope.persistence.Page;

/**
 * One page of a list: {@code page} counts from 0 and is the page actually returned (a page past the end yields
 * the last one), {@code total} is the number of items on all pages.
 */
public record PageJson<T>(List<T> items, int page, int size, long total) {

    public static <T> PageJson<T> of(Page<T> page) {
        return new PageJson<>(page.items(), page.number(), page.size(), page.total());
    }
}
