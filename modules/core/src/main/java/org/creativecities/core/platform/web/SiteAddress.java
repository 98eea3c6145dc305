package org.creativecities.core.platform.web;

import jakarta.servlet.http.HttpServletRequest;

/** The address the site was reached at, for the absolute links of feeds, sitemaps and sharing tags. */
public final class SiteAddress {

    private SiteAddress() {
    }

    /** Scheme, host and port of the request, with the context path: {@code https://example.org}. */
    public static String of(HttpServletRequest request) {
        StringBuffer url = request.getRequestURL();
        return url.substring(0, url.length() - request.getRequestURI().length()) + request.getContextPath();
    }
}
