package org.creativecities.core.platform;

/**
 * An administrative change outside moderation: a role, a plugin (install, upgrade, start, stop, enable, disable,
 * uninstall, placement, settings), a city (create, edit, retire) or a designation. The service that makes the
 * change fires it synchronously, inside its transaction when it has one; the audit log records it with who made it
 * (the signed-in caller of the request, or "system") and when.
 *
 * @param action  what was done, e.g. {@code account.admin}, {@code plugin.enable}, {@code city.update}
 * @param subject what it was done to, e.g. {@code account 12}, {@code plugin film}, {@code city lyon}
 * @param before  the value before the change, or null when there was none (a creation)
 * @param after   the value after the change, or null when there is none (a removal)
 */
public record AdminChange(String action, String subject, String before, String after) {
}
