package org.creativecities.plugin.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.creativecities.plugin.api.MessageBundles;
import org.creativecities.plugin.api.ModuleInfo;

/**
 * A plugin's message bundles ({@code i18n/messages_<language>.properties} on its class path), read and checked the
 * way the core checks them when it installs the plugin: every entry well formed, everything the module declares
 * named in every language, and every language translating the same keys.
 *
 * <pre>{@code
 * TestBundles bundles = TestBundles.load(MyModule.class, "en", "fr");
 * assertEquals(List.of(), bundles.problems(new MyModule().info()));
 * assertEquals("Séance partagée", bundles.text("fr", MessageBundles.roomKindName(WatchParty.ID)));
 * }</pre>
 */
public final class TestBundles {

    private final Map<String, Map<String, String>> bundles;
    private final List<String> entryProblems;

    private TestBundles(Map<String, Map<String, String>> bundles, List<String> entryProblems) {
        this.bundles = bundles;
        this.entryProblems = entryProblems;
    }

    /**
     * Reads the bundles of the given languages from the class path of {@code anchor}.
     *
     * @throws IllegalStateException if a language has no bundle
     */
    public static TestBundles load(Class<?> anchor, String... languages) {
        Map<String, Map<String, String>> read = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        for (String language : languages) {
            String resource = "/i18n/messages_" + language + ".properties";
            try (InputStream in = anchor.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("no " + language + " bundle at " + resource);
                }
                Map<String, String> entries = MessageBundles.parse(in.readAllBytes());
                problems.addAll(MessageBundles.checkEntries(language, entries));
                read.put(language, entries);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new TestBundles(read, problems);
    }

    /**
     * What the core would refuse or flag for these bundles and this module, empty when all is well: malformed
     * entries, a declared setting, room kind or work kind left unnamed, a key one language has and another lacks.
     */
    public List<String> problems(ModuleInfo info) {
        List<String> problems = new ArrayList<>(entryProblems);
        problems.addAll(MessageBundles.checkComplete(info, bundles));
        Map.Entry<String, Map<String, String>> first = bundles.entrySet().iterator().next();
        bundles.forEach((language, entries) -> {
            if (!entries.keySet().equals(first.getValue().keySet())) {
                problems.add(language + " does not translate the same keys as " + first.getKey());
            }
        });
        return problems;
    }

    /** One text of one language's bundle, or {@code null} if it has none. */
    public String text(String language, String key) {
        return bundles.getOrDefault(language, Map.of()).get(key);
    }
}
