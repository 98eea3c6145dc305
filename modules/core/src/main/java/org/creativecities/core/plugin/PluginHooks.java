package org.creativecities.core.plugin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.creativecities.plugin.api.hook.HookResult;
import org.creativecities.plugin.api.hook.JoinHook;
import org.creativecities.plugin.api.hook.MessageHook;

/**
 * Runs plugins' <em>before</em> hooks for the core. Hooks run one plugin after the other (in plugin-id
 * order), each through the supervisor; a failing or slow hook is skipped (fail open) and recorded. Only
 * plugins enabled in the action's city take part.
 */
@ApplicationScoped
public class PluginHooks {

    /**
     * The outcome for the core.
     *
     * @param vetoedBy the plugin that vetoed, if one did
     * @param reason   its reason
     * @param value    the (possibly replaced) value when not vetoed
     * @param <T>      what the action is about
     */
    public record Outcome<T>(Optional<String> vetoedBy, Optional<String> reason, T value) {

        public boolean vetoed() {
            return vetoedBy.isPresent();
        }
    }

    @Inject
    private PluginRegistry registry;

    /** Asks join hooks whether someone may join a city. */
    public Outcome<JoinHook.JoinAttempt> beforeJoin(JoinHook.JoinAttempt attempt) {
        for (PluginRuntime rt : sorted()) {
            if (!rt.code().hasJoinHook() || !registry.coversCity(rt.pluginId(), attempt.citySlug())) {
                continue;
            }
            Optional<HookResult<JoinHook.JoinAttempt>> result = ask(() -> rt.code().beforeJoin(attempt));
            if (result.isPresent() && result.get().decision() == HookResult.Decision.VETO) {
                return new Outcome<>(Optional.of(rt.pluginId()), result.get().reason(), attempt);
            }
        }
        return new Outcome<>(Optional.empty(), Optional.empty(), attempt);
    }

    /** Passes a message through the message hooks; each sees the previous replacement. */
    public Outcome<MessageHook.MessageDraft> beforePost(MessageHook.MessageDraft draft) {
        MessageHook.MessageDraft current = draft;
        for (PluginRuntime rt : sorted()) {
            if (!rt.code().hasMessageHook()
                    || !draft.citySlug().isEmpty() && !registry.coversCity(rt.pluginId(), draft.citySlug())) {
                continue;
            }
            MessageHook.MessageDraft input = current;
            Optional<HookResult<MessageHook.MessageDraft>> result = ask(() -> rt.code().beforePost(
                    Optional.of(draft.citySlug()).filter(c -> !c.isEmpty()), input));
            if (result.isEmpty()) {
                continue;
            }
            switch (result.get().decision()) {
                case VETO -> {
                    return new Outcome<>(Optional.of(rt.pluginId()), result.get().reason(), current);
                }
                case REPLACE -> current = result.get().replacement().orElse(current);
                case ALLOW -> {
                }
            }
        }
        return new Outcome<>(Optional.empty(), Optional.empty(), current);
    }

    /** A hook's decision; none when it gave none or its call failed (the failure is recorded). */
    private static <T> Optional<HookResult<T>> ask(java.util.function.Supplier<Optional<HookResult<T>>> call) {
        try {
            return call.get();
        } catch (PluginCallException e) {
            return Optional.empty();
        }
    }

    private java.util.List<PluginRuntime> sorted() {
        return registry.runningPlugins().stream()
                .sorted(java.util.Comparator.comparing(PluginRuntime::pluginId)).toList();
    }
}
