package org.openenvelope.persistence;

import jakarta.persistence.TypedQuery;

/** A requested page, clamped to sane bounds so no request can ask for the whole table at once. */
public record Paging(int number, int size) {

    public static final int MAX_SIZE = 100;
    public static final int DEFAULT_SIZE = 20;

    public static Paging of(int number, int size) {
        return new Paging(Math.max(0, number), size <= 0 ? DEFAULT_SIZE : Math.min(size, MAX_SIZE));
    }

    public <T> Page<T> page(TypedQuery<T> items, TypedQuery<Long> count) {
        long total = count.getSingleResult();
        int lastPage = total == 0 ? 0 : (int) ((total - 1) / size);
        int effective = Math.min(number, lastPage);
        return new Page<>(items.setFirstResult(effective * size).setMaxResults(size).getResultList(),
                effective, size, total);
    }
}
