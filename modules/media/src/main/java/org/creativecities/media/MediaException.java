package org.creativecities.media;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.creativecities.core.platform.web.ProblemException;

/**
 * A refused media operation, answered as a problem document ({@code MediaExceptionMapper}). Each factory names the status and
 * problem type that the API documents for it.
 */
public class MediaException extends ProblemException {

    private static final long serialVersionUID = 1L;

    /** For a 416: the {@code Content-Range} that tells the file's length. */
    private final String contentRange;

    private MediaException(int status, String type, String title, String detail, Duration retryAfter) {
        this(status, type, title, detail, retryAfter, null);
    }

    private MediaException(int status, String type, String title, String detail, Duration retryAfter,
                           String contentRange) {
        super(status, "/problems/" + type, title, detail, List.of(), retryAfter);
        this.contentRange = contentRange;
    }

    /** The {@code Content-Range} header the answer carries, if any. */
    public Optional<String> contentRange() {
        return Optional.ofNullable(contentRange);
    }

    /** 413: the upload is larger than its type's limit (or the image has too many pixels). */
    public static MediaException tooLarge(String detail) {
        return new MediaException(413, "payload-too-large", "Payload too large", detail, null);
    }

    /** 415: the declared type is not accepted, or the bytes are not of the declared type. */
    public static MediaException unsupportedType(String detail) {
        return new MediaException(415, "unsupported-media-type", "Unsupported media type", detail, null);
    }

    /** 415: the bytes are of another type than the one declared. */
    public static MediaException mismatch(String detail) {
        return new MediaException(415, "media-type-mismatch", "Declared type does not match the file", detail, null);
    }

    /** 422: the bytes are of the declared type but cannot be decoded. */
    public static MediaException unreadable(String detail) {
        return new MediaException(422, "unreadable-media", "The file could not be read", detail, null);
    }

    /**
     * 507 Insufficient Storage: storing the upload would take the account past its quota. Not 413: the request
     * itself is acceptable, and would be accepted once the account frees space (the status WebDAV servers such as
     * Nextcloud answer for a full quota).
     */
    public static MediaException quotaExceeded(String detail) {
        return new MediaException(507, "quota-exceeded", "Storage quota exceeded", detail, null);
    }

    /** 429: too many uploads from this account lately. */
    public static MediaException tooManyUploads(String detail, Duration retryAfter) {
        return new MediaException(429, "too-many-requests", "Too many requests", detail, retryAfter);
    }

    /** 416: the requested range lies outside the file. */
    public static MediaException rangeNotSatisfiable(long size) {
        return new MediaException(416, "range-not-satisfiable", "Range not satisfiable",
                "The requested range is outside the file, which is " + size + " bytes long.", null, "bytes */" + size);
    }

    /** 400: a parameter is out of range. */
    public static MediaException badRequest(String detail) {
        return new MediaException(400, "bad-request", "Bad request", detail, null);
    }
}
