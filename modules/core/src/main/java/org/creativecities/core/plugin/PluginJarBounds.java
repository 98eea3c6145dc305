package org.creativecities.core.plugin;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Refuses a zip bomb before anything reads a jar's entries for real: every entry is inflated once into nothing,
 * counting what actually comes out (the sizes a zip declares can lie), and the jar is refused with 413 as soon as the
 * total passes the cap, or the manifest or the extension index passes {@value #MAX_DESCRIPTOR} bytes (they are read
 * whole into memory later).
 */
final class PluginJarBounds {

    /** The largest manifest or extension index a plugin jar may have. */
    static final int MAX_DESCRIPTOR = 1024 * 1024;

    private final long maxInflated;

    PluginJarBounds(long maxInflated) {
        this.maxInflated = maxInflated;
    }

    void check(Path jar) {
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                long limit = isDescriptor(entry.getName()) ? MAX_DESCRIPTOR : Long.MAX_VALUE;
                long size = 0;
                try (InputStream in = zip.getInputStream(entry)) {
                    int n;
                    while ((n = in.read(buffer)) >= 0) {
                        size += n;
                        total += n;
                        if (size > limit) {
                            throw PluginUploads.tooLarge("The jar's " + entry.getName() + " is larger than "
                                    + MAX_DESCRIPTOR + " bytes.");
                        }
                        if (total > maxInflated) {
                            throw PluginUploads.tooLarge("The jar inflates to more than " + maxInflated
                                    + " bytes (ccc.plugins.max-inflated-size).");
                        }
                    }
                }
            }
        } catch (ZipException e) {
            throw PluginJarInspector.refusal(400, "Not a plugin jar", "The upload is not a valid jar (zip) file.");
        } catch (IOException e) {
            throw PluginJarInspector.refusal(400, "Not a plugin jar", "The upload cannot be read as a jar.");
        }
    }

    private static boolean isDescriptor(String name) {
        return name.equalsIgnoreCase("META-INF/MANIFEST.MF") || name.equals("META-INF/extensions.idx");
    }
}
