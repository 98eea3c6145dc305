/**
 * The search sources of the core's data: messages of live rooms ({@code message}), public profiles
 * ({@code person}) and member cities ({@code city}). Each reads the core through its services and read models,
 * and announces the core's changes through {@link org.creativecities.search.SearchChanges}, in their transactions.
 */
package org.creativecities.search.sources;
