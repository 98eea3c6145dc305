package org.creativecities.media;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One upload (the aggregate): who owns it, what it is, and the content hash under which its bytes are stored, plus,
 * for an image, its thumbnails and alt text. The bytes never change: a new file is a new upload. Several uploads may
 * share one hash (the same file uploaded twice), and so one stored file.
 */
@Entity
@Table(name = "media")
public class Media {

    @Id
    private String id;

    @Column(name = "owner_id")
    private Long ownerId;

    @Column(name = "plugin_id")
    private String pluginId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private MediaKind kind;

    @Column(name = "content_type", nullable = false)
    private String contentType;

    @Column(name = "size_bytes", nullable = false)
    private long sizeBytes;

    @Column(nullable = false)
    private String sha256;

    @Column(name = "file_name")
    private String fileName;

    private Integer width;

    private Integer height;

    private String alt;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "media_variant", joinColumns = @JoinColumn(name = "media_id"))
    @OrderBy("width")
    private List<MediaVariant> variants = new ArrayList<>();

    protected Media() {
    }

    /**
     * A new upload with a fresh, unguessable id.
     *
     * @param fileName the name the client gave, or {@code null}; kept without folders or control characters, for
     *                 downloads
     */
    public static Media upload(MediaOwner owner, StoredFile file, String fileName, OffsetDateTime createdAt) {
        return new Media(MediaIds.next(), owner, file, cleanName(fileName), createdAt);
    }

    private static String cleanName(String name) {
        if (name == null) {
            return null;
        }
        String last = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        String clean = last.replaceAll("[\\p{Cntrl}\"]", "").strip();
        if (clean.length() > 200) {
            clean = clean.substring(clean.length() - 200);
        }
        return clean.isEmpty() || clean.equals(".") || clean.equals("..") ? null : clean;
    }

    private Media(String id, MediaOwner owner, StoredFile file, String fileName, OffsetDateTime createdAt) {
        this.id = id;
        this.ownerId = owner.accountId();
        this.pluginId = owner.pluginId();
        this.kind = file.type().kind();
        this.contentType = file.contentType();
        this.sizeBytes = file.size();
        this.sha256 = file.sha256();
        this.fileName = fileName;
        this.width = file.width();
        this.height = file.height();
        this.createdAt = createdAt;
        file.thumbnails().forEach(t -> variants.add(new MediaVariant(t)));
    }

    public String id() {
        return id;
    }

    /** Whose it is: the uploading account's, or a plugin's. */
    public MediaOwner owner() {
        return new MediaOwner(ownerId, pluginId);
    }

    /** Whether this account uploaded it (a plugin's file is no account's). */
    public boolean isUploadedBy(long accountId) {
        return ownerId != null && ownerId == accountId;
    }

    public MediaKind kind() {
        return kind;
    }

    public String contentType() {
        return contentType;
    }

    public long sizeBytes() {
        return sizeBytes;
    }

    public String sha256() {
        return sha256;
    }

    public Optional<String> fileName() {
        return Optional.ofNullable(fileName);
    }

    public Optional<Integer> width() {
        return Optional.ofNullable(width);
    }

    public Optional<Integer> height() {
        return Optional.ofNullable(height);
    }

    public Optional<String> alt() {
        return Optional.ofNullable(alt);
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    /** The thumbnails, narrowest first; empty for anything but an image wider than the narrowest width. */
    public List<MediaVariant> variants() {
        return List.copyOf(variants);
    }

    /** Only images need alt text before they are published. */
    public boolean altRequired() {
        return kind == MediaKind.IMAGE;
    }

    void describe(String alt) {
        this.alt = alt;
    }
}
