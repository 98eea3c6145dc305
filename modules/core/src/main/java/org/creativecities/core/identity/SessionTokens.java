package org.creativecities.core.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import org.creativecities.core.platform.AppConfig;

/**
 * Issues session tokens, in a transaction of their own: sign-in checks the password (a costly hash, which may wait
 * for a lane) before any transaction or database connection is held, and only then stores the token.
 */
@ApplicationScoped
public class SessionTokens {

    @Inject
    private AccountRepository accounts;

    @Inject
    private AppConfig config;

    /**
     * A new session for the account, valid from {@code now} for {@code ccc.auth.token-ttl}; refused with 403 if the
     * account is suspended (checked here, on the account as it is now, since the password check may have waited).
     */
    @Transactional
    public AccountService.SignedIn issue(long accountId, OffsetDateTime now) {
        Account account = accounts.findById(accountId).orElseThrow(
                () -> new IllegalStateException("The account signing in was removed meanwhile"));
        account.suspension(now).ifPresent(s -> {
            throw AccountService.suspended(s);
        });
        String token = Tokens.newToken();
        OffsetDateTime expires = now.plus(config.tokenTtl());
        accounts.addToken(new AuthToken(account, Tokens.hash(token), now, expires));
        return new AccountService.SignedIn(token, expires, account);
    }
}
