/**
 * Membership: city communities, the roles people hold in them, and practitioner profiles with the
 * expertise directory.
 *
 * <p>A person asks to join a city; an open city admits at once, a city "by approval" waits for a
 * coordinator. Roles are: network administrator (global, from {@code identity}), coordinator of a city,
 * member of a city, and visitor (everyone else, read-only). Every rule is enforced here on the server.
 * This context implements {@link org.creativecities.core.city.CommunityDirectory} for the catalogue.
 */
package org.creativecities.core.membership;
