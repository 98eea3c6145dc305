/**
 * The media API ({@code /api/media}): uploads, reads with ranges and caching, alt text, deletion; and the upload
 * limit the core's body limits consult.
 */
package org.creativecities.media.web;
