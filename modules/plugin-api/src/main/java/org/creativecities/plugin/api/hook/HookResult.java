package org.creativecities.plugin.api.hook;

import java.util.Objects;
import java.util.Optional;

/**
 * A <em>before</em> hook's answer: let the action go ahead, veto it with a reason shown to the person, or
 * let it go ahead with a replacement (for example a message with a word masked).
 *
 * @param <T> what the action is about
 */
public final class HookResult<T> {

    /** What the hook decided. */
    public enum Decision { ALLOW, VETO, REPLACE }

    private final Decision decision;
    private final String reason;
    private final T replacement;

    private HookResult(Decision decision, String reason, T replacement) {
        this.decision = decision;
        this.reason = reason;
        this.replacement = replacement;
    }

    public static <T> HookResult<T> allow() {
        return new HookResult<>(Decision.ALLOW, null, null);
    }

    /** Refuses the action; the reason is shown to the person who attempted it. */
    public static <T> HookResult<T> veto(String reason) {
        return new HookResult<>(Decision.VETO, Objects.requireNonNull(reason, "reason"), null);
    }

    /** Lets the action go ahead with this value instead. */
    public static <T> HookResult<T> replace(T replacement) {
        return new HookResult<>(Decision.REPLACE, null, Objects.requireNonNull(replacement, "replacement"));
    }

    public Decision decision() {
        return decision;
    }

    public Optional<String> reason() {
        return Optional.ofNullable(reason);
    }

    public Optional<T> replacement() {
        return Optional.ofNullable(replacement);
    }
}
