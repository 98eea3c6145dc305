package org.creativecities.plugin.api.http;

/**
 * The signed-in person behind a request, as established by the core. Plugins never see the token.
 *
 * @param accountId   the account
 * @param displayName the name shown to others
 * @param admin       a network administrator
 */
public record RequestCaller(long accountId, String displayName, boolean admin) {
}
