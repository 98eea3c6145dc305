package org.creativecities.core.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides whether a sign-in attempt for an email from an address may go ahead, and learns from how it ended.
 * Wrong passwords lock out their <em>source</em>, never the account for the person who owns it:
 * <ul>
 *   <li><b>account and address pair</b>: {@code maxFailures} failures in a row from one address for one email
 *       refuse that pair for {@code lockout};</li>
 *   <li><b>account</b>: after {@code maxFailures} failures in a row from anywhere, each further attempt waits a
 *       delay that starts at {@code slowdown} and doubles with every further failure, up to {@code lockout}.
 *       Addresses that signed the account in before (the last few are remembered) are not slowed down, so the
 *       owner still signs in at once while strangers guess slowly.</li>
 * </ul>
 * Everything is keyed by the email as typed (trimmed, lower-cased), not by the account, so an email without an
 * account is answered exactly like one with an account. The per-address limit on all attempts is a separate
 * {@link RateLimiter}. Thread-safe; time is passed in; state that has run out is swept once a minute, so memory
 * stays bounded by the emails and pairs that failed within {@code lockout} (which the per-address limit bounds).
 */
final class SignInGuard {

    /** Addresses remembered per account as having signed it in. */
    static final int KNOWN_ADDRESSES = 8;

    /** How often state that has run out is dropped. */
    private static final Duration SWEEP_EVERY = Duration.ofMinutes(1);

    /** Failures in a row, and until when attempts are refused. */
    private static final class Failures {
        int count;
        Instant refusedUntil = Instant.MIN;
        Instant last = Instant.MIN;
    }

    private final int maxFailures;
    private final Duration slowdown;
    private final Duration lockout;
    private final Map<String, Failures> byPair = new ConcurrentHashMap<>();
    private final Map<String, Failures> byEmail = new ConcurrentHashMap<>();
    private final Map<String, Deque<String>> knownAddresses = new ConcurrentHashMap<>();
    private volatile Instant lastSweep = Instant.MIN;

    SignInGuard(int maxFailures, Duration slowdown, Duration lockout) {
        if (maxFailures < 1) {
            throw new IllegalArgumentException("maxFailures must be at least 1");
        }
        this.maxFailures = maxFailures;
        this.slowdown = slowdown;
        this.lockout = lockout;
    }

    /** Empty if the attempt may go ahead, else how long the source has to wait. */
    Optional<Duration> check(String email, String address, Instant now) {
        String key = normalise(email);
        Optional<Duration> pair = refusedFor(byPair.get(pairKey(key, address)), now);
        if (pair.isPresent() || isKnown(key, address)) {
            return pair;
        }
        return refusedFor(byEmail.get(key), now);
    }

    /** A wrong password (or an email without an account) from {@code address}. */
    void failed(String email, String address, Instant now) {
        sweepIfDue(now);
        String key = normalise(email);
        Failures pair = byPair.computeIfAbsent(pairKey(key, address), k -> new Failures());
        synchronized (pair) {
            pair.count = startsAgain(pair, now) ? 1 : pair.count + 1;
            pair.last = now;
            if (pair.count >= maxFailures) {
                pair.refusedUntil = now.plus(lockout);
            }
        }
        Failures account = byEmail.computeIfAbsent(key, k -> new Failures());
        synchronized (account) {
            account.count = startsAgain(account, now) ? 1 : account.count + 1;
            account.last = now;
            int beyond = account.count - maxFailures;
            if (beyond >= 0) {
                account.refusedUntil = now.plus(delay(beyond));
            }
        }
    }

    /** The right password from {@code address}: forgets the failures and remembers the address. */
    void succeeded(String email, String address) {
        String key = normalise(email);
        byPair.remove(pairKey(key, address));
        byEmail.remove(key);
        Deque<String> known = knownAddresses.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (known) {
            known.remove(address);
            known.addFirst(address);
            while (known.size() > KNOWN_ADDRESSES) {
                known.removeLast();
            }
        }
    }

    int tracked() {
        return byPair.size() + byEmail.size();
    }

    /** Failures "in a row" are at most {@code lockout} apart; an older run is forgotten. */
    private boolean startsAgain(Failures f, Instant now) {
        return f.last.isBefore(now.minus(lockout));
    }

    private Duration delay(int beyond) {
        Duration d = slowdown.multipliedBy(1L << Math.min(beyond, 30));
        return d.compareTo(lockout) > 0 ? lockout : d;
    }

    /** Whether the address is one of the last few that signed this email's account in. */
    boolean isKnownAddress(String email, String address) {
        return isKnown(normalise(email), address);
    }

    private boolean isKnown(String key, String address) {
        Deque<String> known = knownAddresses.get(key);
        if (known == null) {
            return false;
        }
        synchronized (known) {
            return known.contains(address);
        }
    }

    private static Optional<Duration> refusedFor(Failures f, Instant now) {
        if (f == null) {
            return Optional.empty();
        }
        synchronized (f) {
            return f.refusedUntil.isAfter(now) ? Optional.of(Duration.between(now, f.refusedUntil)) : Optional.empty();
        }
    }

    private void sweepIfDue(Instant now) {
        if (lastSweep.plus(SWEEP_EVERY).isAfter(now)) {
            return;
        }
        lastSweep = now;
        Instant stale = now.minus(lockout);
        byPair.values().removeIf(f -> expired(f, now, stale));
        byEmail.values().removeIf(f -> expired(f, now, stale));
    }

    private static boolean expired(Failures f, Instant now, Instant stale) {
        synchronized (f) {
            return !f.refusedUntil.isAfter(now) && f.last.isBefore(stale);
        }
    }

    private static String normalise(String email) {
        return email == null ? "" : Account.normalize(email);
    }

    private static String pairKey(String email, String address) {
        return email + '\n' + address;
    }
}
