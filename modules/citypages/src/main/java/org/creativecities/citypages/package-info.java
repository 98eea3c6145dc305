/**
 * City brand pages: what a city says about itself to the world. A coordinator of the city (or an administrator)
 * edits its description in Markdown per language, its banner and logo (media), its links and its highlights (pinned
 * works today; events and projects through {@link org.creativecities.citypages.app.HighlightSource}). Every edit
 * is an immutable version. The module depends on the core, media and works; none of them depends on it.
 *
 * <p>Packages: {@code domain} (the versions and their repository), {@code app} (the use cases and the extension
 * point for highlights), {@code integration} (works as highlights), {@code web} (the API and its error mapper).
 */
package org.creativecities.citypages;
