package org.creativecities.app.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The UI catalogues of every language the UI offers are in step with the English ones: every key of an English
 * catalogue is in the other language's one and the other way round, for every UI catalogue in the checkout — the
 * core's ({@code webapp/ui/i18n/<lang>/*.json}), the contexts' ({@code META-INF/resources/ui/i18n/<lang>/*.json})
 * and the plugins' ({@code ui/i18n/<lang>.json}, the archetype's template too). The languages are those declared in
 * the core's {@code ui/i18n/locales.json}, so a new language is held to this as soon as it is declared. A missing key
 * falls back to English at run time, silently; this test is where it shows. Plural forms that English does not use
 * ({@code _many}, {@code _few}...) may differ. A French string equal to its English one must be one of the strings
 * that are the same in both languages ({@code browser/same-in-french.txt}, which the French walk of the pages uses
 * too): anything else is an untranslated copy.
 */
class UiCataloguesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Plural forms English never uses (Intl.PluralRules): a French catalogue may have them alone. */
    private static final Pattern OTHER_PLURALS = Pattern.compile(".*_(zero|two|few|many)$");

    @Test
    void everyDeclaredLanguageHasEveryCatalogueWithTheSameKeys() throws IOException {
        Path root = Path.of("").toAbsolutePath().getParent().getParent();
        List<Path> english = englishCatalogues(root);
        assertTrue(english.size() >= 15, "found the catalogues: " + english);
        List<String> languages = declaredLanguages(root);
        assertTrue(languages.containsAll(List.of("en", "fr")), "declared: " + languages);
        List<String> gaps = new ArrayList<>();
        for (String language : languages.stream().filter(l -> !l.equals("en")).toList()) {
            for (Path en : english) {
                Path other = translation(en, language);
                String name = root.relativize(en).toString();
                if (!Files.isRegularFile(other)) {
                    gaps.add(name + ": no " + language + " catalogue " + root.relativize(other));
                    continue;
                }
                Set<String> enKeys = keys(en);
                Set<String> otherKeys = keys(other);
                otherKeys.removeIf(k -> OTHER_PLURALS.matcher(k).matches());
                Set<String> onlyEn = new TreeSet<>(enKeys);
                onlyEn.removeAll(otherKeys);
                Set<String> onlyOther = new TreeSet<>(otherKeys);
                onlyOther.removeAll(enKeys);
                if (!onlyEn.isEmpty()) {
                    gaps.add(name + ": not in " + language + " " + onlyEn);
                }
                if (!onlyOther.isEmpty()) {
                    gaps.add(name + ": only in " + language + " " + onlyOther);
                }
            }
        }
        assertEquals(List.of(), gaps, "keys in one language and not the other");
    }

    @Test
    void aFrenchStringEqualToItsEnglishOneIsAStringTheTwoLanguagesShare() throws IOException {
        Path root = Path.of("").toAbsolutePath().getParent().getParent();
        Set<String> shared = sameInFrench();
        List<String> copies = new ArrayList<>();
        for (Path en : englishCatalogues(root)) {
            Map<String, String> english = strings(en);
            Map<String, String> french = strings(translation(en, "fr"));
            english.forEach((key, value) -> {
                if (value.equals(french.get(key)) && !shared.contains(value) && value.matches("(?s).*\\p{L}.*")) {
                    copies.add(root.relativize(en) + " " + key + ": " + value);
                }
            });
        }
        assertEquals(List.of(), copies, "French strings left in English (translate them, or list them in "
                + "src/test/resources/browser/same-in-french.txt if French says it the same way)");
    }

    /** The strings French says as English does ({@code browser/same-in-french.txt}). */
    static Set<String> sameInFrench() throws IOException {
        try (var in = UiCataloguesTest.class.getClassLoader().getResourceAsStream("browser/same-in-french.txt")) {
            assertTrue(in != null, "browser/same-in-french.txt is on the test class path");
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).collect(Collectors.toSet());
        }
    }

    /** The codes declared in the core's ui/i18n/locales.json. */
    private static List<String> declaredLanguages(Path root) throws IOException {
        JsonNode declared = JSON.readTree(root.resolve("modules/core/src/main/webapp/ui/i18n/locales.json").toFile());
        List<String> codes = new ArrayList<>();
        declared.get("locales").forEach(l -> codes.add(l.get("code").asText()));
        return codes;
    }

    private static List<Path> englishCatalogues(Path root) throws IOException {
        List<Path> english = new ArrayList<>();
        for (String tree : List.of("modules", "plugins")) {
            try (Stream<Path> files = Files.walk(root.resolve(tree))) {
                files.filter(UiCataloguesTest::isEnglishCatalogue).sorted().forEach(english::add);
            }
        }
        return english;
    }

    /** Whether the file is an English UI catalogue of the sources (not a build's copy). */
    private static boolean isEnglishCatalogue(Path p) {
        String s = p.toString().replace('\\', '/');
        return s.contains("/src/main/") && !s.contains("/target/") && s.endsWith(".json")
                && (s.matches(".*/ui/i18n/en/[^/]+\\.json") || s.endsWith("/ui/i18n/en.json"));
    }

    private static Path translation(Path en, String language) {
        return en.getFileName().toString().equals("en.json") ? en.resolveSibling(language + ".json")
                : en.getParent().resolveSibling(language).resolve(en.getFileName());
    }

    /** The catalogue's keys, nested objects as dotted paths. */
    private static Set<String> keys(Path catalogue) {
        try {
            Set<String> keys = new TreeSet<>();
            collect(JSON.readTree(catalogue.toFile()), "", keys);
            return keys;
        } catch (IOException e) {
            throw new UncheckedIOException(catalogue + " is not JSON", e);
        }
    }

    /** The catalogue's strings by dotted key. */
    private static Map<String, String> strings(Path catalogue) throws IOException {
        Map<String, String> strings = new TreeMap<>();
        collect(JSON.readTree(catalogue.toFile()), "", strings);
        return strings;
    }

    private static void collect(JsonNode node, String prefix, Set<String> keys) {
        Map<String, String> strings = new TreeMap<>();
        collect(node, prefix, strings);
        keys.addAll(strings.keySet());
    }

    private static void collect(JsonNode node, String prefix, Map<String, String> strings) {
        if (!node.isObject()) {
            strings.put(prefix, node.asText());
            return;
        }
        node.fields().forEachRemaining(e -> collect(e.getValue(),
                prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), strings));
    }
}
