/**
 * Search: one embedded Lucene index over what the caller may read (works, messages, people, cities). The index is
 * derived data, rebuilt from the database when missing or stale. Other contexts contribute documents through the
 * {@code SearchSource} extension point; the core never depends on this context.
 */
package org.creativecities.search;
