/**
 * The literature plugin on the packaged server: reading circles whose chapter threads the server keeps from those who
 * have not reached them, and round-robin stories written as works through the plugin API's {@code works.write}.
 */
package org.creativecities.app.literature;
