/**
 * The notification centre's use cases: composing notifications from other contexts' events ({@code Composer},
 * fed by {@code Sources}), delivering and listing them, "my rooms" and preferences. Services take the caller's
 * identity and check it themselves; none uses JAX-RS.
 */
package org.creativecities.notifications.app;
