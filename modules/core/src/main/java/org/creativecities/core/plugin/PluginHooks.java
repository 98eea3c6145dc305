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

    @Inject
    private PluginSupervisor supervisor;

    @Inject
    private PluginHostConfig config;

    /** Asks join hooks whether someone may join a city. */
    public Outcome<JoinHook.JoinAttempt> beforeJoin(JoinHook.JoinAttempt attempt) {
        for (PluginRuntime rt : sorted()) {
            if (rt.joinHook().isEmpty() || !registry.coversCity(rt.pluginId(), attempt.citySlug())) {
                continue;
            }
            Optional<HookResult<JoinHook.JoinAttempt>> result = ask(rt, Optional.of(attempt.citySlug()), "join hook",
                    () -> rt.joinHook().orElseThrow().beforeJoin(attempt));
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
            if (rt.messageHook().isEmpty()
                    || !draft.citySlug().isEmpty() && !registry.coversCity(rt.pluginId(), draft.citySlug())) {
                continue;
            }
            MessageHook.MessageDraft input = current;
            Optional<HookResult<MessageHook.MessageDraft>> result = ask(rt,
                    Optional.of(draft.citySlug()).filter(c -> !c.isEmpty()), "message hook",
                    () -> rt.messageHook().orElseThrow().beforePost(input));
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

    private <T> Optional<HookResult<T>> ask(PluginRuntime rt, Optional<String> city, String what,
                                            java.util.concurrent.Callable<HookResult<T>> call) {
        try {
            return Optional.ofNullable(supervisor.call(rt.pluginId(), city, rt.loader(), what, config.callTimeout(),
                    call));
        } catch (PluginCallException e) {
            return Optional.empty();
        }
    }

    private java.util.List<PluginRuntime> sorted() {
        return registry.runningPlugins().stream()
                .sorted(java.util.Comparator.comparing(PluginRuntime::pluginId)).toList();
    }
}
