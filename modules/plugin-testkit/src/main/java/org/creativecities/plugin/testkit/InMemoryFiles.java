package org.creativecities.plugin.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.creativecities.plugin.api.PluginFile;
import org.creativecities.plugin.api.PluginFileException;
import org.creativecities.plugin.api.PluginFiles;

/**
 * {@link PluginFiles} in memory, with the shape of the core's: 22-character media ids, files served at
 * {@code /api/media/{id}}, the plugin's own files apart from members' uploads (which a test adds with
 * {@link #memberUpload}), and only the plugin's own files deletable. Unlike the core, the type is taken from the
 * declared type, not recognised from the bytes, and no size limit or quota applies: images, audio, video and PDF
 * are accepted, anything else and empty files are refused with {@link PluginFileException}. Thread-safe.
 */
public final class InMemoryFiles implements PluginFiles {

    private record Stored(PluginFile file, byte[] bytes) {
    }

    private final Map<String, Stored> files = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();

    @Override
    public PluginFile store(String fileName, String declaredType, InputStream content) {
        byte[] bytes;
        try {
            bytes = content.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return add(fileName, declaredType, bytes, true);
    }

    /** A file a member uploaded, which the plugin may find by its id but not delete. */
    public PluginFile memberUpload(String fileName, String contentType, byte[] bytes) {
        return add(fileName, contentType, bytes, false);
    }

    @Override
    public Optional<PluginFile> find(String mediaId) {
        return Optional.ofNullable(files.get(mediaId)).map(Stored::file);
    }

    @Override
    public boolean delete(String mediaId) {
        Stored s = files.get(mediaId);
        return s != null && s.file().ownFile() && files.remove(mediaId, s);
    }

    /** The bytes of a stored file, for assertions. */
    public Optional<byte[]> bytes(String mediaId) {
        return Optional.ofNullable(files.get(mediaId)).map(s -> s.bytes().clone());
    }

    private PluginFile add(String fileName, String contentType, byte[] bytes, boolean own) {
        if (bytes.length == 0) {
            throw new PluginFileException(PluginFileException.Reason.EMPTY, "The file is empty.");
        }
        String kind = kind(contentType == null ? "" : contentType);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(
                ByteBuffer.allocate(16).putLong(0x6363635f6d656469L).putLong(sequence.incrementAndGet()).array());
        PluginFile file = new PluginFile(id, kind, contentType, bytes.length, fileName, "/api/media/" + id, own);
        files.put(id, new Stored(file, bytes.clone()));
        return file;
    }

    private static String kind(String type) {
        if (type.startsWith("image/")) {
            return "image";
        }
        if (type.startsWith("audio/")) {
            return "audio";
        }
        if (type.startsWith("video/")) {
            return "video";
        }
        if (type.equals("application/pdf")) {
            return "document";
        }
        throw new PluginFileException(PluginFileException.Reason.TYPE,
                "Files of type '" + type + "' are not accepted: images, audio, video and PDF only.");
    }
}
