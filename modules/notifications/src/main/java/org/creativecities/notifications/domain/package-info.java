/**
 * The notification centre's aggregates ({@link org.creativecities.notifications.domain.Notification}, per-room
 * read state, preferences) and their repositories; rows refer to the core's accounts and rooms by id.
 */
package org.creativecities.notifications.domain;
