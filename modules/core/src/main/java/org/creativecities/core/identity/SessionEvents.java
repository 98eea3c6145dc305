package org.creativecities.core.identity;

import java.util.Optional;

/**
 * CDI events that identity fires when what a session may do changes, for the parts of the platform that hold
 * sessions open beyond one request (live connections). They are fired inside the changing transaction; observe
 * them {@code during = TransactionPhase.AFTER_SUCCESS}, so that only committed changes act.
 */
public final class SessionEvents {

    private SessionEvents() {
    }

    /**
     * Sessions of an account ended: sign-out (one token) or sign-out everywhere (all tokens).
     *
     * @param accountId the account
     * @param tokenHash the hash of the one token revoked; empty when every token of the account was revoked
     */
    public record Revoked(long accountId, Optional<String> tokenHash) {

        /** Whether a session authenticated with the token of this hash has ended. */
        public boolean covers(String hash) {
            return tokenHash.map(h -> h.equals(hash)).orElse(true);
        }
    }

    /**
     * An account's rights or what others see of it changed (network administration granted or withdrawn, a new
     * display name): open sessions must look the account up again before they act for it.
     *
     * @param accountId the account
     */
    public record AccountChanged(long accountId) {
    }
}
