package org.creativecities.core.platform.web;

/**
 * A validated request for one page.
 *
 * @param page 1-based page number
 * @param size items per page, never above the configured maximum
 */
public record PageRequest(int page, int size) {

    public int offset() {
        return (page - 1) * size;
    }

    public <T> Page<T> of(java.util.List<T> items, long total) {
        return new Page<>(items, total, page, size);
    }
}
