package org.creativecities.app.browser;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.creativecities.app.testkit.PackagedServer;

/**
 * Lighthouse, at the fixed version of {@code modules/bench/src/main/node-lighthouse} (the benchmark's lighthouse
 * section runs the same script), installed once with {@code npm ci} into {@code ~/.cache/ccc-lighthouse/<hash of
 * its lock file>} ({@code -Dccc.lighthouse.dir} for another folder), so that a second run downloads nothing. It runs
 * in Debian's Chromium ({@code -Dccc.it.chromium}, as {@link Browser}) headless, against a running server.
 */
final class Lighthouse {

    /** A page to audit: a name for the report, its path, and a member's token when it needs one signed in. */
    record Page(String name, String path, String token) {
    }

    private static final Path SRC = Path.of("").toAbsolutePath().getParent().resolve("bench/src/main/node-lighthouse");
    private static final String CHROMIUM = System.getProperty("ccc.it.chromium", "/usr/bin/chromium");

    private Lighthouse() {
    }

    /**
     * Audits {@code pages} on {@code presets} ("mobile", "desktop"), one run each, and returns the summary: for each
     * page and preset its scores, CLS, LCP, FCP, TBT, request count, and the failing audits of accessibility, best
     * practices and SEO. The full Lighthouse results are written into {@code out}.
     */
    static List<JsonObject> audit(PackagedServer server, List<Page> pages, List<String> presets, Path out) {
        try {
            Path dir = install();
            Files.createDirectories(out);
            JsonArrayBuilder list = Json.createArrayBuilder();
            for (Page p : pages) {
                list.add(Json.createObjectBuilder().add("name", p.name()).add("path", p.path())
                        .add("token", p.token() == null ? "" : p.token()));
            }
            Path plan = out.resolve("plan.json");
            Files.writeString(plan, Json.createObjectBuilder()
                    .add("base", server.baseUri().toString().replaceAll("/$", "")).add("out", out.toString())
                    // No unmeasured load first: the test asserts no timing, so it has nothing to warm up.
                    .add("runs", 1).add("warmup", false).add("presets", Json.createArrayBuilder(presets))
                    .add("pages", list).build()
                    .toString());
            ProcessBuilder pb = new ProcessBuilder("node", "run.mjs", plan.toString()).directory(dir.toFile())
                    .redirectErrorStream(true).redirectOutput(out.resolve("lighthouse.log").toFile());
            pb.environment().put("CHROME_PATH", CHROMIUM);
            Process node = pb.start();
            if (!node.waitFor(10, TimeUnit.MINUTES)) {
                node.destroyForcibly();
                throw new AssertionError("Lighthouse did not finish: " + Files.readString(out.resolve("lighthouse.log")));
            }
            if (node.exitValue() != 0) {
                throw new AssertionError("Lighthouse failed: " + Files.readString(out.resolve("lighthouse.log")));
            }
            try (JsonReader r = Json.createReader(new StringReader(Files.readString(out.resolve("summary.json"))))) {
                return r.readArray().stream().map(v -> v.asJsonObject()).toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The installed Lighthouse: its folder, with the runner script copied from the sources. */
    private static synchronized Path install() throws IOException, InterruptedException {
        byte[] lock = Files.readAllBytes(SRC.resolve("package-lock.json"));
        String hash = HexFormat.of().formatHex(sha256(lock), 0, 6);
        Path dir = Path.of(System.getProperty("ccc.lighthouse.dir",
                Path.of(System.getProperty("user.home"), ".cache", "ccc-lighthouse", hash).toString()));
        Files.createDirectories(dir);
        for (String f : List.of("package.json", "package-lock.json", "run.mjs")) {
            Files.copy(SRC.resolve(f), dir.resolve(f), StandardCopyOption.REPLACE_EXISTING);
        }
        if (!Files.isRegularFile(dir.resolve("node_modules/lighthouse/package.json"))) {
            Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(dir.toFile())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("npm.log").toFile()).start();
            if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0) {
                npm.destroyForcibly();
                throw new AssertionError("npm ci of Lighthouse failed: " + Files.readString(dir.resolve("npm.log"),
                        StandardCharsets.UTF_8));
            }
        }
        return dir;
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
