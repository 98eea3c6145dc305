/**
 * The search sources of the core's data: messages of live rooms ({@code message}), public profiles
 * ({@code person}) and member cities ({@code city}). Each reads the core through its services and read models,
 * and turns the core's events into {@link org.creativecities.search.SearchDocumentChanged}.
 */
package org.creativecities.search.sources;
