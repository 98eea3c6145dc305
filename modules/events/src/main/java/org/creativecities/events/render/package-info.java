/** The events context's exports: iCalendar (RFC 5545), written with ical4j. */
package org.creativecities.events.render;
