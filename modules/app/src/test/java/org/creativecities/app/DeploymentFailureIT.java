package org.creativecities.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Random;
import java.util.stream.Stream;
import org.creativecities.app.testkit.PackagedServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Payara Micro logs a failed deployment and keeps running without the application; the launcher must notice and
 * exit instead of hanging or reporting a server that serves nothing.
 */
class DeploymentFailureIT {

    @Test
    void aWarThatDoesNotDeployEndsTheLauncherWithExitCode1(@TempDir Path tmp) throws IOException {
        Path dist = Files.createDirectories(tmp.resolve("dist"));
        Path original = PackagedServer.defaultDistribution().toAbsolutePath();
        Files.copy(original.resolve("ccc-launcher.jar"), dist.resolve("ccc-launcher.jar"));
        Files.createSymbolicLink(dist.resolve("lib"), original.resolve("lib"));
        copyTree(original.resolve("config"), dist.resolve("config"));
        Files.createDirectories(dist.resolve("plugins"));
        byte[] garbage = new byte[4096];
        new Random(42).nextBytes(garbage);
        Files.write(dist.resolve("core.war"), garbage);

        PackagedServer.Failure failure = PackagedServer.builder("deployment-failure")
                .distribution(dist)
                .build()
                .startExpectingFailure();

        assertEquals(Launcher.EXIT_STARTUP, failure.exitCode(), failure.output());
        assertTrue(failure.output().contains("Start-up error: the application (core.war) failed to deploy."),
                failure.output());
        assertFalse(failure.output().contains(PackagedServer.READY_PREFIX), failure.output());
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
