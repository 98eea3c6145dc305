/**
 * The notification centre's HTTP adapters ({@code /api/me/notifications}, {@code /api/me/rooms},
 * {@code /api/me/preferences}) and its problem+json mapper. Resources stay thin: the services check the caller.
 */
package org.creativecities.notifications.web;
