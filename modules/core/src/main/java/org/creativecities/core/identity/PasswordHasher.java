package org.creativecities.core.identity;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Hashes passwords with Jakarta Security's PBKDF2 (HMAC-SHA256, 600,000 iterations, 16-byte salt,
 * 32-byte key). The stored form names algorithm, iterations and salt, so the cost can be raised later
 * without invalidating existing hashes.
 */
@ApplicationScoped
public class PasswordHasher {

    /** OWASP's 2023 recommendation for PBKDF2-HMAC-SHA256. */
    public static final int ITERATIONS = 600_000;

    /** The minimum length of a password. */
    public static final int MIN_LENGTH = 12;

    @Inject
    private Pbkdf2PasswordHash pbkdf2;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    private ManagedExecutorService background;

    /**
     * The hash that unknown emails are checked against. Made on another thread: it costs as much as a real hash
     * and nobody waits for it but the first sign-in with an unknown email (on a first start, the first
     * administrator's own hash is made meanwhile).
     */
    private CompletableFuture<String> decoy;

    @PostConstruct
    void init() {
        pbkdf2.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
                "Pbkdf2PasswordHash.Iterations", Integer.toString(ITERATIONS),
                "Pbkdf2PasswordHash.SaltSizeBytes", "16",
                "Pbkdf2PasswordHash.KeySizeBytes", "32"));
        decoy = CompletableFuture.supplyAsync(() -> pbkdf2.generate("decoy-password-for-timing".toCharArray()),
                background);
    }

    public String hash(String password) {
        return pbkdf2.generate(password.toCharArray());
    }

    public boolean verify(String password, String storedHash) {
        return pbkdf2.verify(password.toCharArray(), storedHash);
    }

    /** Spends the same time as a real check, so an unknown email is not told apart by timing. */
    public void verifyDecoy(String password) {
        pbkdf2.verify(password.toCharArray(), decoy.join());
    }
}
