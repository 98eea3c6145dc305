package org.creativecities.core.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.Optional;
import org.creativecities.core.platform.AdminChange;
import org.creativecities.core.platform.TimeSource;
import org.creativecities.core.platform.web.ProblemException;

/**
 * Administrators suspending accounts and lifting suspensions.
 *
 * <p>A suspension ends every session of the account at once (live connections close with 4401 within a second,
 * see {@link SessionEvents.Revoked}); while it lasts, the account cannot sign in and no token of it authenticates.
 * Nobody suspends their own account, so an administrator acting alone cannot leave the network without one (two
 * suspending each other at the same moment could). Every change is audited with its before and after.
 */
@ApplicationScoped
public class AccountSuspensions {

    /** The longest suspension with an end; longer ones are until lifted. */
    static final Period MAX_TERM = Period.ofYears(10);

    @Inject
    private AccountRepository accounts;

    @Inject
    private TimeSource time;

    @Inject
    private Event<SessionEvents.Revoked> revoked;

    @Inject
    private Event<AdminChange> audit;

    /**
     * Suspends an account until {@code until} (until lifted when empty), replacing any suspension in force.
     *
     * @return the account after the change
     */
    @Transactional
    public Account suspend(Caller.Identity by, long accountId, Optional<OffsetDateTime> until, String reason) {
        Account account = find(accountId);
        if (by.id() == accountId) {
            throw ProblemException.conflict("Cannot suspend own account",
                    "Ask another administrator; otherwise the network could be left without one.");
        }
        OffsetDateTime now = time.now();
        if (until.isPresent() && !until.get().isAfter(now)) {
            throw ProblemException.invalidField("until", "must be in the future");
        }
        if (until.isPresent() && until.get().isAfter(now.plus(MAX_TERM))) {
            throw ProblemException.invalidField("until", "must be within ten years; leave it out to suspend until lifted");
        }
        String before = describe(account, now);
        account.suspend(now, until, reason);
        accounts.revokeAllTokens(accountId, now);
        revoked.fire(new SessionEvents.Revoked(accountId, Optional.empty()));
        audit.fire(new AdminChange("account.suspend", subject(accountId), before, describe(account, now)));
        return account;
    }

    /**
     * Lifts the account's suspension; lifting where there is none changes nothing.
     *
     * @return the account after the change
     */
    @Transactional
    public Account lift(long accountId) {
        Account account = find(accountId);
        OffsetDateTime now = time.now();
        if (account.suspension(now).isPresent()) {
            String before = describe(account, now);
            account.lift();
            audit.fire(new AdminChange("account.lift-suspension", subject(accountId), before, describe(account, now)));
        }
        return account;
    }

    private Account find(long accountId) {
        return accounts.findById(accountId)
                .orElseThrow(() -> ProblemException.notFound("Account", Long.toString(accountId)));
    }

    private static String subject(long accountId) {
        return "account " + accountId;
    }

    private static String describe(Account account, OffsetDateTime now) {
        return account.suspension(now)
                .map(s -> "suspended until " + s.until().map(OffsetDateTime::toString).orElse("lifted")
                        + ": " + s.reason())
                .orElse("active");
    }
}
