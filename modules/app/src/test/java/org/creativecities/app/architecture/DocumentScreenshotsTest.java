package org.creativecities.app.architecture;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The screenshots of the README and the guides never go stale: each image they link under {@code docs/screenshots}
 * is written by a browser test ({@code Browser.documentScreenshot("name")}, run by the browser ITs), and the folder
 * holds no image that no test writes.
 */
class DocumentScreenshotsTest {

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent().getParent();
    /** A link to docs/screenshots: from the README, from a guide in docs/plugins, or from a guide in docs/. */
    private static final Pattern LINKED = Pattern.compile("(?:docs/|\\.\\./|\\()screenshots/([A-Za-z0-9_-]+)\\.png");
    private static final Pattern MADE = Pattern.compile("documentScreenshot\\(\\s*\"([A-Za-z0-9_-]+)\"");

    @Test
    void everyScreenshotTheGuidesLinkIsWrittenByABrowserTest() {
        Set<String> linked = names(LINKED, guides());
        Set<String> made = made();
        assertTrue(linked.contains("home") && linked.contains("room"), "the README's screenshots are found: " + linked);
        Set<String> missing = new TreeSet<>(linked);
        missing.removeAll(made);
        assertEquals(Set.of(), missing, "screenshots the guides link that no browser test writes "
                + "(Browser.documentScreenshot)");
    }

    @Test
    void theScreenshotsFolderHoldsOnlyImagesATestWrites() {
        Set<String> made = made();
        Set<String> stored = new TreeSet<>();
        try (Stream<Path> files = Files.list(ROOT.resolve("docs/screenshots"))) {
            files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".png"))
                    .forEach(n -> stored.add(n.substring(0, n.length() - 4)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        stored.removeAll(made);
        assertEquals(Set.of(), stored, "images in docs/screenshots that no browser test writes");
    }

    @Test
    void theCheckFindsALinkNoTestMakes() {
        Set<String> linked = names(LINKED, List.of("See ![x](docs/screenshots/not-made-by-anyone.png)."));
        Set<String> missing = new TreeSet<>(linked);
        missing.removeAll(made());
        assertEquals(Set.of("not-made-by-anyone"), missing);
    }

    /** The names of the screenshots the browser tests' sources write. */
    private static Set<String> made() {
        try (Stream<Path> files = Files.walk(ROOT.resolve("modules/app/src/test/java"))) {
            Set<String> made = names(MADE, files.filter(f -> f.toString().endsWith("IT.java")).map(f -> read(f))
                    .toList());
            assertTrue(made.size() >= 5, "the browser tests' screenshots are found: " + made);
            return made;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The README and every Markdown file under docs/. */
    private static List<String> guides() {
        try (Stream<Path> files = Files.walk(ROOT.resolve("docs"))) {
            return Stream.concat(Stream.of(ROOT.resolve("README.md")), files.filter(f -> f.toString().endsWith(".md")))
                    .map(f -> read(f)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> names(Pattern pattern, List<String> texts) {
        Set<String> names = new TreeSet<>();
        for (String text : texts) {
            Matcher m = pattern.matcher(text);
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
