package org.creativecities.core.plugin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.creativecities.core.plugin.PluginDtos.ModuleSnapshot;
import org.creativecities.core.plugin.PluginDtos.PluginView;
import org.creativecities.core.plugin.PluginDtos.RoomKindView;
import org.creativecities.core.plugin.PluginDtos.SettingSchema;
import org.creativecities.plugin.api.MessageBundles;
import org.creativecities.plugin.api.SettingDefinition;

/**
 * What people read about a plugin, in their language: its name and description, its settings' labels and help,
 * its room kinds' names, from the message bundles in its jar ({@link MessageBundles}). Each text falls back from
 * the requested languages to English, then to what the plugin's {@code ModuleInfo} says; a setting's label falls
 * back to its key made readable ("max-drift-ms" → "Max drift ms"), so no raw key is ever shown.
 *
 * <p>Bundles are read once per jar file (its path, size and time) and kept until the jar changes.
 */
@ApplicationScoped
public class PluginTexts {

    private static final Logger LOG = Logger.getLogger(PluginTexts.class.getName());

    @Inject
    private PluginRegistry registry;

    /** The bundles read from one jar file, and which file they came from. */
    private record Read(Path jar, long size, long modified, Map<String, Map<String, String>> bundles) {
    }

    private final Map<String, Read> cache = new ConcurrentHashMap<>();

    /** One plugin's texts in the requested languages. */
    public final class Texts {
        private final Map<String, Map<String, String>> bundles;
        private final RequestedLanguages wanted;

        private Texts(Map<String, Map<String, String>> bundles, RequestedLanguages wanted) {
            this.bundles = bundles;
            this.wanted = wanted;
        }

        /** The bundle text for the key in the first requested language that has it, else English, else fallback. */
        public String text(String key, String fallback) {
            for (String language : wanted.languages()) {
                String found = bundles.getOrDefault(language, Map.of()).get(key);
                if (found != null) {
                    return found;
                }
            }
            return bundles.getOrDefault(MessageBundles.ENGLISH, Map.of()).getOrDefault(key, fallback);
        }

        public String name(String fallback) {
            return text(MessageBundles.moduleName(), fallback);
        }

        public String description(String fallback) {
            return text(MessageBundles.moduleDescription(), fallback);
        }

        public String label(SettingDefinition d) {
            return text(MessageBundles.settingLabel(d.key()), readable(d.key()));
        }

        public String help(SettingDefinition d) {
            return text(MessageBundles.settingHelp(d.key()), d.description());
        }

        public RoomKindView roomKind(String id, String name, String description) {
            return new RoomKindView(id, text(MessageBundles.roomKindName(id), name),
                    text(MessageBundles.roomKindDescription(id), description));
        }

        /** The languages the plugin has bundles for. */
        public List<String> languages() {
            return bundles.keySet().stream().sorted().toList();
        }
    }

    /** A plugin's texts; a plugin that is not loaded, or has no bundles, has its {@code ModuleInfo} texts only. */
    public Texts of(String pluginId, RequestedLanguages wanted) {
        return new Texts(bundles(pluginId), wanted);
    }

    /** An administrator's view of a plugin with its module's texts in the requested languages. */
    PluginView localize(PluginView view, RequestedLanguages wanted) {
        ModuleSnapshot m = view.module();
        if (m == null) {
            return view;
        }
        Texts t = of(view.id(), wanted);
        ModuleSnapshot localized = new ModuleSnapshot(t.name(m.name()), t.description(m.description()), m.icon(),
                m.fields(), m.roomKinds().stream().map(k -> t.roomKind(k.id(), k.name(), k.description())).toList(),
                m.permissions(), m.settings().stream().map(s -> s.withTexts(t.label(s.definition()),
                        t.help(s.definition()))).toList(), m.uiModule(), m.workKinds(), t.languages());
        return new PluginView(view.id(), view.version(), view.description(), view.provider(), view.requires(),
                view.apiVersion(), view.dependencies(), view.state(), view.health(), view.recentFailures(),
                view.lastError(), view.lastErrorAt(), view.disabledReason(), view.disabledAt(), view.networkWide(),
                view.cities(), view.suspendedIn(), localized, view.stoppedDependents());
    }

    /** A setting key made readable: words split at capitals, dashes, dots and underscores; the first capitalised. */
    static String readable(String key) {
        String words = key.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replaceAll("[-_.]+", " ").trim()
                .toLowerCase(Locale.ROOT);
        return words.isEmpty() ? key : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private Map<String, Map<String, String>> bundles(String pluginId) {
        Optional<Path> jar = registry.running(pluginId).map(PluginRuntime::jar)
                .or(() -> registry.installedJar(pluginId));
        if (jar.isEmpty() || !Files.isRegularFile(jar.get())) {
            cache.remove(pluginId);
            return Map.of();
        }
        try {
            long size = Files.size(jar.get());
            long modified = Files.getLastModifiedTime(jar.get()).toMillis();
            Read read = cache.get(pluginId);
            if (read == null || !read.jar().equals(jar.get()) || read.size() != size || read.modified() != modified) {
                read = new Read(jar.get(), size, modified, readQuietly(pluginId, jar.get()));
                cache.put(pluginId, read);
            }
            return read.bundles();
        } catch (IOException e) {
            LOG.log(Level.FINE, "Cannot look at the jar of plugin " + pluginId, e);
            return Map.of();
        }
    }

    private static Map<String, Map<String, String>> readQuietly(String pluginId, Path jar) {
        try {
            return Map.copyOf(PluginMessageBundles.read(jar));
        } catch (PluginMessageBundles.InvalidBundles e) {
            LOG.warning(() -> "Plugin " + pluginId + " has invalid message bundles, shown without them: "
                    + e.getMessage());
            return Map.of();
        }
    }
}
