/**
 * Identity: accounts, passwords, sign-in tokens and who is calling.
 *
 * <p>An {@link org.creativecities.core.identity.Account} signs in with email and password and receives a
 * random bearer token that the server keeps only as a hash. Every request is resolved to a
 * {@link org.creativecities.core.identity.Caller}: an account (possibly a network administrator) or an
 * anonymous visitor. Brute force is slowed per account (lock-out) and per client address (token bucket).
 * This context knows nothing of cities; city roles live in {@code membership}.
 */
package org.creativecities.core.identity;
