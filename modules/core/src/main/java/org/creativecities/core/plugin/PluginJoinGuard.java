package org.creativecities.core.plugin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.creativecities.core.membership.JoinGuard;
import org.creativecities.plugin.api.hook.JoinHook;

/** Lets the plugins' join hooks veto a join, through the plugin supervisor. */
@ApplicationScoped
public class PluginJoinGuard implements JoinGuard {

    @Inject
    private PluginHooks hooks;

    @Override
    public Optional<String> refusal(String citySlug, long accountId, String displayName) {
        PluginHooks.Outcome<JoinHook.JoinAttempt> outcome = hooks.beforeJoin(
                new JoinHook.JoinAttempt(citySlug, accountId, displayName));
        if (!outcome.vetoed()) {
            return Optional.empty();
        }
        return Optional.of("refused by the " + outcome.vetoedBy().orElseThrow() + " module: "
                + outcome.reason().orElse("no reason given"));
    }
}
