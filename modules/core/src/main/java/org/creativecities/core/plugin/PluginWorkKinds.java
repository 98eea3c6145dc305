package org.creativecities.core.plugin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.creativecities.plugin.api.MessageBundles;
import org.creativecities.plugin.api.ModuleInfo;
import org.creativecities.plugin.api.WorkKindDescriptor;

/**
 * The structured work kinds of the running plugins (API 1.3), for the works context: which kinds exist now, and
 * whether a content conforms to its kind's JSON Schema. A kind is named {@code <pluginId>:<id>}; it exists while
 * its plugin runs. Schemas are read from the plugin's jar and compiled once per plugin version (the start already
 * proved them usable, see {@link #problems}).
 */
@ApplicationScoped
public class PluginWorkKinds {

    /**
     * A work kind as the works context and the browser see it.
     *
     * @param kind        the full name, {@code <pluginId>:<id>}
     * @param pluginId    the plugin that provides it
     * @param name        shown to people
     * @param description one or two sentences
     * @param module      the address of the ES module that displays and edits it
     * @param element     the custom element that module defines
     * @param schema      the JSON Schema of its content
     */
    public record WorkKindInfo(String kind, String pluginId, String name, String description, String module,
                               String element, JsonObject schema) {
    }

    /**
     * One reason a content does not conform to its kind's schema.
     *
     * @param pointer the JSON Pointer of the offending part of the content ({@code ""} for the whole)
     * @param message what the schema expected there
     */
    public record Violation(String pointer, String message) {
    }

    /** A kind that no running plugin provides now; its works can be read but not changed. */
    public static final class KindNotRunning extends RuntimeException {

        private static final long serialVersionUID = 1L;

        KindNotRunning(String kind) {
            super("The kind '" + kind + "' is not provided by a running plugin.", null, false, false);
        }
    }

    @Inject
    private PluginRegistry registry;

    @Inject
    private PluginTexts texts;

    /** Compiled schemas per start of a plugin: its id and its module instance's identity, then the kind's id. */
    private final ConcurrentMap<String, WorkKindSchema> schemas = new ConcurrentHashMap<>();

    /** Whether a kind's name is a plugin's ({@code <pluginId>:<id>}) rather than a core kind. */
    public static boolean isPluginKind(String kind) {
        return kind != null && kind.indexOf(':') > 0;
    }

    /** The kinds of every running plugin, by name, named in English (or as the plugin declares them). */
    public List<WorkKindInfo> running() {
        return running(null, null);
    }

    /**
     * The kinds of every running plugin, by name, named in the caller's language from the plugin's message bundles
     * ({@code workKind.<id>.name}), falling back to English, then to what the plugin declares.
     *
     * @param lang           the {@code lang} query parameter, or null
     * @param acceptLanguage the {@code Accept-Language} header, or null
     */
    public List<WorkKindInfo> running(String lang, String acceptLanguage) {
        RequestedLanguages wanted = RequestedLanguages.of(lang, acceptLanguage);
        List<WorkKindInfo> all = new ArrayList<>();
        for (PluginRuntime rt : registry.runningPlugins()) {
            PluginTexts.Texts t = texts.of(rt.pluginId(), wanted);
            for (WorkKindDescriptor d : rt.info().workKinds()) {
                WorkKindInfo info = info(rt, d);
                all.add(new WorkKindInfo(info.kind(), info.pluginId(),
                        t.text(MessageBundles.workKindName(d.id()), d.name()),
                        t.text(MessageBundles.workKindDescription(d.id()), d.description()), info.module(),
                        info.element(), info.schema()));
            }
        }
        all.sort(Comparator.comparing(WorkKindInfo::kind));
        return List.copyOf(all);
    }

    /** A running plugin's kind by its full name. */
    public Optional<WorkKindInfo> find(String kind) {
        return runtime(kind).map(r -> info(r.runtime(), r.descriptor()));
    }

    /**
     * The reasons a content does not conform to its kind's schema; empty when it conforms.
     *
     * @throws KindNotRunning when no running plugin provides the kind
     */
    public List<Violation> check(String kind, JsonValue content) {
        Resolved r = runtime(kind).orElseThrow(() -> new KindNotRunning(kind));
        return schema(r.runtime(), r.descriptor()).check(content);
    }

    /**
     * What is wrong with the work kinds a plugin declares, read from its jar; checked before it starts, so that a
     * plugin whose schema is missing or invalid fails its start instead of failing every save.
     */
    static List<String> problems(String pluginId, ModuleInfo info, Path jar) {
        List<String> problems = new ArrayList<>();
        for (WorkKindDescriptor d : info.workKinds()) {
            try {
                WorkKindSchema.read(jar, d.schema(), d.qualifiedId(pluginId));
            } catch (WorkKindSchema.InvalidWorkKindSchema e) {
                problems.add("work kind '" + d.id() + "': " + e.getMessage());
            }
        }
        return problems;
    }

    private WorkKindInfo info(PluginRuntime rt, WorkKindDescriptor d) {
        return new WorkKindInfo(d.qualifiedId(rt.pluginId()), rt.pluginId(), d.name(), d.description(),
                d.ui().url(rt.pluginId()), d.ui().element(), schema(rt, d).schema());
    }

    private WorkKindSchema schema(PluginRuntime rt, WorkKindDescriptor d) {
        String start = rt.pluginId() + "#" + System.identityHashCode(rt.module()) + "/";
        WorkKindSchema known = schemas.get(start + d.id());
        if (known != null) {
            return known;
        }
        schemas.keySet().removeIf(k -> k.startsWith(rt.pluginId() + "#") && !k.startsWith(start));
        return schemas.computeIfAbsent(start + d.id(), k -> WorkKindSchema.read(rt.jar(), d.schema(),
                d.qualifiedId(rt.pluginId())));
    }

    private Optional<Resolved> runtime(String kind) {
        if (!isPluginKind(kind)) {
            return Optional.empty();
        }
        int colon = kind.indexOf(':');
        String pluginId = kind.substring(0, colon);
        String id = kind.substring(colon + 1);
        return registry.running(pluginId)
                .flatMap(rt -> rt.info().workKind(id).map(d -> new Resolved(rt, d)));
    }

    private record Resolved(PluginRuntime runtime, WorkKindDescriptor descriptor) {
    }
}
