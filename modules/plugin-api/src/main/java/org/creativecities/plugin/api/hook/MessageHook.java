package org.creativecities.plugin.api.hook;

/**
 * Runs before a message is stored in a live room, in every plugin enabled for the room's city that
 * declared {@link org.creativecities.plugin.api.Permission#HOOKS}. Hooks run one after the other; each
 * sees the previous one's replacement; the first veto wins and the author gets its reason.
 *
 * <p><b>Lifecycle.</b> Obtained once after {@code start}, used until {@code stop}. Live rooms call it from
 * API 1.1 (the live-room engine) on.
 * <p><b>Threading.</b> Called from the supervisor's worker threads, concurrently (also for posts to the same room),
 * with a 2 s limit, before the post joins its room's queue: never while the room is locked, so a slow hook delays
 * only its author's post. A hook that throws or times out is skipped (the message goes ahead) and counts as a
 * failure. A message a hook allowed may still be refused by the core afterwards (the author's rights, slow mode)
 * or be a retry of one already stored; count messages with the {@code MessagePosted} event, not here.
 */
@FunctionalInterface
public interface MessageHook {

    /**
     * A message about to be posted.
     *
     * @param roomId   the room
     * @param citySlug the room's city; empty for network-wide spaces
     * @param authorId the author's account
     * @param type     the message type ({@code text} for ordinary messages)
     * @param text     the text as written
     */
    record MessageDraft(String roomId, String citySlug, long authorId, String type, String text) {
    }

    HookResult<MessageDraft> beforePost(MessageDraft draft);
}
