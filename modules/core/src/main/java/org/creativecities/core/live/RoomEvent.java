package org.creativecities.core.live;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * One numbered event of a room's log: a message, an edit, deletion or reaction aimed at a message (by
 * its sequence number, {@link #targetSeq()}), or a system event a plugin published into its room (plugin API 1.3:
 * no person is its author; {@link #pluginId()}, {@link #systemEvent()}, {@link #payload()} and, for the module's
 * own message, a text). Sequence numbers are dense per room (1, 2, 3, ...), so a
 * client that saw {@code n} resumes with exactly the events after {@code n}. A message row also holds the
 * message's current state (text after edits, deleted flag), so history shows what readers see now; the
 * edit and delete rows keep the change itself for clients that replay.
 */
@Entity
@Table(name = "room_event")
public class RoomEvent {

    /** What happened. */
    public enum Type {
        MESSAGE, EDIT, DELETE, REACTION, SYSTEM;

        /** The name used on the wire and in the database. */
        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    @Id
    @SequenceGenerator(name = "room_event_seq", sequenceName = "room_event_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "room_event_seq")
    private Long id;

    @Column(name = "room_id", nullable = false)
    private long roomId;

    @Column(nullable = false)
    private long seq;

    @Column(name = "event_type", nullable = false)
    private String eventType;

    @Column(name = "author_id", nullable = false)
    private long authorId;

    @Column(name = "author_name", nullable = false)
    private String authorName;

    @Column(name = "client_message_id")
    private String clientMessageId;

    @Column(name = "target_seq")
    private Long targetSeq;

    @Column(name = "reply_to")
    private Long replyTo;

    @Column(name = "content")
    private String text;

    /** The safe HTML of {@link #text}, rendered before the room's lock is taken (see {@link MessageRenderer}). */
    @Column(name = "html")
    private String html;

    private String emoji;

    @Column(nullable = false)
    private boolean deleted;

    /** The plugin that published a system event. */
    @Column(name = "plugin_id")
    private String pluginId;

    /** A system event's type, e.g. {@code track-changed}. */
    @Column(name = "system_event")
    private String systemEvent;

    /** A system event's payload, a JSON object as text. */
    private String payload;

    @Column(name = "edited_at")
    private OffsetDateTime editedAt;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    protected RoomEvent() {
    }

    private RoomEvent(long roomId, long seq, Type type, long authorId, String authorName, OffsetDateTime now) {
        this.roomId = roomId;
        this.seq = seq;
        this.eventType = type.wire();
        this.authorId = authorId;
        this.authorName = authorName;
        this.createdAt = now;
    }

    static RoomEvent message(long roomId, long seq, long authorId, String authorName, String clientMessageId,
                             String text, String html, Long replyTo, OffsetDateTime now) {
        RoomEvent e = new RoomEvent(roomId, seq, Type.MESSAGE, authorId, authorName, now);
        e.clientMessageId = clientMessageId;
        e.text = text;
        e.html = html;
        e.replyTo = replyTo;
        return e;
    }

    static RoomEvent edit(long roomId, long seq, long authorId, String authorName, long target, String text,
                          String html, OffsetDateTime now) {
        RoomEvent e = new RoomEvent(roomId, seq, Type.EDIT, authorId, authorName, now);
        e.targetSeq = target;
        e.text = text;
        e.html = html;
        return e;
    }

    static RoomEvent delete(long roomId, long seq, long authorId, String authorName, long target,
                            OffsetDateTime now) {
        RoomEvent e = new RoomEvent(roomId, seq, Type.DELETE, authorId, authorName, now);
        e.targetSeq = target;
        return e;
    }

    static RoomEvent reaction(long roomId, long seq, long authorId, String authorName, long target, String emoji,
                              boolean add, OffsetDateTime now) {
        RoomEvent e = new RoomEvent(roomId, seq, Type.REACTION, authorId, authorName, now);
        e.targetSeq = target;
        e.emoji = emoji;
        e.deleted = !add;
        return e;
    }

    /**
     * A system event of a plugin: authored by no person (author id 0), under the module's name.
     *
     * @param source  how the source is shown, e.g. "the Film module"
     * @param payload a JSON object as text
     * @param text    the module's message, or null
     * @param html    its safe HTML, or null
     */
    static RoomEvent system(long roomId, long seq, String pluginId, String source, String event, String payload,
                            String text, String html, OffsetDateTime now) {
        RoomEvent e = new RoomEvent(roomId, seq, Type.SYSTEM, 0, source, now);
        e.pluginId = pluginId;
        e.systemEvent = event;
        e.payload = payload;
        e.text = text;
        e.html = html;
        return e;
    }

    /** Applies an edit to this message's current state. */
    void applyEdit(String newText, String newHtml, OffsetDateTime now) {
        this.text = newText;
        this.html = newHtml;
        this.editedAt = now;
    }

    /** Applies a deletion to this message's current state: the text is gone for good. */
    void applyDelete() {
        this.text = null;
        this.html = null;
        this.deleted = true;
    }

    public long roomId() {
        return roomId;
    }

    public long seq() {
        return seq;
    }

    public Type type() {
        return Type.valueOf(eventType.toUpperCase(java.util.Locale.ROOT));
    }

    public long authorId() {
        return authorId;
    }

    public String authorName() {
        return authorName;
    }

    public Optional<String> clientMessageId() {
        return Optional.ofNullable(clientMessageId);
    }

    public Optional<Long> targetSeq() {
        return Optional.ofNullable(targetSeq);
    }

    public Optional<Long> replyTo() {
        return Optional.ofNullable(replyTo);
    }

    public Optional<String> text() {
        return Optional.ofNullable(text);
    }

    /** The safe HTML of the text, when there is a text: as stored, or rendered now for a row stored without it. */
    public Optional<String> html() {
        return text().map(t -> html != null ? html : MessageRenderer.html(t));
    }

    public Optional<String> emoji() {
        return Optional.ofNullable(emoji);
    }

    /** For a message: deleted. For a reaction: the reaction was removed. */
    public boolean isDeleted() {
        return deleted;
    }

    /** The plugin that published a system event. */
    public Optional<String> pluginId() {
        return Optional.ofNullable(pluginId);
    }

    /** A system event's type. */
    public Optional<String> systemEvent() {
        return Optional.ofNullable(systemEvent);
    }

    /** A system event's payload, a JSON object as text. */
    public Optional<String> payload() {
        return Optional.ofNullable(payload);
    }

    public Optional<OffsetDateTime> editedAt() {
        return Optional.ofNullable(editedAt);
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }
}
