package org.creativecities.core.openapi;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.creativecities.core.plugin.PluginRouteCatalogue.PluginRoutes;
import org.creativecities.core.plugin.PluginRoutesOpenApiFilter;
import org.creativecities.plugin.api.http.Routes;

/**
 * Adds the running plugins' own routes to the served OpenAPI document: each route of a plugin's {@link Routes}
 * table becomes two concrete paths, {@code /api/plugins/<id><template>} and
 * {@code /api/plugins/<id>/cities/{citySlug}<template>} (the dispatcher serves both), tagged with the plugin's
 * name, with the template's path parameters declared, the plugin's summary and description, and the answers of the
 * generic plugin-route operation of the same method (written by {@link PluginRoutesOpenApiFilter} and completed
 * by {@link StandardResponses}: problem documents, 404, 413, 415, 502, 504), which stay in the document as the
 * rule for every plugin. Each concrete operation carries {@value #PLUGIN} naming its plugin.
 */
final class PluginPaths {

    /** Operation extension naming the plugin whose route the operation is. */
    static final String PLUGIN = "x-ccc-plugin";

    private static final JsonBuilderFactory JSON = Json.createBuilderFactory(null);
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");
    private static final String CITY = "citySlug";

    private PluginPaths() {
    }

    /** The document with the plugins' paths and tags added; the document itself if it lacks the generic paths. */
    static JsonObject merge(JsonObject document, List<PluginRoutes> plugins) {
        JsonObject paths = document.getJsonObject("paths");
        if (paths == null || !paths.containsKey(PluginRoutesOpenApiFilter.NETWORK)
                || !paths.containsKey(PluginRoutesOpenApiFilter.IN_CITY) || plugins.isEmpty()) {
            return document;
        }
        Map<String, JsonObjectBuilder> added = new LinkedHashMap<>();
        Set<String> operationIds = new HashSet<>();
        paths.values().forEach(item -> item.asJsonObject().values().stream()
                .filter(v -> v.getValueType() == JsonValue.ValueType.OBJECT)
                .map(v -> v.asJsonObject().getString("operationId", "")).forEach(operationIds::add));
        JsonArrayBuilder tags = JSON.createArrayBuilder(document.getJsonArray("tags") == null ? JsonValue.EMPTY_JSON_ARRAY
                : document.getJsonArray("tags"));
        Set<String> tagNames = new HashSet<>();
        if (document.getJsonArray("tags") != null) {
            document.getJsonArray("tags").getValuesAs(JsonObject.class).forEach(t -> tagNames.add(t.getString("name", "")));
        }
        for (PluginRoutes plugin : plugins) {
            if (plugin.routes().isEmpty()) {
                continue;
            }
            if (tagNames.add(plugin.name())) {
                tags.add(JSON.createObjectBuilder().add("name", plugin.name()).add("description",
                        plugin.description() + " (routes of the plugin '" + plugin.pluginId() + "')"));
            }
            for (Routes.Route route : plugin.routes()) {
                String method = route.method().toLowerCase(Locale.ROOT);
                if (!METHODS.contains(method)) {
                    continue;
                }
                String tail = route.template().equals("/") ? "" : route.template();
                add(added, paths, operationIds, plugin, route, method, "/api/plugins/" + plugin.pluginId() + tail, false);
                if (!route.pathParameters().contains(CITY)) {
                    add(added, paths, operationIds, plugin, route, method,
                            "/api/plugins/" + plugin.pluginId() + "/cities/{" + CITY + "}" + tail, true);
                }
            }
        }
        if (added.isEmpty()) {
            return document;
        }
        JsonObjectBuilder allPaths = JSON.createObjectBuilder(paths);
        added.forEach(allPaths::add);
        return JSON.createObjectBuilder(document).add("paths", allPaths).add("tags", tags).build();
    }

    private static void add(Map<String, JsonObjectBuilder> added, JsonObject paths, Set<String> operationIds,
                            PluginRoutes plugin, Routes.Route route, String method, String path, boolean inCity) {
        if (paths.containsKey(path)) {
            return;
        }
        JsonObject generic = paths.getJsonObject(inCity ? PluginRoutesOpenApiFilter.IN_CITY
                : PluginRoutesOpenApiFilter.NETWORK);
        JsonObject genericOperation = generic.getJsonObject(method);
        JsonObjectBuilder item = added.get(path);
        if (item == null) {
            item = JSON.createObjectBuilder().add("parameters", parameters(generic, route, inCity));
            added.put(path, item);
        }
        JsonObjectBuilder operation = JSON.createObjectBuilder(genericOperation)
                .add("operationId", operationId(operationIds, plugin.pluginId(), method, route.template(), inCity))
                .add("summary", route.summary().orElse(route.method() + " " + route.template()))
                .add("description", route.description().map(d -> d + "\n\n").orElse("")
                        + "A route of the plugin '" + plugin.pluginId() + "' (" + plugin.name() + "), answered by it "
                        + (inCity ? "in the city named by citySlug, where the plugin is enabled" : "network-wide")
                        + " while it runs; otherwise 404.")
                .add("tags", JSON.createArrayBuilder().add(plugin.name()))
                .add(PLUGIN, plugin.pluginId());
        item.add(method, operation);
    }

    private static JsonArray parameters(JsonObject generic, Routes.Route route, boolean inCity) {
        JsonArrayBuilder parameters = JSON.createArrayBuilder();
        if (inCity) {
            generic.getJsonArray("parameters").getValuesAs(JsonObject.class).stream()
                    .filter(p -> CITY.equals(p.getString("name", ""))).forEach(parameters::add);
        }
        for (String name : route.pathParameters()) {
            parameters.add(JSON.createObjectBuilder().add("name", name).add("in", "path").add("required", true)
                    .add("description", "The route's {" + name + "}")
                    .add("schema", JSON.createObjectBuilder().add("type", "string").add("minLength", 1)));
        }
        return parameters.build();
    }

    /** {@code pluginFilmGetScreeningsId} (and {@code …InCity}); a number is added if two routes would clash. */
    private static String operationId(Set<String> taken, String pluginId, String method, String template,
                                      boolean inCity) {
        StringBuilder id = new StringBuilder("plugin");
        for (String word : (pluginId + " " + method + " " + template).split("[^A-Za-z0-9]+")) {
            id.append(capitalised(word));
        }
        if (inCity) {
            id.append("InCity");
        }
        String candidate = id.toString();
        for (int n = 2; !taken.add(candidate); n++) {
            candidate = id.toString() + n;
        }
        return candidate;
    }

    private static String capitalised(String word) {
        return word.isEmpty() ? "" : Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
