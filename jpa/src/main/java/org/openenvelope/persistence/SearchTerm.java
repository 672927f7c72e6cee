package org.openenvelope.persistence;

import java.util.Locale;

/**
 * What a list is searched for: the text typed, without the blanks around it and in lower case, made into JPQL
 * {@code LIKE} patterns. A blank or absent search is empty, which means no filter.
 *
 * <p>The term's own {@code %}, {@code _} and {@code \} are escaped, so they are looked for as typed instead of
 * matching anything: every {@code like :parameter} that takes one of these patterns must be followed by
 * {@link #ESCAPE}.
 */
public final class SearchTerm {

    /** The escape clause that goes after each {@code like :parameter} taking a pattern of this class. */
    public static final String ESCAPE = " escape '\\'";

    private static final SearchTerm EMPTY = new SearchTerm("");

    private final String text;

    private SearchTerm(String text) {
        this.text = text;
    }

    /** The term of what was typed; {@code null} and blanks are the empty term. */
    public static SearchTerm of(String search) {
        String text = search == null ? "" : search.strip().toLowerCase(Locale.ROOT);
        return text.isEmpty() ? EMPTY : new SearchTerm(text);
    }

    /** Whether there is nothing to search for, so the list is not filtered. */
    public boolean isEmpty() {
        return text.isEmpty();
    }

    /** The normalised term, as a value is compared with it. */
    public String text() {
        return text;
    }

    /** The pattern of values that contain the term: {@code %term%}. */
    public String contains() {
        return "%" + escaped() + "%";
    }

    /** The pattern of values that start with the term: {@code term%}. */
    public String startsWith() {
        return escaped() + "%";
    }

    private String escaped() {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    @Override
    public String toString() {
        return text;
    }
}
