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
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The English and French UI catalogues are in step: every key of an English catalogue is in its French one and the
 * other way round, for every UI catalogue in the checkout — the core's ({@code webapp/ui/i18n/{en,fr}/*.json}), the
 * contexts' ({@code META-INF/resources/ui/i18n/{en,fr}/*.json}) and the plugins' ({@code ui/i18n/{en,fr}.json},
 * the archetype's template too). A missing French key falls back to English at run time, silently; this test is
 * where it shows. Plural forms that only one language needs ({@code _many}, {@code _few}...) may differ.
 */
class UiCataloguesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Plural forms English never uses (Intl.PluralRules): a French catalogue may have them alone. */
    private static final Pattern OTHER_PLURALS = Pattern.compile(".*_(zero|two|few|many)$");

    @Test
    void everyEnglishCatalogueHasAFrenchOneWithTheSameKeys() throws IOException {
        Path root = Path.of("").toAbsolutePath().getParent().getParent();
        List<Path> english = new ArrayList<>();
        for (String tree : List.of("modules", "plugins")) {
            try (Stream<Path> files = Files.walk(root.resolve(tree))) {
                files.filter(UiCataloguesTest::isEnglishCatalogue).sorted().forEach(english::add);
            }
        }
        assertTrue(english.size() >= 15, "found the catalogues: " + english);
        List<String> gaps = new ArrayList<>();
        for (Path en : english) {
            Path fr = french(en);
            String name = root.relativize(en).toString();
            if (!Files.isRegularFile(fr)) {
                gaps.add(name + ": no French catalogue " + root.relativize(fr));
                continue;
            }
            Set<String> enKeys = keys(en);
            Set<String> frKeys = keys(fr);
            frKeys.removeIf(k -> OTHER_PLURALS.matcher(k).matches());
            Set<String> onlyEn = new TreeSet<>(enKeys);
            onlyEn.removeAll(frKeys);
            Set<String> onlyFr = new TreeSet<>(frKeys);
            onlyFr.removeAll(enKeys);
            if (!onlyEn.isEmpty()) {
                gaps.add(name + ": not in French " + onlyEn);
            }
            if (!onlyFr.isEmpty()) {
                gaps.add(name + ": only in French " + onlyFr);
            }
        }
        assertEquals(List.of(), gaps, "keys in one language and not the other");
    }

    /** Whether the file is an English UI catalogue of the sources (not a build's copy). */
    private static boolean isEnglishCatalogue(Path p) {
        String s = p.toString().replace('\\', '/');
        return s.contains("/src/main/") && !s.contains("/target/") && s.endsWith(".json")
                && (s.matches(".*/ui/i18n/en/[^/]+\\.json") || s.endsWith("/ui/i18n/en.json"));
    }

    private static Path french(Path en) {
        return en.getFileName().toString().equals("en.json") ? en.resolveSibling("fr.json")
                : en.getParent().resolveSibling("fr").resolve(en.getFileName());
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

    private static void collect(JsonNode node, String prefix, Set<String> keys) {
        if (!node.isObject()) {
            keys.add(prefix);
            return;
        }
        node.fields().forEachRemaining(e -> collect(e.getValue(),
                prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), keys));
    }
}
