package org.openenvelope.persistence;

import java.io.Serializable;
import java.util.List;
import java.util.function.Function;

/** One page of a longer list; {@code number} counts from 0. */
public record Page<T>(List<T> items, int number, int size, long total) implements Serializable {

    public Page {
        items = List.copyOf(items);
    }

    public int pageCount() {
        return total == 0 ? 1 : (int) ((total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return number > 0;
    }

    public boolean hasNext() {
        return number + 1 < pageCount();
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), number, size, total);
    }
}
