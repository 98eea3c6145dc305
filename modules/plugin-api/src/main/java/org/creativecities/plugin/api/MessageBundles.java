package org.creativecities.plugin.api;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The convention and the rules for a plugin's message bundles: the texts the host shows about a plugin (its name
 * and description, its settings' labels and help, its room kinds' names and descriptions) in each language.
 *
 * <p>A bundle is a UTF-8 Java properties file in the jar, {@code i18n/messages_<language>.properties}, where
 * {@code <language>} is a lower-case ISO 639 code ({@code en}, {@code fr}). English ({@code messages_en.properties})
 * is the fallback of every other language, and the {@link ModuleInfo} texts are the fallback of English. Its keys:
 * <ul>
 * <li>{@code module.name}, {@code module.description};</li>
 * <li>{@code setting.<key>.label}, {@code setting.<key>.help} for each setting of {@link ModuleInfo#settings()};</li>
 * <li>{@code roomKind.<id>.name}, {@code roomKind.<id>.description} for each of {@link ModuleInfo#roomKinds()};</li>
 * <li>{@code workKind.<id>.name}, {@code workKind.<id>.description} for each of {@link ModuleInfo#workKinds()}.</li>
 * </ul>
 * Names and labels are one line of at most {@value #MAX_NAME} characters; descriptions and help at most
 * {@value #MAX_TEXT}. A file is at most {@value #MAX_FILE_BYTES} bytes and {@value #MAX_ENTRIES} entries; a jar
 * has at most {@value #MAX_LANGUAGES} bundles. The host checks the bundles when a jar is installed or loaded
 * ({@link #parse}, {@link #checkEntries}: a bad bundle refuses the jar) and when the plugin starts
 * ({@link #checkComplete}: enforced for plugins that require API 1.3 or later, so 1.2 plugins start unchanged).
 * The plugin's own browser UI keeps its catalogues in its {@code ui/} folder; these bundles are for the host.
 *
 * <p>Pure functions, safe from any thread; plugins can call them in their unit tests.
 *
 * @since 1.3.0
 */
public final class MessageBundles {

    /** The folder of the bundles inside the jar. */
    public static final String FOLDER = "i18n/";

    /** The language every bundle falls back to, and the one a 1.3 plugin must provide. */
    public static final String ENGLISH = "en";

    /** The largest bundle file, in bytes. */
    public static final int MAX_FILE_BYTES = 64 * 1024;

    /** The most entries in one bundle. */
    public static final int MAX_ENTRIES = 1000;

    /** The most bundles (languages) in one jar. */
    public static final int MAX_LANGUAGES = 32;

    /** The longest name or label, in characters. */
    public static final int MAX_NAME = 200;

    /** The longest description or help text, in characters. */
    public static final int MAX_TEXT = 2000;

    private static final Pattern FILE = Pattern.compile("i18n/messages_([a-z]{2,3})\\.properties");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");
    private static final Pattern KEY = Pattern.compile(
            "module\\.(name|description)|setting\\.(.+)\\.(label|help)|roomKind\\.(.+)\\.(name|description)"
            + "|workKind\\.(.+)\\.(name|description)");

    private MessageBundles() {
    }

    /** The key of the plugin's display name. */
    public static String moduleName() {
        return "module.name";
    }

    /** The key of the plugin's description. */
    public static String moduleDescription() {
        return "module.description";
    }

    /** The key of a setting's label. */
    public static String settingLabel(String settingKey) {
        return "setting." + settingKey + ".label";
    }

    /** The key of a setting's help text. */
    public static String settingHelp(String settingKey) {
        return "setting." + settingKey + ".help";
    }

    /** The key of a room kind's name. */
    public static String roomKindName(String kindId) {
        return "roomKind." + kindId + ".name";
    }

    /** The key of a room kind's description. */
    public static String roomKindDescription(String kindId) {
        return "roomKind." + kindId + ".description";
    }

    /** The key of a work kind's name. */
    public static String workKindName(String kindId) {
        return "workKind." + kindId + ".name";
    }

    /** The key of a work kind's description. */
    public static String workKindDescription(String kindId) {
        return "workKind." + kindId + ".description";
    }

    /** Whether a text is a language code as bundles are named: two or three lower-case letters. */
    public static boolean isLanguage(String code) {
        return code != null && LANGUAGE.matcher(code).matches();
    }

    /**
     * The language of a jar entry if it is a bundle, e.g. {@code fr} for {@code i18n/messages_fr.properties}.
     *
     * @return empty for any other entry
     */
    public static Optional<String> language(String entryName) {
        Matcher m = FILE.matcher(entryName);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** Whether a jar entry sits where bundles go and is named like one, whatever its language part. */
    public static boolean looksLikeBundle(String entryName) {
        return entryName.startsWith(FOLDER + "messages") && entryName.endsWith(".properties");
    }

    /**
     * Reads a bundle's bytes: strict UTF-8, properties syntax; nothing in it is run or resolved.
     *
     * @return the entries, by key
     * @throws IllegalArgumentException if it is too large, not UTF-8, or has a malformed escape
     */
    public static Map<String, String> parse(byte[] content) {
        if (content.length > MAX_FILE_BYTES) {
            throw new IllegalArgumentException("is larger than " + MAX_FILE_BYTES + " bytes");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("is not UTF-8 text");
        }
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(text));
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("is not a properties file (a malformed \\uXXXX escape?)");
        }
        Map<String, String> entries = new TreeMap<>();
        properties.stringPropertyNames().forEach(k -> entries.put(k, properties.getProperty(k)));
        return entries;
    }

    /**
     * Checks one bundle's entries on their own: how many, known key shapes, and texts of a sensible size without
     * control characters.
     *
     * @return the problems, one sentence each; empty when the bundle is sound
     */
    public static List<String> checkEntries(String language, Map<String, String> entries) {
        List<String> problems = new ArrayList<>();
        String where = "bundle '" + language + "'";
        if (entries.size() > MAX_ENTRIES) {
            problems.add(where + " has more than " + MAX_ENTRIES + " entries");
            return problems;
        }
        entries.forEach((key, value) -> {
            Matcher m = KEY.matcher(key);
            if (!m.matches()) {
                problems.add(where + " has key '" + shorten(key) + "', which is none of module.name, "
                        + "module.description, setting.<key>.label|help, roomKind.<id>.name|description, "
                        + "workKind.<id>.name|description");
                return;
            }
            boolean oneLine = key.equals(moduleName()) || "label".equals(m.group(3)) || "name".equals(m.group(5))
                    || "name".equals(m.group(7));
            int max = oneLine ? MAX_NAME : MAX_TEXT;
            if (value.isBlank()) {
                problems.add(where + " has an empty text for '" + key + "'");
            } else if (value.length() > max) {
                problems.add(where + " has a text longer than " + max + " characters for '" + key + "'");
            } else if (value.chars().anyMatch(c -> Character.isISOControl(c) && (oneLine || c != '\n'))) {
                problems.add(where + " has a control character" + (oneLine ? " or line break" : "") + " in '"
                        + key + "'");
            }
        });
        return problems;
    }

    /**
     * Checks a plugin's bundles against what it declares, as the host does when a plugin built for API 1.3 or
     * later starts: an English bundle with the plugin's name, a label for every setting and a name for every room
     * kind and work kind, and no key for a setting or kind the plugin does not declare (a typo would otherwise go
     * unseen).
     *
     * @param bundles the entries of each bundle, by language
     * @return the problems, one sentence each; empty when the bundles are complete
     */
    public static List<String> checkComplete(ModuleInfo info, Map<String, Map<String, String>> bundles) {
        List<String> problems = new ArrayList<>();
        Map<String, String> english = bundles.get(ENGLISH);
        if (english == null) {
            problems.add("it has no English message bundle (" + FOLDER + "messages_en.properties)");
            return problems;
        }
        if (!english.containsKey(moduleName())) {
            problems.add("its English bundle has no module.name");
        }
        info.settings().forEach(s -> {
            if (!english.containsKey(settingLabel(s.key()))) {
                problems.add("its English bundle has no label for setting '" + s.key() + "' ("
                        + settingLabel(s.key()) + ")");
            }
        });
        info.roomKinds().forEach(k -> {
            if (!english.containsKey(roomKindName(k.id()))) {
                problems.add("its English bundle has no name for room kind '" + k.id() + "' ("
                        + roomKindName(k.id()) + ")");
            }
        });
        info.workKinds().forEach(k -> {
            if (!english.containsKey(workKindName(k.id()))) {
                problems.add("its English bundle has no name for work kind '" + k.id() + "' ("
                        + workKindName(k.id()) + ")");
            }
        });
        Set<String> settings = info.settings().stream().map(SettingDefinition::key).collect(Collectors.toSet());
        Set<String> kinds = info.roomKinds().stream().map(RoomKindDescriptor::id).collect(Collectors.toSet());
        Set<String> workKinds = info.workKinds().stream().map(WorkKindDescriptor::id).collect(Collectors.toSet());
        new TreeMap<>(bundles).forEach((language, entries) -> entries.keySet().forEach(key -> {
            Matcher m = KEY.matcher(key);
            if (m.matches() && m.group(2) != null && !settings.contains(m.group(2))) {
                problems.add("bundle '" + language + "' names setting '" + m.group(2) + "', which is not declared");
            } else if (m.matches() && m.group(4) != null && !kinds.contains(m.group(4))) {
                problems.add("bundle '" + language + "' names room kind '" + m.group(4) + "', which is not declared");
            } else if (m.matches() && m.group(6) != null && !workKinds.contains(m.group(6))) {
                problems.add("bundle '" + language + "' names work kind '" + m.group(6) + "', which is not declared");
            }
        }));
        return problems;
    }

    private static String shorten(String key) {
        return key.length() > 80 ? key.substring(0, 80) + "…" : key;
    }
}
