package org.creativecities.app.plugins;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The test plugin jars built by {@code modules/test-plugins}, and variants of them with another manifest (a
 * unique id per test, a wrong dependency), so that tests do not depend on each other.
 */
public final class PluginJars {

    private PluginJars() {
    }

    /** The bytes of {@code modules/test-plugins/<module>/target/ccc-test-plugin-<module>.jar}. */
    public static byte[] built(String module) {
        Path root = Path.of(System.getProperty("ccc.test-plugins.dir", "../test-plugins"));
        Path jar = root.resolve(module).resolve("target").resolve("ccc-test-plugin-" + module + ".jar");
        try {
            return Files.readAllBytes(jar);
        } catch (IOException e) {
            throw new UncheckedIOException("Build the test plugins first (mvn install): " + jar.toAbsolutePath(), e);
        }
    }

    /** A built jar with some manifest attributes replaced (e.g. {@code Plugin-Id}). */
    public static byte[] variant(String module, Map<String, String> manifest) {
        return variantOf(built(module), manifest, Map.of());
    }

    /** A copy of a jar with some manifest attributes and some entries' contents replaced. */
    public static byte[] variantOf(byte[] jar, Map<String, String> manifest, Map<String, byte[]> entries) {
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(jar))) {
            Manifest m = new Manifest(in.getManifest());
            manifest.forEach((k, v) -> m.getMainAttributes().put(new Attributes.Name(k), v));
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (JarOutputStream out = new JarOutputStream(bytes, m)) {
                for (JarEntry e = in.getNextJarEntry(); e != null; e = in.getNextJarEntry()) {
                    out.putNextEntry(new JarEntry(e.getName()));
                    if (entries.containsKey(e.getName())) {
                        out.write(entries.get(e.getName()));
                    } else {
                        in.transferTo(out);
                    }
                    out.closeEntry();
                }
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A built jar with some manifest attributes and some entries replaced: an entry mapped to {@code null} is left
     * out, one that is not in the jar is added.
     */
    public static byte[] variant(String module, Map<String, String> manifest, Map<String, byte[]> entries) {
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(built(module)))) {
            Manifest m = new Manifest(in.getManifest());
            manifest.forEach((k, v) -> m.getMainAttributes().put(new Attributes.Name(k), v));
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            java.util.Set<String> written = new java.util.HashSet<>();
            try (JarOutputStream out = new JarOutputStream(bytes, m)) {
                for (JarEntry e = in.getNextJarEntry(); e != null; e = in.getNextJarEntry()) {
                    written.add(e.getName());
                    if (entries.containsKey(e.getName()) && entries.get(e.getName()) == null) {
                        continue;
                    }
                    out.putNextEntry(new JarEntry(e.getName()));
                    if (entries.containsKey(e.getName())) {
                        out.write(entries.get(e.getName()));
                    } else {
                        in.transferTo(out);
                    }
                    out.closeEntry();
                }
                for (Map.Entry<String, byte[]> added : new java.util.TreeMap<>(entries).entrySet()) {
                    if (!written.contains(added.getKey()) && added.getValue() != null) {
                        out.putNextEntry(new JarEntry(added.getKey()));
                        out.write(added.getValue());
                        out.closeEntry();
                    }
                }
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The good plugin under another id. */
    static byte[] good(String id) {
        return variant("good", Map.of("Plugin-Id", id));
    }

    /** A valid zip that is no plugin: no PF4J manifest. */
    static byte[] plainZip() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            out.putNextEntry(new ZipEntry("hello.txt"));
            out.write("not a plugin".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            out.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
