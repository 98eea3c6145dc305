package org.creativecities.core.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.creativecities.core.platform.cluster.Cluster;
import org.creativecities.core.platform.cluster.LocalCluster;

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
 * {@link AttemptLimit}. Thread-safe; time is passed in.
 *
 * <p>The state lives in a {@link Cluster.SharedMap} (short strings, changed atomically), so that in a cluster a
 * guesser who spreads attempts over the nodes is counted once: in memory on one node ({@code LocalCluster}), a
 * Hazelcast map in a cluster. Failures live until their run can no longer count ({@code lockout} after the last one,
 * or the end of a refusal); the addresses that signed an account in, {@link #KNOWN_FOR} after the last sign-in.
 */
final class SignInGuard {

    /** Addresses remembered per account as having signed it in. */
    static final int KNOWN_ADDRESSES = 8;

    /** How long an address that signed an account in is remembered after that sign-in. */
    static final Duration KNOWN_FOR = Duration.ofDays(30);

    /** Failures in a row, and until when attempts are refused; written as {@code count,refusedUntil,last} (ms). */
    private record Failures(int count, long refusedUntil, long last) {

        static Failures parse(String text) {
            if (text == null) {
                return null;
            }
            String[] p = text.split(",");
            return new Failures(Integer.parseInt(p[0]), Long.parseLong(p[1]), Long.parseLong(p[2]));
        }

        String text() {
            return count + "," + refusedUntil + "," + last;
        }
    }

    private final int maxFailures;
    private final Duration slowdown;
    private final Duration lockout;
    private final Cluster.SharedMap state;

    /** A guard of its own, in memory (tests). */
    SignInGuard(int maxFailures, Duration slowdown, Duration lockout) {
        this(maxFailures, slowdown, lockout, new LocalCluster(Clock.systemUTC()).map("sign-in"));
    }

    /** A guard over the state of {@code state}, which every node of a cluster shares. */
    SignInGuard(int maxFailures, Duration slowdown, Duration lockout, Cluster.SharedMap state) {
        if (maxFailures < 1) {
            throw new IllegalArgumentException("maxFailures must be at least 1");
        }
        this.maxFailures = maxFailures;
        this.slowdown = slowdown;
        this.lockout = lockout;
        this.state = state;
    }

    /** Empty if the attempt may go ahead, else how long the source has to wait. */
    Optional<Duration> check(String email, String address, Instant now) {
        String key = normalise(email);
        Optional<Duration> pair = refusedFor(state.get(pairKey(key, address)).orElse(null), now);
        if (pair.isPresent() || isKnown(key, address)) {
            return pair;
        }
        return refusedFor(state.get(emailKey(key)).orElse(null), now);
    }

    /** A wrong password (or an email without an account) from {@code address}. */
    void failed(String email, String address, Instant now) {
        String key = normalise(email);
        long at = now.toEpochMilli();
        state.update(pairKey(key, address), old -> {
            int count = countAfter(Failures.parse(old), at);
            return new Failures(count, count >= maxFailures ? at + lockout.toMillis() : refusedUntil(old), at).text();
        }, value -> lifetime(value, at));
        state.update(emailKey(key), old -> {
            int count = countAfter(Failures.parse(old), at);
            int beyond = count - maxFailures;
            return new Failures(count, beyond >= 0 ? at + delay(beyond).toMillis() : refusedUntil(old), at).text();
        }, value -> lifetime(value, at));
    }

    /** The right password from {@code address}: forgets the failures and remembers the address. */
    void succeeded(String email, String address) {
        String key = normalise(email);
        state.remove(pairKey(key, address));
        state.remove(emailKey(key));
        state.update(knownKey(key), old -> {
            List<String> known = new ArrayList<>(List.of(address));
            if (old != null) {
                Arrays.stream(old.split(" ")).filter(a -> !a.equals(address)).limit(KNOWN_ADDRESSES - 1)
                        .forEach(known::add);
            }
            return String.join(" ", known);
        }, value -> KNOWN_FOR);
    }

    /** Failures "in a row" are at most {@code lockout} apart; an older run is forgotten. */
    private int countAfter(Failures f, long at) {
        return f == null || f.last() < at - lockout.toMillis() ? 1 : f.count() + 1;
    }

    private static long refusedUntil(String old) {
        Failures f = Failures.parse(old);
        return f == null ? Long.MIN_VALUE : f.refusedUntil();
    }

    /** Until the run can no longer count: the later of its refusal's end and {@code lockout} after its last failure. */
    private Duration lifetime(String value, long at) {
        Failures f = Failures.parse(value);
        long until = Math.max(f.refusedUntil(), f.last() + lockout.toMillis());
        return Duration.ofMillis(Math.max(1, until - at));
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
        return state.get(knownKey(key)).map(known -> Arrays.asList(known.split(" ")).contains(address)).orElse(false);
    }

    private static Optional<Duration> refusedFor(String text, Instant now) {
        Failures f = Failures.parse(text);
        long at = now.toEpochMilli();
        return f == null || f.refusedUntil() <= at ? Optional.empty()
                : Optional.of(Duration.ofMillis(f.refusedUntil() - at));
    }

    private static String normalise(String email) {
        return email == null ? "" : Account.normalize(email);
    }

    private static String pairKey(String email, String address) {
        return "p\n" + email + '\n' + address;
    }

    private static String emailKey(String email) {
        return "e\n" + email;
    }

    private static String knownKey(String email) {
        return "k\n" + email;
    }
}
