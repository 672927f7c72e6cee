package org.openenvelope.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PageTest {

    @ParameterizedTest
    @CsvSource({"0, 20, 1", "1, 20, 1", "20, 20, 1", "21, 20, 2", "100, 20, 5", "101, 20, 6"})
    void countsPagesRoundingUpAndShowsOneEmptyPage(long total, int size, int pages) {
        assertEquals(pages, new Page<>(List.of(), 0, size, total).pageCount());
    }

    @Test
    void knowsWhetherThereAreNeighbours() {
        Page<String> first = new Page<>(List.of("a"), 0, 1, 3);
        Page<String> middle = new Page<>(List.of("b"), 1, 1, 3);
        Page<String> last = new Page<>(List.of("c"), 2, 1, 3);
        assertFalse(first.hasPrevious());
        assertTrue(first.hasNext());
        assertTrue(middle.hasPrevious());
        assertTrue(middle.hasNext());
        assertTrue(last.hasPrevious());
        assertFalse(last.hasNext());
        assertFalse(new Page<>(List.of(), 0, 20, 0).hasNext());
    }

    @Test
    void mapsItemsAndKeepsThePosition() {
        Page<Integer> mapped = new Page<>(List.of("a", "bb"), 3, 2, 9).map(String::length);
        assertEquals(new Page<>(List.of(1, 2), 3, 2, 9), mapped);
    }

    @Test
    void itemsCannotChangeAfterwards() {
        List<String> items = new ArrayList<>(List.of("a"));
        Page<String> page = new Page<>(items, 0, 20, 1);
        items.add("b");
        assertEquals(List.of("a"), page.items());
        assertThrows(UnsupportedOperationException.class, () -> page.items().add("c"));
    }

    @ParameterizedTest
    @CsvSource({"0, 20, 0, 20", "-3, 20, 0, 20", "2, 0, 2, 20", "2, -1, 2, 20", "1, 100, 1, 100", "1, 101, 1, 100",
            "4, 7, 4, 7"})
    void pagingIsClampedToSaneBounds(int number, int size, int expectedNumber, int expectedSize) {
        assertEquals(new Paging(expectedNumber, expectedSize), Paging.of(number, size));
    }
}
