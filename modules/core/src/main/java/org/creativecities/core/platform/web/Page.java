package org.creativecities.core.platform.web;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list, with the total number of matching items so a client can show "1–20 of 397".
 *
 * @param items the items on this page
 * @param total how many items match in all
 * @param page  the 1-based page number
 * @param size  the page size asked for
 * @param <T>   the item type
 */
public record Page<T>(List<T> items, long total, int page, int size) {

    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(items.stream().<R>map(mapper).toList(), total, page, size);
    }
}
