/** Images re-encoded from their pixels (so no metadata survives) and their thumbnails. */
package org.creativecities.media.image;
