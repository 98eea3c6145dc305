package org.creativecities.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuntimeFolderTest {

    @TempDir
    Path dir;

    @Test
    void aPayaraFolderIsEmptiedButKept() throws IOException {
        write("config/domain.xml", "<domain/>");
        write("applications/core/WEB-INF/web.xml", "<web-app/>");
        write("runtime/payara.jar", "jar");
        Path outside = Files.createTempFile("outside", ".txt");
        Files.createSymbolicLink(dir.resolve("link-to-outside"), outside);

        assertNull(RuntimeFolder.empty(dir));

        assertTrue(Files.isDirectory(dir), "the folder itself stays");
        assertEquals(0, count(dir), "nothing is left inside");
        assertTrue(Files.isRegularFile(outside), "a link is removed, not what it points to");
        Files.delete(outside);
    }

    @Test
    void anEmptyFolderIsFine() {
        assertNull(RuntimeFolder.empty(dir));
        assertTrue(Files.isDirectory(dir));
    }

    @Test
    void aFolderThatIsNotPayarasIsRefusedAndLeftAlone() throws IOException {
        write("notes/thesis.md", "years of work");
        write("config/other.xml", "<x/>");

        String problem = RuntimeFolder.empty(dir);

        assertTrue(problem != null && problem.contains("is not a Payara Micro runtime folder")
                && problem.contains(dir.toString()) && problem.contains("config/domain.xml"), problem);
        assertEquals("years of work", Files.readString(dir.resolve("notes/thesis.md")));
        assertEquals(4, count(dir));
    }

    private void write(String relative, String content) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private static long count(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(p -> !p.equals(folder)).count();
        }
    }
}
