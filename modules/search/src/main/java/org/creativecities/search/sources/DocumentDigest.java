package org.creativecities.search.sources;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.creativecities.search.SearchDocument;

/**
 * A fingerprint of documents as they would be indexed (count and SHA-256 of their content), for sources small
 * enough to read whole at start-up: it changes whenever anything searchable changed.
 */
final class DocumentDigest {

    private final MessageDigest digest;
    private int count;

    DocumentDigest() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    void add(SearchDocument d) {
        String line = String.join("\u0000", d.id(), String.valueOf(d.title()), String.valueOf(d.text()),
                String.valueOf(d.url()), String.valueOf(d.fields()), String.valueOf(d.cities()),
                String.valueOf(d.audience()), String.valueOf(d.updated())) + "\u0001";
        digest.update(line.getBytes(StandardCharsets.UTF_8));
        count++;
    }

    /** {@code <count>:<hex digest>}. */
    String value() {
        return count + ":" + HexFormat.of().formatHex(digest.digest());
    }
}
