package org.creativecities.plugins.literature;

/**
 * Who acts, as the state machines need it.
 *
 * @param accountId their account
 * @param name      their display name
 * @param host      whether they run the room: its creator, a coordinator of its city or an administrator
 */
record Person(long accountId, String name, boolean host) {
}
