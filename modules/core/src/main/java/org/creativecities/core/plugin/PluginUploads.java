package org.creativecities.core.plugin;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.creativecities.core.platform.web.ProblemException;

/** Receives uploaded plugin jars: streamed to a file with a hard cap, never held in the heap. */
final class PluginUploads {

    private PluginUploads() {
    }

    /**
     * Copies the body to a new file, refusing it with 413 as soon as it passes {@code max} bytes.
     *
     * @return the number of bytes written
     */
    static long copy(InputStream body, Path target, long max) throws IOException {
        Files.createDirectories(target.getParent());
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = body; OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW)) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                total += n;
                if (total > max) {
                    throw tooLarge("The jar is larger than the upload limit of " + max + " bytes "
                            + "(ccc.plugins.max-upload).");
                }
                out.write(buffer, 0, n);
            }
        }
        return total;
    }

    /** A 413 problem for an upload or a jar's content that is too large. */
    static ProblemException tooLarge(String detail) {
        return new ProblemException(413, "/problems/plugin-too-large", "Plugin jar too large", detail, List.of(), null);
    }

    /** Deletes a staged upload that was not moved into the plugins folder. */
    static void discard(Path staged) {
        try {
            Files.deleteIfExists(staged);
        } catch (IOException e) {
            staged.toFile().deleteOnExit();
        }
    }
}
