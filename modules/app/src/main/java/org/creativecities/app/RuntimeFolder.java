package org.creativecities.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Payara Micro's runtime folder ({@code ccc.runtime.dir}, its {@code --rootdir}) is scratch space, emptied before
 * every start.
 *
 * <p>Payara keeps its {@code domain.xml} there, and that file lists the applications deployed last time. Reusing the
 * folder made every restart deploy the previous copy of {@code core.war}, undeploy it and deploy the new one: the
 * application started twice, and in between the connection pool closed every connection, which closed the H2
 * database in the middle of the start (see {@code docs/architecture.md}, "Persistence"). With an empty folder every
 * start takes the path of the first start.
 *
 * <p>Only a folder Payara made is emptied: one holding {@code config/domain.xml}. Any other non-empty folder is
 * refused, so that a mistyped {@code ccc.runtime.dir} never deletes an unrelated folder. The marker is deleted last,
 * so an emptying that was cut short is finished by the next start.
 */
final class RuntimeFolder {

    /** The file that marks a folder as Payara Micro's. */
    static final Path MARKER = Path.of("config", "domain.xml");

    private RuntimeFolder() {
    }

    /**
     * Deletes everything inside {@code dir} (which must exist), keeping the folder itself.
     *
     * @return {@code null} when the folder is empty afterwards, otherwise why it was left as it was
     */
    static String empty(Path dir) {
        Path marker = dir.resolve(MARKER);
        List<Path> inside;
        try (Stream<Path> walk = Files.walk(dir)) {
            inside = new ArrayList<>(walk.filter(p -> !p.equals(dir)).toList());
        } catch (IOException | UncheckedIOException e) {
            return "cannot read the folder '" + dir + "' (" + e.getMessage() + ")";
        }
        if (inside.isEmpty()) {
            return null;
        }
        if (!Files.isRegularFile(marker)) {
            return "the folder '" + dir + "' is not empty and is not a Payara Micro runtime folder (it has no "
                    + MARKER + "). The launcher empties this folder on every start: point "
                    + "ccc.runtime.dir at an empty folder or one of its own.";
        }
        // Deepest first; the marker and its folder last.
        inside.sort(Comparator.comparing((Path p) -> p.equals(marker) || p.equals(marker.getParent()))
                .thenComparing(Comparator.comparingInt(Path::getNameCount).reversed()));
        for (Path p : inside) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                return "cannot empty the folder '" + dir + "': " + p + " (" + e.getMessage() + ")";
            }
        }
        return null;
    }
}
