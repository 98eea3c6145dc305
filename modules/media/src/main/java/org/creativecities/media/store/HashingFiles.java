package org.creativecities.media.store;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Writes files while computing their SHA-256 and length, never holding more than a buffer in memory. */
public final class HashingFiles {

    private static final int BUFFER = 64 * 1024;

    /** A written file's hash (lower-case hex) and length. */
    public record Written(String sha256, long size) {
    }

    /** Writes the content of a file. */
    public interface Writer {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Thrown when a body passes the limit it is received with; the partial file is left for the caller. */
    public static final class LimitExceeded extends IOException {
        private static final long serialVersionUID = 1L;

        LimitExceeded(long limit) {
            super("more than " + limit + " bytes");
        }
    }

    private HashingFiles() {
    }

    /** Writes {@code file} with {@code writer}. */
    public static Written write(Path file, Writer writer) throws IOException {
        MessageDigest digest = sha256();
        Counting counting;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), BUFFER)) {
            counting = new Counting(new DigestOutputStream(out, digest));
            writer.writeTo(counting);
        }
        return new Written(HexFormat.of().formatHex(digest.digest()), counting.count);
    }

    /**
     * Copies a body into {@code file}, stopping with {@link LimitExceeded} as soon as it grows past {@code limit}
     * bytes: what lies beyond is never read.
     */
    public static Written receive(InputStream body, Path file, long limit) throws IOException {
        return write(file, out -> {
            byte[] buffer = new byte[BUFFER];
            long total = 0;
            int n;
            while ((n = body.read(buffer, 0, (int) Math.min(buffer.length, limit - total + 1))) >= 0) {
                total += n;
                if (total > limit) {
                    throw new LimitExceeded(limit);
                }
                out.write(buffer, 0, n);
            }
        });
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Counts what goes through. */
    private static final class Counting extends FilterOutputStream {
        private long count;

        Counting(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}
