/**
 * Events: the network's meetings, festivals and workshops (the network's plan asks for "promotion of the network's
 * activities"). An event has organising cities and fields, a time in its organiser's zone, a place, a capacity with
 * RSVPs and a waiting list, an optional RRULE recurrence, and iCalendar exports and feeds. This context builds on the
 * core's identity, cities, fields and memberships; the core never depends on it.
 */
package org.creativecities.events;
