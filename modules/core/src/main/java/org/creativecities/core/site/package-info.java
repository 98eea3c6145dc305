/**
 * What the site offers to crawlers: {@code /robots.txt} and {@code /sitemap.xml}, listing the public pages that the
 * contexts name through {@link org.creativecities.core.platform.web.PublicPages}. It builds on the platform and
 * identity only (for the anonymous read limit); nothing depends on it.
 */
package org.creativecities.core.site;
