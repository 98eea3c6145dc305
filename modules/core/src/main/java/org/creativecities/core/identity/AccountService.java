package org.creativecities.core.identity;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.logging.Logger;
import org.creativecities.core.platform.AdminChange;
import org.creativecities.core.platform.AppConfig;
import org.creativecities.core.platform.TimeSource;
import org.creativecities.core.platform.cluster.Cluster;
import org.creativecities.core.platform.web.EdgeRefusals;
import org.creativecities.core.platform.web.ProblemException;

/**
 * Registration, sign-in and sign-out.
 *
 * <p>Registration answers the same way whether or not the email is taken (and spends the same time), so
 * it cannot be used to list who has an account. Sign-in is limited per client address (a token bucket), and
 * wrong passwords lock out their source and slow an account's guessers down without locking its owner out (see
 * {@link SignInGuard}); refusals answer 429 with {@code Retry-After}, the same for emails without an account.
 * A suspended account (see {@link AccountSuspensions}) is told so only after its password was right; its tokens
 * do not authenticate while the suspension lasts.
 */
@ApplicationScoped
public class AccountService {

    private static final Logger LOG = Logger.getLogger(AccountService.class.getName());

    @Inject
    private AccountRepository accounts;

    @Inject
    private PasswordHasher hasher;

    @Inject
    private TimeSource time;

    @Inject
    private AppConfig config;

    @Inject
    private Event<SessionEvents.Revoked> revoked;

    @Inject
    private Event<SessionEvents.AccountChanged> accountChanged;

    @Inject
    private Event<AdminChange> audit;

    @Inject
    private SessionTokens tokens;

    @Inject
    private RateLimits limits;

    @Inject
    private Cluster cluster;

    private AttemptLimit signInsPerAddress;
    private AttemptLimit registrationsPerAddress;
    private SignInGuard guard;

    /**
     * A successful sign-in.
     *
     * @param token     the bearer token; shown once, never stored
     * @param expiresAt when it stops working
     * @param account   who signed in
     */
    public record SignedIn(String token, OffsetDateTime expiresAt, Account account) {
    }

    @PostConstruct
    void init() {
        signInsPerAddress = limits.shared("sign-ins", config.ipAttemptsPerMinute(), Duration.ofMinutes(1));
        registrationsPerAddress = limits.shared("registrations", config.ipAttemptsPerMinute(), Duration.ofMinutes(1));
        guard = new SignInGuard(config.maxFailures(), config.signInSlowdown(), config.lockout(),
                cluster.map("sign-in-guard"));
    }

    /**
     * Creates an account unless the email is taken. The caller is not told which happened.
     *
     * @return the new account, or empty if the email was already registered
     */
    @Transactional
    public Optional<Account> register(String email, String displayName, String password, String clientAddress) {
        throttle(registrationsPerAddress, clientAddress, "registrations");
        checkPassword(password);
        String hash = hasher.hash(password);
        if (accounts.findByEmail(email).isPresent()) {
            LOG.info("Registration for an email that already has an account; answered as usual");
            return Optional.empty();
        }
        return Optional.of(accounts.add(new Account(email, displayName, hash, false, time.now())));
    }

    /** Creates an account directly (the first administrator); fails if the email is taken. */
    @Transactional
    public Account create(String email, String displayName, String password, boolean admin) {
        checkPassword(password);
        if (accounts.findByEmail(email).isPresent()) {
            throw ProblemException.conflict("Email already registered", "An account already uses " + email + ".");
        }
        return accounts.add(new Account(email, displayName, hasher.hash(password), admin, time.now()));
    }

    /**
     * Signs in: limits and slow-downs first, then the password check (outside any transaction, as it may wait for a
     * hashing lane), then the new token, unless the account is suspended by then (told only to whoever gave the
     * right password).
     */
    public SignedIn signIn(String email, String password, String clientAddress) {
        throttle(signInsPerAddress, clientAddress, "sign-in attempts");
        OffsetDateTime now = time.now();
        guard.check(email, clientAddress, now.toInstant()).ifPresent(wait -> {
            throw ProblemException.tooMany("Too many failed sign-ins; wait before trying again.", wait);
        });
        Optional<Account> found = accounts.findByEmail(email);
        if (found.isEmpty()) {
            hasher.verifyDecoy(password);
        }
        if (found.isEmpty() || !verify(email, password, found.get(), clientAddress)) {
            guard.failed(email, clientAddress, now.toInstant());
            throw invalidCredentials();
        }
        guard.succeeded(email, clientAddress);
        return tokens.issue(found.get().id(), time.now());
    }

    @Transactional
    public Optional<Caller.Identity> authenticate(String token) {
        if (token.isEmpty() || token.length() > 200) {
            return Optional.empty();
        }
        return session(Tokens.hash(token));
    }

    /** The identity of the session with this token hash, as the account is now; empty once the session ended. */
    @Transactional
    public Optional<Caller.Identity> session(String tokenHash) {
        OffsetDateTime now = time.now();
        return accounts.findActiveToken(tokenHash, now)
                .filter(t -> t.account().suspension(now).isEmpty())
                .map(t -> new Caller.Identity(t.account().id(), t.account().displayName(), t.account().isAdmin(),
                        tokenHash));
    }

    @Transactional
    public void signOut(Caller.Identity who) {
        accounts.revokeToken(who.tokenHash(), time.now());
        revoked.fire(new SessionEvents.Revoked(who.id(), Optional.of(who.tokenHash())));
    }

    @Transactional
    public int signOutEverywhere(Caller.Identity who) {
        int ended = accounts.revokeAllTokens(who.id(), time.now());
        revoked.fire(new SessionEvents.Revoked(who.id(), Optional.empty()));
        return ended;
    }

    @Transactional
    public Account rename(long accountId, String displayName) {
        Account account = find(accountId);
        account.rename(displayName);
        accountChanged.fire(new SessionEvents.AccountChanged(accountId));
        return account;
    }

    @Transactional
    public Account grantAdmin(long accountId, boolean admin) {
        Account account = find(accountId);
        boolean before = account.isAdmin();
        account.grantAdmin(admin);
        accountChanged.fire(new SessionEvents.AccountChanged(accountId));
        audit.fire(new AdminChange("account.admin", "account " + accountId, Boolean.toString(before),
                Boolean.toString(admin)));
        return account;
    }

    public Account find(long accountId) {
        return accounts.findById(accountId)
                .orElseThrow(() -> ProblemException.notFound("Account", Long.toString(accountId)));
    }

    public boolean anyAccountExists() {
        return accounts.count() > 0;
    }

    private static void checkPassword(String password) {
        if (password == null || password.length() < PasswordHasher.MIN_LENGTH) {
            throw ProblemException.invalidField("password",
                    "must be at least " + PasswordHasher.MIN_LENGTH + " characters");
        }
    }

    private static void throttle(AttemptLimit limiter, String address, String what) {
        limiter.tryAcquire(address).ifPresent(wait -> {
            throw ProblemException.tooMany("Too many " + what + " from your address; wait before trying again.",
                    wait).repeatAtEdge(EdgeRefusals.Scope.ADDRESS);
        });
    }

    private boolean verify(String email, String password, Account account, String clientAddress) {
        return guard.isKnownAddress(email, clientAddress)
                ? hasher.verifyForKnownAddress(password, account.passwordHash())
                : hasher.verify(password, account.passwordHash());
    }

    /** Told only to someone who gave the right password: the account's owner. */
    static ProblemException suspended(Account.Suspension s) {
        String until = s.until().map(u -> "until " + u).orElse("until an administrator lifts it");
        return new ProblemException(403, "/problems/account-suspended", "Account suspended",
                "This account is suspended " + until + ". Reason: " + s.reason(), java.util.List.of(), null);
    }

    private static ProblemException invalidCredentials() {
        return new ProblemException(401, "/problems/invalid-credentials", "Invalid credentials",
                "The email or the password is wrong.", java.util.List.of(), null);
    }
}
