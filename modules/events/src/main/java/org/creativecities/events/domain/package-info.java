/** The events context's aggregates (an {@link org.creativecities.events.domain.Event} with its RSVPs) and where they are kept. */
package org.creativecities.events.domain;
