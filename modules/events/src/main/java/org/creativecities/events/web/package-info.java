/** The events API ({@code /api/events}, {@code /api/me/calendar-token}) and the iCalendar feeds ({@code /feeds/.../*.ics}). */
package org.creativecities.events.web;
