package org.creativecities.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipFile;
import org.creativecities.app.testkit.PackagedServer;
import org.junit.jupiter.api.Test;

/** The layout of target/creative-cities-commons and the launcher's manifest. */
class DistributionIT {

    private final Path dist = PackagedServer.defaultDistribution();

    @Test
    void hasEveryPart() throws IOException {
        for (String file : new String[]{"ccc-launcher.jar", "core.war", "lib/payara-micro.jar", "lib/ccc-config.jar",
            "lib/postgresql.jar", "config/application.properties", "config/logging.properties", "config/logging-json.properties"}) {
            assertTrue(Files.isRegularFile(dist.resolve(file)), file + " in " + dist);
        }
        assertTrue(Files.isDirectory(dist.resolve("plugins")), "plugins/ in " + dist);
        try (ZipFile war = new ZipFile(dist.resolve("core.war").toFile())) {
            assertNotNull(war.getEntry("WEB-INF/classes/org/creativecities/core/CommonsApplication.class"),
                    "core.war is the core");
            for (String context : new String[]{"works", "media", "search"}) {
                assertNotNull(war.getEntry("WEB-INF/lib/ccc-" + context + "-0.1.0-SNAPSHOT.jar"),
                        "core.war packs the " + context + " context as a bean archive of its own");
            }
        }
        assertEquals(Files.readString(Path.of("../../config/application.properties")),
                Files.readString(dist.resolve("config/application.properties")), "config/ is the repository's");
    }

    @Test
    void launcherManifestRunsPayaraFromLib() throws IOException {
        Manifest launcher = manifest(dist.resolve("ccc-launcher.jar"));
        Manifest payara = manifest(dist.resolve("lib/payara-micro.jar"));
        Attributes main = launcher.getMainAttributes();
        assertEquals("org.creativecities.app.Launcher", main.getValue("Main-Class"));
        assertTrue(Set.of(main.getValue("Class-Path").split(" ")).contains("lib/postgresql.jar"),
                "the PostgreSQL driver is on the launcher's class path (ccc.db.url=jdbc:postgresql://...)");
        for (String entry : main.getValue("Class-Path").split(" ")) {
            assertTrue(Files.isRegularFile(dist.resolve(entry)), "Class-Path entry " + entry + " exists");
        }
        // Add-Opens / Add-Exports only apply to the -jar jar: the launcher must carry payara-micro.jar's.
        for (String attribute : new String[]{"Add-Opens", "Add-Exports"}) {
            assertEquals(words(payara.getMainAttributes().getValue(attribute)), words(main.getValue(attribute)),
                    attribute + " of the launcher equals payara-micro.jar's (update modules/app/pom.xml)");
        }
    }

    private static Manifest manifest(Path jar) throws IOException {
        try (JarFile j = new JarFile(jar.toFile())) {
            return j.getManifest();
        }
    }

    private static Set<String> words(String value) {
        assertNotNull(value);
        return new TreeSet<>(Arrays.asList(value.trim().split("\\s+")));
    }
}
