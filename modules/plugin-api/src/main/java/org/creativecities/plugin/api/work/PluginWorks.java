package org.creativecities.plugin.api.work;

import java.util.Optional;

/**
 * Works written by a plugin (since API 1.3), from {@code ModuleContext.works()}; needs
 * {@link org.creativecities.plugin.api.Permission#WORKS_WRITE}. A round-robin story that grows with each turn, the
 * minutes of a session: the plugin writes them as <em>ordinary works</em> of the core's kinds, which the core
 * versions, diffs, licenses, searches, exports and lets people fork like any other.
 *
 * <p><b>Always a person's work.</b> Every write names the person it is made for: the creator of a new work, the
 * author of a new version. That person is recorded as the version's author and becomes a co-author of the work (so
 * they may read, export and change it through the works API like anything they wrote). The plugin never appears as
 * an author. It is the plugin's job to write only for a person who acted (the one whose turn it is), and only what
 * they wrote or accepted.
 *
 * <p><b>Only its own works.</b> A plugin adds versions to, and reads, only the works it created through this service
 * ({@link PluginWorkException.Reason#NOT_FOUND} for any other id). A new work is a draft: its authors read it; they
 * publish it, license it and place it through the works API as with any work.
 *
 * <p>Thread-safe; every call is one short transaction of its own. Refusals are {@link PluginWorkException}s.
 *
 * @since 1.3.0
 */
public interface PluginWorks {

    /** The core's kind of Markdown texts. */
    String TEXT = "text";

    /** The core's kind of ordered lists of works and media; content {@code {"items": [...]}}. */
    String COLLECTION = "collection";

    /** The longest title, in characters (as the works API). */
    int MAX_TITLE = 200;

    /** The longest version message, in characters (as the works API). */
    int MAX_MESSAGE = 500;

    /**
     * Creates a work, as its first version.
     *
     * @param citySlug the city the work is about (its {@code cities}); required
     * @param kind     {@link #TEXT} or {@link #COLLECTION}
     * @param title    1 to {@link #MAX_TITLE} characters
     * @param content  Markdown for a text work (at most 1,000,000 characters; may be empty), the JSON object as text
     *                 for                 a collection
     * @param message  the first version's message, or null
     * @param authorId the account that creates it: its creator and first author
     * @return the new work
     * @throws PluginWorkException when refused (invalid input, unknown person)
     */
    PluginWork create(String citySlug, String kind, String title, String content, String message, long authorId);

    /**
     * Adds a version to a work the plugin created: its new content, with the person who wrote it as the version's
     * author. The person becomes a co-author if they were not one.
     *
     * @param workId   a work this plugin created
     * @param content  the whole new content (not a difference)
     * @param message  the version's message, or null
     * @param authorId the account that wrote it
     * @return the work with its new latest version
     * @throws PluginWorkException when refused (not the plugin's work, invalid input, unknown person, a conflict)
     */
    PluginWork addVersion(long workId, String content, String message, long authorId);

    /** A work this plugin created, with its latest version; empty for any other id, or once it was deleted. */
    Optional<PluginWork> find(long workId);
}
