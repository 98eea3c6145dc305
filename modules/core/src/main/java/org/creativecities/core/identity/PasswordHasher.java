package org.creativecities.core.identity;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.creativecities.core.platform.AppConfig;
import org.creativecities.core.platform.Lanes;
import org.creativecities.core.platform.web.ProblemException;

/**
 * Hashes passwords with Jakarta Security's PBKDF2 (HMAC-SHA256, 600,000 iterations, 16-byte salt,
 * 32-byte key). The stored form names algorithm, iterations and salt, so the cost can be raised later
 * without invalidating existing hashes. Test servers lower the count ({@code ccc.auth.password-iterations}): they
 * register hundreds of accounts, at seconds of CPU each on their short-lived JVMs.
 *
 * <p>A hash costs about a quarter of a second of one core, on purpose. So that a flood of sign-ins (each let
 * through by the per-address limits, from many addresses) cannot take every core from live rooms and other
 * requests, at most {@code ccc.auth.password-checks-at-once} hashes run at the same time; the rest wait their turn,
 * and when {@link #MAX_WAITING_PER_LANE} per lane (at most {@link #MAX_WAITING}) are already waiting, or the wait
 * passes {@link #MAX_WAIT}, the request is answered 429 with {@code Retry-After} instead of holding a request
 * thread. Sign-ins from an address that signed the account in before have a lane of their own, so that a flood
 * does not keep owners out.
 */
@ApplicationScoped
public class PasswordHasher {

    /** The minimum length of a password. */
    public static final int MIN_LENGTH = 12;

    /** Requests that may wait for each lane before more are refused at once. */
    static final int MAX_WAITING_PER_LANE = 16;

    /** The most requests waiting for a lane, however many lanes: each holds a request thread. */
    static final int MAX_WAITING = 64;

    /** The longest a request waits for a lane. */
    static final Duration MAX_WAIT = Duration.ofSeconds(20);

    @Inject
    private AppConfig config;

    private Lanes lanes;
    private Lanes ownersLane;

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
                "Pbkdf2PasswordHash.Iterations", Integer.toString(AppConfig.passwordIterations()),
                "Pbkdf2PasswordHash.SaltSizeBytes", "16",
                "Pbkdf2PasswordHash.KeySizeBytes", "32"));
        int count = config.passwordChecksAtOnce();
        lanes = new Lanes(count, Math.min(MAX_WAITING, count * MAX_WAITING_PER_LANE), MAX_WAIT);
        ownersLane = new Lanes(1, MAX_WAITING_PER_LANE, MAX_WAIT);
        decoy = CompletableFuture.supplyAsync(() -> pbkdf2.generate("decoy-password-for-timing".toCharArray()),
                background);
    }

    public String hash(String password) {
        return inLane(() -> pbkdf2.generate(password.toCharArray()));
    }

    public boolean verify(String password, String storedHash) {
        return inLane(() -> pbkdf2.verify(password.toCharArray(), storedHash));
    }

    /**
     * Checks a sign-in from an address that signed this account in before, in a lane of its own: a flood of
     * sign-ins from elsewhere, which fills the shared lanes, does not keep the account's owner out.
     */
    public boolean verifyForKnownAddress(String password, String storedHash) {
        return inLane(ownersLane, () -> pbkdf2.verify(password.toCharArray(), storedHash));
    }

    /** Spends the same time as a real check, so an unknown email is not told apart by timing. */
    public void verifyDecoy(String password) {
        String stored = decoy.join();
        inLane(() -> pbkdf2.verify(password.toCharArray(), stored));
    }

    private <T> T inLane(Supplier<T> work) {
        return inLane(lanes, work);
    }

    private static <T> T inLane(Lanes lane, Supplier<T> work) {
        return lane.run(work).orElseThrow(PasswordHasher::busy);
    }

    private static ProblemException busy() {
        return ProblemException.tooMany("Too many passwords are being checked right now; try again shortly.",
                Duration.ofSeconds(5));
    }
}
