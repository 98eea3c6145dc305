/** The bundled film plugin on the running packaged server: loaded at start, screenings routes, settings. */
package org.creativecities.app.film;
