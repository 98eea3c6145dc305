/**
 * Media: images, audio, video and PDF that works, messages and profiles carry. The type is recognised from the
 * bytes; files are stored once per content hash behind a {@code MediaStore}. Builds on the core; the core never
 * depends on it.
 */
package org.creativecities.media;
