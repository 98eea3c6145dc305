package org.creativecities.works.app;

import jakarta.json.JsonValue;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** The request and response bodies of the works API. */
public final class WorkDtos {

    private WorkDtos() {
    }

    /**
     * A new work. {@code content} is a string of Markdown for a text work, and {@code {"items": [{"work": id} or
     * {"media": "<media id>"}, ...]}} for a collection. {@code cover} is a media id (an image of the caller's).
     */
    public record NewWork(String kind, String title, String summary, JsonValue content, List<String> fields,
                          List<String> cities, List<String> languages, List<String> tags, String cover, String licence,
                          Long spaceId, Boolean open, String message) {
    }

    /**
     * A change: only the properties given change; a new {@code content} (or title) makes a new version. An empty
     * {@code cover} removes the cover.
     */
    public record WorkUpdate(String title, String summary, JsonValue content, String message, List<String> fields,
                             List<String> cities, List<String> languages, List<String> tags, String cover,
                             String licence, Long spaceId, Boolean open) {
    }

    /** Saving the live text as a version, with an optional message. */
    public record SaveVersion(String message) {
    }

    /** A co-author: the creator names an account; a member of an open work's space names themself or nobody. */
    public record NewAuthor(Long accountId) {
    }

    /** Publication terms: {@code audience} 'everyone' or 'space' (with {@code spaceId}), and the licence. */
    public record PublishRequest(String audience, Long spaceId, String licence) {
    }

    /** A fork's title and licence (both optional). */
    public record ForkRequest(String title, String licence) {
    }

    public record LicenceView(String spdx, String name, String url) {
    }

    public record CityRef(String slug, String name) {
    }

    public record AuthorView(long accountId, String displayName, String role, CityRef city, OffsetDateTime joinedAt) {
    }

    public record PersonRef(long accountId, String displayName) {
    }

    /** A publication request waiting for consents: who agreed and who has not yet. */
    public record PublicationView(long id, int version, String audience, Long spaceId, LicenceView licence,
                                  String state, List<PersonRef> consented, List<PersonRef> pending,
                                  OffsetDateTime requestedAt) {
    }

    public record DerivedFromView(long workId, int version, String title, String attribution) {
    }

    /** One work in a lineage graph: {@code parentId} is the work it was derived from (null at the top). */
    public record LineageNode(long id, Long parentId, Integer parentVersion, String title, String attribution,
                              String licence, List<String> cities, boolean readable) {
    }

    /** The lineage both ways: the chain up to the first source, and every visible work derived below. */
    public record LineageView(List<LineageNode> derivedFrom, List<LineageNode> derivedWorks) {
    }

    /**
     * A work as its page shows it. {@code html} is a text work's Markdown rendered and sanitised on the server
     * ({@code WorkRenderer}), its images described with their stored alt text: what its first view and public page
     * show; {@code null} for the other kinds.
     */
    public record WorkView(long id, String kind, String title, String summary, String status, LicenceView licence,
                           String audience, Long spaceId, boolean open, String cover, List<String> fields,
                           List<CityRef> cities, List<String> languages, List<String> tags, List<AuthorView> authors,
                           int version, String format, JsonValue content, String html, String attribution,
                           PublicationView publication, DerivedFromView derivedFrom, LineageView lineage,
                           boolean canEdit, String url, OffsetDateTime createdAt, OffsetDateTime updatedAt,
                           OffsetDateTime publishedAt, OffsetDateTime deletedAt, Map<String, String> mediaAlt) {
    }

    public record WorkSummary(long id, String kind, String title, String summary, String status, LicenceView licence,
                              String audience, List<String> fields, List<CityRef> cities, List<PersonRef> authors,
                              int version, String attribution, OffsetDateTime updatedAt,
                              OffsetDateTime publishedAt) {
    }

    public record VersionView(int number, String title, String message, List<PersonRef> authors,
                              OffsetDateTime createdAt) {
    }

    public record VersionDetail(int number, String title, String message, List<PersonRef> authors,
                                OffsetDateTime createdAt, String format, JsonValue content) {
    }

    /** A word-level change inside a changed line block: 'equal', 'insert', 'delete' or 'change'. */
    public record WordChange(String type, String from, String to) {
    }

    /**
     * One change between two versions: lines {@code fromLine}.. of the older replaced by lines {@code toLine}.. of
     * the newer (1-based), with the word diff of a changed block.
     */
    public record LineChange(String type, int fromLine, List<String> fromLines, int toLine, List<String> toLines,
                             List<WordChange> words) {
    }

    /**
     * Two versions compared: the line and word diff of their text, and for JSON content (collections, plugin kinds)
     * the structured diff as well, one change per JSON Pointer.
     */
    public record DiffView(int from, int to, String format, int added, int removed, List<LineChange> changes,
                           List<JsonChange> structured) {
    }

    /**
     * One change of a JSON content: {@code add}, {@code remove} or {@code replace} at a JSON Pointer (RFC 6901),
     * with the value before (absent for add) and after (absent for remove).
     */
    public record JsonChange(String op, String path, jakarta.json.JsonValue before, jakarta.json.JsonValue after) {
    }

    /**
     * A kind of work people can make now: the core's ({@code text}, {@code collection}) and those of running plugins.
     *
     * @param kind        its name, as works carry it ({@code <pluginId>:<id>} for a plugin's)
     * @param name        shown to people (English; the browser translates the core's)
     * @param description one or two sentences
     * @param plugin      the plugin that provides it, or null for a core kind
     * @param module      the address of the ES module that displays and edits it, or null for a core kind
     * @param element     the custom element that module defines, or null
     * @param schema      the JSON Schema of its content, or null for a core kind
     */
    public record WorkKindView(String kind, String name, String description, String plugin, String module,
                               String element, jakarta.json.JsonObject schema) {
    }

    /** The kinds of work people can make now. */
    public record WorkKindList(List<WorkKindView> kinds) {
    }
}
