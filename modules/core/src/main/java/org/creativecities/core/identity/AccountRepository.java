package org.creativecities.core.identity;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** Where accounts and their tokens are kept. */
public interface AccountRepository {

    Optional<Account> findById(long id);

    Optional<Account> findByEmail(String email);

    List<Account> findByIds(java.util.Collection<Long> ids);

    /** Accounts whose email or display name contains {@code text}, newest first. */
    List<Account> search(String text, int offset, int limit);

    long countMatching(String text);

    long count();

    Account add(Account account);

    void addToken(AuthToken token);

    Optional<AuthToken> findActiveToken(String tokenHash, OffsetDateTime now);

    void revokeToken(String tokenHash, OffsetDateTime now);

    int revokeAllTokens(long accountId, OffsetDateTime now);
}
