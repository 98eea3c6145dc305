/**
 * Where media bytes live: the {@link org.creativecities.media.store.MediaStore} extension point (content addressed
 * by SHA-256), its local-disk default, hashing file writers, and the lock that keeps stored files and the rows that
 * refer to them consistent.
 */
package org.creativecities.media.store;
