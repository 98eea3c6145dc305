package org.creativecities.plugin.api;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A structured kind of work a plugin provides (since API 1.3): a recipe, a playlist, a story in chapters. The core
 * stores, versions, diffs, licenses, forks, exports and searches works of every kind alike; the plugin contributes
 * only what is particular to its kind:
 * <ul>
 *   <li>a <b>JSON Schema</b> (draft 2020-12) of the work's content, a file in the jar. The content of every version
 *       is a JSON object that the core checks against it on every save, and refuses with the schema's own reasons
 *       (as {@code application/problem+json}) when it does not conform. The core checks the schema itself when the
 *       plugin starts: a missing, oversized (over 64 KiB) or invalid schema fails the start. Only the schema
 *       dialect's own meta-schemas resolve: a {@code $ref} to anything outside the file is refused, never
 *       fetched.</li>
 *   <li>a <b>UI module</b> whose custom element displays the content and, for authors, edits it (see the plugin
 *       guide, "Work kinds", for the element's properties and events).</li>
 * </ul>
 * The kind's full name, the one works and the API carry, is {@code <pluginId>:<id>} (for example
 * {@code gastronomy:recipe}). When the plugin is stopped, its works stay readable (their content is JSON, shown
 * as an outline), but none can be created or changed until it runs again.
 *
 * @param id          unique within the plugin, lower-case letters, digits and dashes, e.g. {@code recipe}
 * @param name        shown to people, e.g. "Recipe"
 * @param description one or two sentences
 * @param schema      the path of the JSON Schema in the jar, e.g. {@code schemas/recipe.json}: no leading slash,
 *                    no {@code ..}, ending in {@code .json}
 * @param ui          the browser element that displays and edits a work of this kind
 * @since 1.3.0
 */
public record WorkKindDescriptor(String id, String name, String description, String schema, UiModule ui) {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final Pattern SCHEMA = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*(/[A-Za-z0-9_][A-Za-z0-9_.-]*)*"
            + "\\.json");

    public WorkKindDescriptor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(ui, "ui");
        description = description == null ? "" : description;
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("work kind id '" + id
                    + "' must be lower-case letters, digits and dashes (at most 64)");
        }
        if (name.isBlank() || name.length() > 100) {
            throw new IllegalArgumentException("work kind '" + id + "' needs a name of 1 to 100 characters");
        }
        if (!SCHEMA.matcher(schema).matches() || schema.contains("..") || schema.length() > 200) {
            throw new IllegalArgumentException("work kind '" + id + "': schema '" + schema
                    + "' must be a .json path inside the jar, e.g. schemas/recipe.json");
        }
    }

    /** The kind's full name for the given plugin, as works carry it, e.g. {@code gastronomy:recipe}. */
    public String qualifiedId(String pluginId) {
        return pluginId + ":" + id;
    }
}
