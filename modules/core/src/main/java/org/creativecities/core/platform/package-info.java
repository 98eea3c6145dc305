/**
 * Cross-cutting plumbing shared by every context: start-up sequence, configuration, persistence,
 * HTTP error handling and health. It knows nothing of cities, accounts or rooms.
 */
package org.creativecities.core.platform;
