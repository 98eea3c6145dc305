package org.creativecities.core.plugin;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.logging.Logger;
import org.creativecities.plugin.api.MessageBundles;
import org.creativecities.plugin.api.ModuleInfo;
import org.pf4j.DefaultVersionManager;

/**
 * Reads a plugin jar's message bundles ({@link MessageBundles}: {@code i18n/messages_<lang>.properties}) from the
 * jar file itself, never through a class loader, reading at most {@link MessageBundles#MAX_FILE_BYTES} bytes of
 * each and at most {@link MessageBundles#MAX_LANGUAGES} files. Nothing in a bundle is run or resolved.
 */
final class PluginMessageBundles {

    private static final Logger LOG = Logger.getLogger(PluginMessageBundles.class.getName());

    /** The newest plugin API a plugin can be built for and still start without complete bundles. */
    private static final String LAST_LENIENT_API = "1.2.999";

    private PluginMessageBundles() {
    }

    /** A jar whose bundles are unreadable or malformed; the message lists every problem. */
    static final class InvalidBundles extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        InvalidBundles(List<String> problems) {
            super(String.join("; ", problems));
        }
    }

    /**
     * The bundles of a jar, by language.
     *
     * @throws InvalidBundles if a bundle is too large, not UTF-8, malformed, misnamed or has bad entries, or there
     *                        are too many
     */
    static Map<String, Map<String, String>> read(Path jar) {
        Map<String, Map<String, String>> bundles = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            Enumeration<JarEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                JarEntry entry = entries.nextElement();
                if (entry.isDirectory() || !MessageBundles.looksLikeBundle(entry.getName())) {
                    continue;
                }
                Optional<String> language = MessageBundles.language(entry.getName());
                if (language.isEmpty()) {
                    problems.add(entry.getName() + " is not named i18n/messages_<language>.properties with a "
                            + "lower-case language code such as en or fr");
                    continue;
                }
                if (bundles.size() == MessageBundles.MAX_LANGUAGES) {
                    problems.add("it has more than " + MessageBundles.MAX_LANGUAGES + " message bundles");
                    break;
                }
                try {
                    Map<String, String> parsed = MessageBundles.parse(bounded(file, entry));
                    problems.addAll(MessageBundles.checkEntries(language.get(), parsed));
                    bundles.put(language.get(), Map.copyOf(parsed));
                } catch (IllegalArgumentException e) {
                    problems.add(entry.getName() + " " + e.getMessage());
                }
            }
        } catch (IOException e) {
            problems.add("its message bundles cannot be read: " + e.getMessage());
        }
        if (!problems.isEmpty()) {
            throw new InvalidBundles(problems);
        }
        return bundles;
    }

    /**
     * What keeps a plugin from starting because of its bundles: for a plugin built for API 1.3 or later, anything
     * {@link MessageBundles#checkComplete} finds; for an older plugin nothing (what is missing is logged), so
     * that 1.2 plugins start unchanged.
     */
    static List<String> startProblems(ModuleInfo info, Path jar) {
        Map<String, Map<String, String>> bundles;
        try {
            bundles = read(jar);
        } catch (InvalidBundles e) {
            return List.of("its message bundles are invalid: " + e.getMessage());
        }
        List<String> incomplete = MessageBundles.checkComplete(info, bundles);
        if (incomplete.isEmpty()) {
            return List.of();
        }
        if (requiresApi13(jar)) {
            return incomplete.stream().map(p -> "message bundles: " + p).toList();
        }
        LOG.info(() -> "Plugin " + jar.getFileName() + " (built for an API before 1.3) has incomplete message "
                + "bundles; its texts fall back to English and its own description: " + String.join("; ", incomplete));
        return List.of();
    }

    /** Whether the jar's {@code Plugin-Requires} range excludes every API before 1.3. */
    static boolean requiresApi13(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            String range = manifest == null ? null : manifest.getMainAttributes().getValue("Plugin-Requires");
            if (range == null || range.isBlank() || "*".equals(range.trim())) {
                return false;
            }
            String r = range.trim().matches("^\\d+\\.\\d+\\.\\d+$") ? ">=" + range.trim() : range.trim();
            return !new DefaultVersionManager().checkVersionConstraint(LAST_LENIENT_API, r);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static byte[] bounded(JarFile file, JarEntry entry) throws IOException {
        try (InputStream in = file.getInputStream(entry)) {
            byte[] bytes = in.readNBytes(MessageBundles.MAX_FILE_BYTES + 1);
            if (bytes.length > MessageBundles.MAX_FILE_BYTES) {
                throw new IllegalArgumentException("is larger than " + MessageBundles.MAX_FILE_BYTES + " bytes");
            }
            return bytes;
        }
    }
}
