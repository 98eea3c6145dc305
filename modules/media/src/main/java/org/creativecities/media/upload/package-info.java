/** Receiving an upload: limits, quota and rate checked from the request head, the body streamed to disk, the type
 * recognised from the bytes. */
package org.creativecities.media.upload;
