package org.creativecities.core.membership;

/**
 * A person's public profile changed (display name, bio, home city, fields, expertise or languages). Fired in the
 * transaction that changed it; observers that must only see committed changes observe it after success.
 *
 * @param accountId whose profile
 */
public record ProfileChanged(long accountId) {
}
