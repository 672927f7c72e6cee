package org.openenvelope.persistence;

import jakarta.persistence.TypedQuery;
import java.util.List;

/** A requested page, clamped to sane bounds so no request can ask for the whole table at once. */
public record Paging(int number, int size) {

    public static final int MAX_SIZE = 100;
    public static final int DEFAULT_SIZE = 20;

    public static Paging of(int number, int size) {
        return new Paging(Math.max(0, number), size <= 0 ? DEFAULT_SIZE : Math.min(size, MAX_SIZE));
    }

    public <T> Page<T> page(TypedQuery<T> items, TypedQuery<Long> count) {
        long total = count.getSingleResult();
        int effective = effectiveNumber(total);
        return new Page<>(items.setFirstResult(effective * size).setMaxResults(size).getResultList(),
                effective, size, total);
    }

    /** The page of a list already in memory. */
    public <T> Page<T> page(List<T> all) {
        int effective = effectiveNumber(all.size());
        int from = effective * size;
        return new Page<>(all.subList(from, Math.min(all.size(), from + size)), effective, size, all.size());
    }

    /** A page past the end is the last one. */
    private int effectiveNumber(long total) {
        int lastPage = total == 0 ? 0 : (int) ((total - 1) / size);
        return Math.min(number, lastPage);
    }
}
