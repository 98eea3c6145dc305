package org.creativecities.citypages.web;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.creativecities.citypages.CityPageException;

/**
 * A page's entity tag is its version number, {@code "3"}. An edit names the version it is based on in
 * {@code If-Match}: one tag (weak or strong), or {@code *} (any version, as if absent).
 */
final class EntityTags {

    private static final Pattern TAG = Pattern.compile("\\s*(?:W/)?\"([0-9]{1,9})\"\\s*");

    private EntityTags() {
    }

    static String of(int version) {
        return "\"" + version + "\"";
    }

    /** The version an If-Match header names; empty for none or {@code *}; 400 for anything else. */
    static Optional<Integer> basedOn(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return Optional.empty();
        }
        Matcher m = TAG.matcher(ifMatch);
        if (!m.matches()) {
            throw CityPageException.invalid("If-Match", "one entity tag, as the ETag of GET /api/cities/{slug}/brand "
                    + "(e.g. \"3\"), or *.");
        }
        return Optional.of(Integer.parseInt(m.group(1)));
    }
}
