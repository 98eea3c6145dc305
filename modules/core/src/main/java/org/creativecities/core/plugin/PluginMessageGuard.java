package org.creativecities.core.plugin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.creativecities.core.live.MessageGuard;
import org.creativecities.plugin.api.hook.MessageHook;

/** Passes every message through the plugins' message hooks, under the plugin supervisor. */
@ApplicationScoped
public class PluginMessageGuard implements MessageGuard {

    @Inject
    private PluginHooks hooks;

    @Override
    public Verdict review(long roomId, String citySlug, long authorId, String text) {
        PluginHooks.Outcome<MessageHook.MessageDraft> outcome = hooks.beforePost(
                new MessageHook.MessageDraft(Long.toString(roomId), citySlug, authorId, "message", text));
        if (outcome.vetoed()) {
            return new Verdict(text, Optional.of("refused by the " + outcome.vetoedBy().orElseThrow() + " module: "
                    + outcome.reason().orElse("no reason given")));
        }
        return new Verdict(outcome.value().text(), Optional.empty());
    }
}
