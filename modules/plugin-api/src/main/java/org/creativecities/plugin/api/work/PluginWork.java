package org.creativecities.plugin.api.work;

import java.util.List;
import java.util.Objects;

/**
 * A work a plugin created, as the plugin reads it back: its latest version.
 *
 * @param id       the work's id in the core's works API ({@code /api/works/{id}})
 * @param kind     its kind: {@link PluginWorks#TEXT} or {@link PluginWorks#COLLECTION}
 * @param title    its title (of the latest version)
 * @param content  the latest version's content: Markdown for a text work, the JSON object as text for a collection
 * @param version  the latest version's number, from 1
 * @param authors  the account ids of its authors, its creator first
 * @param url      where the core's works API serves it, e.g. {@code /api/works/12}
 * @since 1.3.0
 */
public record PluginWork(long id, String kind, String title, String content, int version, List<Long> authors,
                         String url) {

    public PluginWork {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(content, "content");
        authors = List.copyOf(authors);
        Objects.requireNonNull(url, "url");
    }
}
