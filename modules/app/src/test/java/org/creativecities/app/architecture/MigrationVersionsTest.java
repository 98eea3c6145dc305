package org.creativecities.app.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every Flyway folder ({@code db/<context>} of each module) has distinct, well-formed versions, and no two modules
 * share a folder. Flyway refuses to start on a duplicate version, but only at boot, in an integration test, minutes
 * into the build: two branches that each added a V2 to the same folder merged cleanly and only the server's start
 * said so.
 */
class MigrationVersionsTest {

    private static final Pattern NAME = Pattern.compile("V(\\d+(?:[._]\\d+)*)__[a-z0-9_]+\\.sql");

    /** The repository's modules folder (the tests run in {@code modules/app}). */
    private static Path modules() {
        Path here = Path.of("").toAbsolutePath();
        Path modules = here.getParent();
        assertTrue(Files.isDirectory(modules.resolve("core/src/main/resources/db")), "not under modules/: " + here);
        return modules;
    }

    /** Each migration folder by its classpath name ({@code db/works}), with the module folders that hold it. */
    private static Map<String, List<Path>> folders() throws IOException {
        Map<String, List<Path>> byName = new TreeMap<>();
        try (Stream<Path> modules = Files.list(modules())) {
            for (Path module : modules.sorted().toList()) {
                Path db = module.resolve("src/main/resources/db");
                if (!Files.isDirectory(db)) {
                    continue;
                }
                try (Stream<Path> contexts = Files.list(db)) {
                    contexts.filter(Files::isDirectory).sorted().forEach(folder ->
                            byName.computeIfAbsent("db/" + folder.getFileName(), k -> new ArrayList<>()).add(folder));
                }
            }
        }
        return byName;
    }

    @Test
    void everyFolderHasDistinctWellFormedVersions() throws IOException {
        Map<String, List<Path>> folders = folders();
        assertTrue(folders.size() >= 6, "the core's and the contexts' folders are found: " + folders.keySet());
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, List<Path>> e : folders.entrySet()) {
            if (e.getValue().size() > 1) {
                problems.add(e.getKey() + " is in several modules: " + e.getValue());
            }
            Map<String, String> versions = new TreeMap<>();
            for (Path folder : e.getValue()) {
                try (Stream<Path> files = Files.list(folder)) {
                    for (Path file : files.sorted().toList()) {
                        String name = file.getFileName().toString();
                        Matcher m = NAME.matcher(name);
                        if (!m.matches()) {
                            problems.add(e.getKey() + "/" + name + " is not V<version>__<lower_case_words>.sql");
                            continue;
                        }
                        String version = version(m.group(1));
                        String earlier = versions.putIfAbsent(version, name);
                        if (earlier != null) {
                            problems.add(e.getKey() + ": " + earlier + " and " + name + " are both version "
                                    + version);
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    /** A version as Flyway compares it: "11_1" is "11.1", leading zeros and trailing ".0" parts do not count. */
    static String version(String raw) {
        List<String> parts = new ArrayList<>();
        for (String part : raw.split("[._]")) {
            parts.add(new BigInteger(part).toString());
        }
        while (parts.size() > 1 && parts.get(parts.size() - 1).equals("0")) {
            parts.remove(parts.size() - 1);
        }
        return String.join(".", parts);
    }

    @Test
    void versionsCompareAsFlywayDoes() {
        assertEquals("11.1", version("11_1"));
        assertEquals("2", version("02"));
        assertEquals("2", version("2_0"));
        assertEquals("11.10", version("11.10"));
    }
}
