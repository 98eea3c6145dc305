package org.creativecities.core.platform.web;

import java.util.List;

/**
 * Extension point: the public pages a context offers to search engines, listed in {@code /sitemap.xml}
 * ({@link CrawlerServlet}). Each bean returns UI addresses ({@code /cities/lyon}), never private ones (an account's
 * pages, administration) nor API paths. Asked at most once per {@link CrawlerServlet#REFRESH} for the whole site:
 * a context may read its database here.
 */
public interface PublicPages {

    /** The addresses, each starting with {@code /}. */
    List<String> paths();
}
