package org.creativecities.plugin.api;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A browser UI contribution of a plugin (since API 1.2): an ES module in the jar's {@code ui/} folder that
 * defines a custom element. The core serves the module at {@code /plugins/{pluginId}/ui/...} while the plugin
 * runs, and the browser loads it only when it is needed: for a room of a kind that declares it (see
 * {@link RoomKindDescriptor#ui()}) or for the plugin's page of a city ({@link ModuleInfo#page()}).
 *
 * <p>The host checks at start that the module exists in the jar; a missing file fails the start.
 *
 * @param module  the path of the ES module inside the jar, under {@code ui/} and ending in {@code .js} or
 *                {@code .mjs}, e.g. {@code ui/watch-party.js}; no {@code ..}, hidden names or backslashes
 * @param element the custom element the module defines, e.g. {@code ccc-film-watch-party}: lower-case
 *                letters, digits and dashes, starting with a letter and containing a dash
 * @since 1.2.0
 */
public record UiModule(String module, String element) {

    private static final Pattern MODULE = Pattern.compile("ui(/[A-Za-z0-9_][A-Za-z0-9_.-]*)+\\.m?js");
    private static final Pattern ELEMENT = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)+");

    public UiModule {
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(element, "element");
        if (!MODULE.matcher(module).matches() || module.contains("..")) {
            throw new IllegalArgumentException("UI module '" + module
                    + "' must be a .js or .mjs path inside the jar's ui/ folder, e.g. ui/page.js");
        }
        if (!ELEMENT.matcher(element).matches() || element.length() > 100) {
            throw new IllegalArgumentException("UI element '" + element
                    + "' must be a custom element name: lower-case letters, digits and dashes, with a dash");
        }
    }

    /** The address the core serves the module at for the given plugin, e.g. {@code /plugins/film/ui/page.js}. */
    public String url(String pluginId) {
        return "/plugins/" + pluginId + "/" + module;
    }
}
