package org.creativecities.core.identity;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import java.util.logging.Logger;
import org.creativecities.core.platform.AppConfig;
import org.creativecities.core.platform.Bootstrap;

/**
 * Creates the first network administrator when the database has no account at all, as Jenkins does.
 * With {@code ccc.admin.password} set, that password is used. Otherwise a random one is generated,
 * printed once to the log, and written to {@code <data dir>/initial-admin-password}, readable by the
 * owner only. Nothing happens on later starts.
 */
@ApplicationScoped
public class FirstAdministrator {

    /** The file that holds a generated password. */
    public static final String PASSWORD_FILE = "initial-admin-password";

    private static final Logger LOG = Logger.getLogger(FirstAdministrator.class.getName());

    @Inject
    private AccountService accounts;

    @Inject
    private AppConfig config;

    void onStart(@Observes @Priority(200) Bootstrap.Started started) {
        if (accounts.anyAccountExists()) {
            return;
        }
        String email = config.adminEmail();
        String configured = config.adminPassword();
        boolean generated = configured == null || configured.isEmpty();
        String password = generated ? generate() : configured;
        accounts.create(email, "Network administrator", password, true);
        if (generated) {
            Path file = config.dataDir().resolve(PASSWORD_FILE);
            writeOwnerOnly(file, password);
            LOG.warning(() -> "\n*************************************************************\n"
                    + "First administrator created: " + email + "\n"
                    + "Password: " + password + "\n"
                    + "It is also in " + file.toAbsolutePath() + " (readable by its owner only).\n"
                    + "Sign in and change it; this is the only time it is printed.\n"
                    + "*************************************************************");
        } else {
            LOG.info(() -> "First administrator created: " + email + " (password from ccc.admin.password)");
        }
    }

    private static String generate() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void writeOwnerOnly(Path file, String secret) {
        try {
            Files.createDirectories(file.getParent());
            Set<PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rw-------");
            Files.deleteIfExists(file);
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(ownerOnly));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(file);
                file.toFile().setReadable(false, false);
                file.toFile().setReadable(true, true);
            }
            Files.writeString(file, secret + "\n", StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }
}
