package org.creativecities.core.openapi;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Which form of the OpenAPI document a client asked for, by Payara's own rule: the {@code format} query parameter
 * ({@code json} or {@code yaml}, any case) wins; otherwise the {@code Accept} header chooses between YAML
 * ({@code text/plain}, listed first, so also for no header, a tie or a wildcard) and JSON ({@code application/json}).
 */
final class OpenApiFormat {

    private static final String JSON = "application/json";

    private OpenApiFormat() {
    }

    static boolean wantsJson(String format, String accept) {
        if (format != null) {
            String f = format.toLowerCase(Locale.ROOT);
            if (f.equals("json") || f.equals("yaml")) {
                return f.equals("json");
            }
        }
        if (accept == null || accept.isBlank()) {
            return false;
        }
        return quality(accept, "application", "json") > quality(accept, "text", "plain");
    }

    /** The weight the header gives a media type: its most specific matching range's {@code q}, 0 if none. */
    private static double quality(String accept, String type, String subtype) {
        int bestSpecificity = -1;
        double q = 0;
        for (String range : accept.split(",")) {
            String[] parts = range.split(";");
            String[] media = parts[0].trim().toLowerCase(Locale.ROOT).split("/", 2);
            if (media.length != 2) {
                continue;
            }
            int specificity = media[0].equals(type) && media[1].equals(subtype) ? 2
                    : media[0].equals(type) && media[1].equals("*") ? 1
                    : media[0].equals("*") && media[1].equals("*") ? 0 : -1;
            if (specificity > bestSpecificity) {
                bestSpecificity = specificity;
                q = weight(parts);
            }
        }
        return q;
    }

    private static double weight(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].trim();
            if (p.startsWith("q=")) {
                try {
                    return Double.parseDouble(p.substring(2));
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }

    /** The client's request asking for the JSON form: {@code Accept: application/json}, no query. */
    static final class JsonRequest extends HttpServletRequestWrapper {

        JsonRequest(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getQueryString() {
            return null;
        }

        @Override
        public String getHeader(String name) {
            return "accept".equalsIgnoreCase(name) ? JSON : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return "accept".equalsIgnoreCase(name) ? Collections.enumeration(Set.of(JSON)) : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            Set<String> names = new LinkedHashSet<>(Collections.list(super.getHeaderNames()));
            names.removeIf("accept"::equalsIgnoreCase);
            names.add("Accept");
            return Collections.enumeration(names);
        }
    }
}
