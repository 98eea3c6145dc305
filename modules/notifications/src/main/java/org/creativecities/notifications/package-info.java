/**
 * The notification centre, a bounded context beside the core: it listens to the core's and works' CDI events
 * (mentions and replies, join requests and their answers, moderation, changes to one's works), stores one
 * notification per recipient who may see what it is about, and pushes it live to the recipient's {@code /ws}
 * connections through the core's {@link org.creativecities.core.live.PersonFrames} port. It also keeps how far
 * each person has read each room they entered ("my rooms", with unread counts) and their notification
 * preferences. The core and works never use it.
 */
package org.creativecities.notifications;
