package org.creativecities.media.web;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.creativecities.media.MediaException;

/**
 * One byte range of a file, from a {@code Range} header (RFC 9110, 14.2). Only a single range is served; a header
 * with several ranges, another unit or bad syntax is ignored, and the whole file is served, as the RFC allows.
 *
 * @param first the first byte
 * @param last  the last byte, inclusive
 */
public record ByteRange(long first, long last) {

    private static final Pattern SINGLE = Pattern.compile("bytes=\\s*(\\d{0,18})\\s*-\\s*(\\d{0,18})\\s*");

    public long length() {
        return last - first + 1;
    }

    /** The {@code Content-Range} value of this range of a file of {@code size} bytes. */
    public String contentRange(long size) {
        return "bytes " + first + "-" + last + "/" + size;
    }

    /**
     * The range a header asks for, within a file of {@code size} bytes.
     *
     * @return empty when the whole file is to be served
     * @throws MediaException 416 when the range lies wholly outside the file
     */
    public static Optional<ByteRange> parse(String header, long size) {
        if (header == null) {
            return Optional.empty();
        }
        Matcher m = SINGLE.matcher(header);
        if (!m.matches() || m.group(1).isEmpty() && m.group(2).isEmpty()) {
            return Optional.empty();
        }
        if (m.group(1).isEmpty()) {
            long suffix = Long.parseLong(m.group(2));
            if (suffix == 0 || size == 0) {
                throw MediaException.rangeNotSatisfiable(size);
            }
            return Optional.of(new ByteRange(Math.max(0, size - suffix), size - 1));
        }
        long first = Long.parseLong(m.group(1));
        long last = m.group(2).isEmpty() ? size - 1 : Long.parseLong(m.group(2));
        if (m.group(2).length() > 0 && last < first) {
            return Optional.empty();
        }
        if (first >= size) {
            throw MediaException.rangeNotSatisfiable(size);
        }
        return Optional.of(new ByteRange(first, Math.min(last, size - 1)));
    }
}
