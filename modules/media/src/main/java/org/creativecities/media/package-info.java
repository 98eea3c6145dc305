/**
 * Media: images, audio, video and PDF that works, messages and profiles carry. The type is recognised from the
 * bytes; files are stored once per content hash behind a {@link org.creativecities.media.store.MediaStore}; images
 * are re-encoded without their metadata. Other contexts use {@link org.creativecities.media.MediaCatalog}, and may
 * let others than the uploader give an image its first alt text through {@link org.creativecities.media.AltTextGrant}.
 * Builds on the core; the core never depends on it.
 */
package org.creativecities.media;
