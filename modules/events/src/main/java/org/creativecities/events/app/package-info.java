/** The events context's use cases: events and their approval, RSVPs and the waiting list, recurrence, calendar tokens, the seed. */
package org.creativecities.events.app;
